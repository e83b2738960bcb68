#include "telegramhtml.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

#include <algorithm>

namespace rw::sim {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

// tdlib's decode_html_entity: &lt; &gt; &amp; &quot; &#NNN; &#xHH; — the ';' is optional.
// Returns 0 (pos unchanged) when no entity starts at pos.
char32_t decodeEntity(const QByteArray &in, qsizetype &pos)
{
    const qsizetype n = in.size();
    qsizetype end = pos + 1;
    char32_t value = 0;
    if (end < n && in[end] == '#') {
        ++end;
        const bool hex = end < n && in[end] == 'x';
        if (hex)
            ++end;
        const qsizetype digitsBegin = end;
        while (end < n && end - pos < 10) {
            const char c = in[end];
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            if (d < 0)
                break;
            value = value * (hex ? 16 : 10) + char32_t(d);
            ++end;
        }
        if (end == digitsBegin || value == 0 || value >= 0x10ffff || end - pos >= 10 ||
            (value >= 0xd800 && value <= 0xdfff))
            return 0;
    } else {
        while (end < n &&
               ((in[end] >= 'a' && in[end] <= 'z') || (in[end] >= 'A' && in[end] <= 'Z')))
            ++end;
        const QByteArray name = in.mid(pos + 1, end - pos - 1);
        if (name == "lt")
            value = '<';
        else if (name == "gt")
            value = '>';
        else if (name == "amp")
            value = '&';
        else if (name == "quot")
            value = '"';
        else
            return 0;
    }
    pos = (end < n && in[end] == ';') ? end + 1 : end;
    return value;
}

struct OpenTag
{
    QByteArray name;
    qsizetype offset = 0; // UTF-16 offset in the output text
    QString argument;     // href, language, "expandable"
};

const QByteArrayList kAllowedTags = {"b",   "i", "u",          "s",         "code",
                                     "pre", "a", "blockquote", "tg-spoiler"};

} // namespace

TelegramText parseTelegramHtml(const QString &html, bool strictAmpersand)
{
    const QByteArray in = html.toUtf8();
    const qsizetype n = in.size();
    QString out;
    QVector<OpenTag> stack;
    QVector<QJsonObject> entities;
    auto fail = [](const QString &error) {
        TelegramText t;
        t.error = error;
        return t;
    };
    auto appendCodepoint = [&out](char32_t cp) { out += QString::fromUcs4(&cp, 1); };

    qsizetype i = 0;
    while (i < n) {
        const char c = in[i];
        if (c == '&') {
            qsizetype pos = i;
            if (const char32_t cp = decodeEntity(in, pos)) {
                appendCodepoint(cp);
                i = pos;
                continue;
            }
            if (strictAmpersand)
                return fail(QStringLiteral("Character '&' at byte offset %1 does not begin an "
                                           "entity; escape it as &amp;")
                                .arg(i));
        }
        if (c != '<') {
            // Copy one UTF-8 sequence.
            qsizetype len = 1;
            const auto lead = static_cast<unsigned char>(c);
            if (lead >= 0xf0)
                len = 4;
            else if (lead >= 0xe0)
                len = 3;
            else if (lead >= 0xc0)
                len = 2;
            out += QString::fromUtf8(in.constData() + i, int(qMin(len, n - i)));
            i += len;
            continue;
        }

        const qsizetype begin = i++;
        if (i < n && in[i] == '/') {
            ++i;
            const qsizetype nameBegin = i;
            while (i < n && in[i] != '>')
                ++i;
            if (i >= n)
                return fail(QStringLiteral("Unclosed end tag at byte offset %1").arg(begin));
            const QByteArray name = in.mid(nameBegin, i - nameBegin).trimmed().toLower();
            ++i;
            if (stack.isEmpty())
                return fail(QStringLiteral("Unexpected end tag at byte offset %1").arg(begin));
            const OpenTag open = stack.takeLast();
            if (name != open.name)
                return fail(QStringLiteral("Unmatched end tag at byte offset %1, expected "
                                           "\"</%2>\", found \"</%3>\"")
                                .arg(begin)
                                .arg(QString::fromUtf8(open.name), QString::fromUtf8(name)));
            const qsizetype length = out.size() - open.offset;
            if (open.name == "code" && !stack.isEmpty() && stack.last().name == "pre") {
                // <pre><code class="language-x"> is one pre entity with a language.
                stack.last().argument = open.argument;
                continue;
            }
            if (length <= 0)
                continue;
            QJsonObject e{{QStringLiteral("offset"), qint64(open.offset)},
                          {QStringLiteral("length"), qint64(length)}};
            if (open.name == "b")
                e.insert(QStringLiteral("type"), QStringLiteral("bold"));
            else if (open.name == "i")
                e.insert(QStringLiteral("type"), QStringLiteral("italic"));
            else if (open.name == "u")
                e.insert(QStringLiteral("type"), QStringLiteral("underline"));
            else if (open.name == "s")
                e.insert(QStringLiteral("type"), QStringLiteral("strikethrough"));
            else if (open.name == "code")
                e.insert(QStringLiteral("type"), QStringLiteral("code"));
            else if (open.name == "tg-spoiler")
                e.insert(QStringLiteral("type"), QStringLiteral("spoiler"));
            else if (open.name == "blockquote")
                e.insert(QStringLiteral("type"), open.argument.isEmpty()
                                                     ? QStringLiteral("blockquote")
                                                     : QStringLiteral("expandable_blockquote"));
            else if (open.name == "pre") {
                e.insert(QStringLiteral("type"), QStringLiteral("pre"));
                if (!open.argument.isEmpty())
                    e.insert(QStringLiteral("language"), open.argument);
            } else if (open.name == "a") {
                if (open.argument.isEmpty())
                    continue;
                e.insert(QStringLiteral("type"), QStringLiteral("text_link"));
                e.insert(QStringLiteral("url"), open.argument);
            }
            entities.append(e);
            continue;
        }

        const qsizetype nameBegin = i;
        while (i < n && !isSpace(in[i]) && in[i] != '>')
            ++i;
        if (i >= n)
            return fail(QStringLiteral("Unclosed start tag at byte offset %1").arg(begin));
        const QByteArray name = in.mid(nameBegin, i - nameBegin).toLower();
        if (!kAllowedTags.contains(name))
            return fail(QStringLiteral("Unsupported start tag \"%1\" at byte offset %2")
                            .arg(QString::fromUtf8(name))
                            .arg(begin));
        OpenTag open{name, out.size(), QString()};
        for (;;) {
            while (i < n && isSpace(in[i]))
                ++i;
            if (i >= n)
                return fail(QStringLiteral("Unclosed start tag \"%1\" at byte offset %2")
                                .arg(QString::fromUtf8(name))
                                .arg(begin));
            if (in[i] == '>') {
                ++i;
                break;
            }
            const qsizetype attrBegin = i;
            while (i < n && isNameChar(in[i]))
                ++i;
            const QByteArray attr = in.mid(attrBegin, i - attrBegin).toLower();
            if (attr.isEmpty())
                return fail(QStringLiteral("Empty attribute name in the tag \"%1\" at byte "
                                           "offset %2")
                                .arg(QString::fromUtf8(name))
                                .arg(begin));
            while (i < n && isSpace(in[i]))
                ++i;
            QString value;
            if (i < n && in[i] == '=') {
                ++i;
                while (i < n && isSpace(in[i]))
                    ++i;
                QByteArray raw;
                if (i < n && (in[i] == '"' || in[i] == '\'')) {
                    const char quote = in[i++];
                    const qsizetype valueEnd = in.indexOf(quote, i);
                    if (valueEnd < 0)
                        return fail(
                            QStringLiteral("Unclosed start tag at byte offset %1").arg(begin));
                    raw = in.mid(i, valueEnd - i);
                    i = valueEnd + 1;
                } else {
                    const qsizetype valueBegin = i;
                    while (i < n && !isSpace(in[i]) && in[i] != '>')
                        ++i;
                    raw = in.mid(valueBegin, i - valueBegin);
                }
                const TelegramText decoded = parseTelegramHtml(QString::fromUtf8(raw), false);
                value = decoded.ok() ? decoded.text : QString::fromUtf8(raw);
            }
            if (name == "a" && attr == "href")
                open.argument = value;
            else if (name == "code" && attr == "class" &&
                     value.startsWith(QLatin1String("language-")))
                open.argument = value.mid(9);
            else if (name == "blockquote" && attr == "expandable")
                open.argument = QStringLiteral("expandable");
        }
        stack.append(open);
    }
    if (!stack.isEmpty())
        return fail(QStringLiteral("Can't find end tag corresponding to start tag \"%1\"")
                        .arg(QString::fromUtf8(stack.last().name)));

    std::sort(entities.begin(), entities.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 ao = a.value(QLatin1String("offset")).toInteger();
        const qint64 bo = b.value(QLatin1String("offset")).toInteger();
        if (ao != bo)
            return ao < bo;
        return a.value(QLatin1String("length")).toInteger() >
               b.value(QLatin1String("length")).toInteger();
    });
    TelegramText result;
    result.text = out;
    for (const QJsonObject &e : std::as_const(entities))
        result.entities.append(e);
    return result;
}

TelegramText plainTelegramText(const QString &text)
{
    TelegramText t;
    t.text = text;
    return t;
}

} // namespace rw::sim
