#include "notify/messageformatter.h"

#include "util/units.h"

#include <QDateTime>
#include <QFile>
#include <QStringList>
#include <QTranslator>
#include <QtGlobal>

#include <algorithm>

namespace rw {

namespace {

constexpr const char *kContext = "rw::MessageFormatter";
constexpr int kMaxNameLength = 64; // one absurd worker name must not eat the message
constexpr int kMaxReasonLength = 300;

// Never cut between the two halves of a surrogate pair (an emoji): a lone high surrogate is
// invalid UTF-16, and Telegram refuses or mangles the text.
qsizetype pairSafeCut(const QString &text, qsizetype keep)
{
    if (keep > 0 && keep < text.size() && text.at(keep - 1).isHighSurrogate())
        --keep;
    return keep;
}

QString elide(const QString &text, int max)
{
    if (text.size() <= max)
        return text;
    return text.left(pairSafeCut(text, max - 1)) + QChar(0x2026);
}

bool becomesSpace(char16_t u) // line breaks and tabs
{
    return u == '\n' || u == '\r' || u == '\t' || u == 0x0b || u == 0x0c || u == 0x85 ||
           u == 0x2028 || u == 0x2029;
}

bool isBidiControl(char16_t u)
{
    return u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) ||
           (u >= 0x2066 && u <= 0x2069);
}

// A name elided to its cap, then made displayable and escaped for the format.
QString nameFor(const QString &text, int max, bool html)
{
    const QString shown = MessageFormatter::displayable(elide(text, max));
    return html ? MessageFormatter::escapeHtml(shown) : shown;
}

} // namespace

MessageFormatter::MessageFormatter(const QString &language)
    : m_language(language.isEmpty() ? QStringLiteral("en") : language)
{
    if (m_language == QLatin1String("en"))
        return; // the source strings are English
    // The core's catalogue (rigwatch_core_*): rigwatchd has no other.
    const QString file =
        QStringLiteral(":/i18n/rigwatch_core_") + m_language + QStringLiteral(".qm");
    auto translator = std::make_shared<QTranslator>();
    if (QFile::exists(file) && translator->load(file)) {
        m_translator = translator;
        // A catalogue without our strings (not yet translated) is no translation.
        m_translated = !translator->translate(kContext, "%1 of %2 workers offline").isEmpty();
    }
}

QString MessageFormatter::translated(const char *source) const
{
    if (m_translator) {
        const QString t = m_translator->translate(kContext, source);
        if (!t.isEmpty())
            return t;
    }
    return QString::fromUtf8(source);
}

QString MessageFormatter::escapeHtml(const QString &text)
{
    // Telegram's HTML mode knows only these three entities outside attributes; quotes stay.
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('&'))
            out += QLatin1String("&amp;");
        else if (c == QLatin1Char('<'))
            out += QLatin1String("&lt;");
        else if (c == QLatin1Char('>'))
            out += QLatin1String("&gt;");
        else
            out += c;
    }
    return out;
}

QString MessageFormatter::displayable(const QString &text)
{
    // Worker names come from the pool and a reason may quote a server: a name must not fake a
    // line of the alert (a line break), hide or reorder text (NUL, ESC, a right-to-left
    // override) or make the text invalid UTF-16. Escapes rather than removal: the operator sees
    // that the name holds something strange and can find the worker. Escapes stay short, so a
    // name elided to its cap stays short too.
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (becomesSpace(u)) {
            if (u == '\r' && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i; // CRLF is one break
            out += QLatin1Char(' ');
        } else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
            out +=
                QLatin1String("\\x") + QString::number(u, 16).rightJustified(2, QLatin1Char('0'));
        } else if (isBidiControl(u)) {
            out +=
                QLatin1String("\\u") + QString::number(u, 16).rightJustified(4, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

QString MessageFormatter::plainText(const QString &html)
{
    QString out;
    out.reserve(html.size());
    bool inTag = false;
    for (const QChar c : html) {
        if (inTag)
            inTag = c != QLatin1Char('>');
        else if (c == QLatin1Char('<'))
            inTag = true;
        else
            out += c;
    }
    // &amp; last, so "&amp;lt;" stays the literal "&lt;" it stood for.
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

QString MessageFormatter::duration(qint64 secs) const
{
    secs = qMax<qint64>(0, secs);
    if (secs < 60)
        return translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "under 1 min"));
    const qint64 mins = secs / 60;
    if (mins < 60)
        return translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 min")).arg(mins);
    if (mins < 24 * 60)
        return translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 h %2 min"))
            .arg(mins / 60)
            .arg(mins % 60, 2, 10, QLatin1Char('0'));
    const qint64 hours = mins / 60;
    return translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 d %2 h"))
        .arg(hours / 24)
        .arg(hours % 24, 2, 10, QLatin1Char('0'));
}

QString MessageFormatter::acknowledgedLine(const QString &by, qint64 at,
                                           const QStringList &rigs) const
{
    const QString when =
        QDateTime::fromSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("HH:mm"));
    QString line =
        QStringLiteral("\u2705 ") +
        translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "acknowledged by %1 at %2 UTC"))
            .arg(nameFor(by, kMaxNameLength, true), when);
    if (rigs.isEmpty())
        return line;
    constexpr int kShown = 10; // the line stays a line; the message lists every rig anyway
    QStringList names;
    for (int i = 0; i < rigs.size() && i < kShown; ++i)
        names << nameFor(rigs.at(i), kMaxNameLength, true);
    line += QStringLiteral(": ") + names.join(QStringLiteral(", "));
    if (rigs.size() > kShown)
        line +=
            QLatin1Char(' ') + translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "and %1 more"))
                                   .arg(rigs.size() - kShown);
    return line;
}

QString MessageFormatter::utcTime(qint64 at) const
{
    return QDateTime::fromSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString MessageFormatter::incidentText(const QString &account, const Incident &incident,
                                       TextFormat format, int maxWorkers) const
{
    const bool html = format == TextFormat::Html;
    const int maxLength = html ? kMaxLength : kPlainMaxLength;
    const auto bold = [html](const QString &text) {
        return html ? QString(QStringLiteral("<b>") + text + QStringLiteral("</b>")) : text;
    };
    const QString name = nameFor(account, kMaxNameLength, html);
    // Red when rigs are down or the farm is short; amber when only degraded or flapping rigs.
    const bool amber = incident.down.isEmpty() && !incident.hashrateLow &&
                       incident.lowGroups.isEmpty() && !incident.poolUnreachable;
    QString head = (amber ? QStringLiteral("\U0001F7E0 ") : QStringLiteral("\U0001F534 ")) +
                   bold(name) + QLatin1Char('\n');
    if (!incident.down.isEmpty())
        head +=
            bold(translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 of %2 workers offline"))
                     .arg(incident.down.size())
                     .arg(qMax(incident.total, int(incident.down.size())))) +
            QLatin1Char('\n');

    QStringList lines;
    lines.reserve(incident.down.size());
    // A chat receiving several groups lists each group's workers under its label (the router
    // sorts them so); the account's ungrouped workers come last, under "Other".
    const bool grouped =
        std::any_of(incident.down.cbegin(), incident.down.cend(),
                    [&](const Incident::Down &d) { return incident.groups.contains(d.worker); });
    QString heading;
    for (const Incident::Down &d : incident.down) {
        const QString worker = nameFor(d.worker, kMaxNameLength, html);
        const QString howLong = duration(incident.at - d.since);
        QString line;
        if (d.status == WorkerStatus::Missing)
            line = d.since > 0 ? translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                              "%1 missing, no share for %2"))
                                     .arg(worker, howLong)
                               : translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 missing"))
                                     .arg(worker);
        else
            line = translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 offline for %2"))
                       .arg(worker, howLong);
        line = QStringLiteral("\u2022 ") + line + QLatin1Char('\n');
        const QString label = incident.groups.value(d.worker);
        const QString group = label.isEmpty()
                                  ? translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Other"))
                                  : nameFor(label, kMaxNameLength, html);
        if (grouped && (lines.isEmpty() || group != heading)) {
            heading = group; // a heading goes with its group's first line
            line = QStringLiteral("\u25b8 ") + bold(group) + QLatin1Char('\n') + line;
        }
        lines << line;
    }
    const auto inGroup = [html, &incident](const QString &worker) {
        const QString group = incident.groups.value(worker);
        return group.isEmpty()
                   ? QString()
                   : QStringLiteral(" (") + nameFor(group, kMaxNameLength, html) + QLatin1Char(')');
    };
    // Degraded and flapping workers under their own headings; a heading goes with its first
    // line, so a cut list never ends on a heading alone.
    for (int i = 0; i < incident.degraded.size(); ++i) {
        const Incident::Degraded &d = incident.degraded.at(i);
        const int percent = d.usual > 0 ? qRound(d.rate / d.usual * 100) : 0;
        QString line = QStringLiteral("\u2022 ") +
                       translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                    "%1 \u2014 %2 % of usual (%3 of %4) for %5"))
                           .arg(nameFor(d.worker, kMaxNameLength, html))
                           .arg(percent)
                           .arg(formatHashRate(d.rate), formatHashRate(d.usual),
                                duration(incident.at - d.since)) +
                       inGroup(d.worker) + QLatin1Char('\n');
        if (i == 0)
            line = bold(translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Degraded"))) +
                   QLatin1Char('\n') + line;
        lines << line;
    }
    for (int i = 0; i < incident.flapping.size(); ++i) {
        const Incident::Flapping &f = incident.flapping.at(i);
        QString line = QStringLiteral("\u2022 ") +
                       (f.status == WorkerStatus::Online
                            ? translated(QT_TRANSLATE_NOOP(
                                  "rw::MessageFormatter", "%1 \u2014 %2 state changes, online now"))
                            : translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                           "%1 \u2014 %2 state changes, down now")))
                           .arg(nameFor(f.worker, kMaxNameLength, html))
                           .arg(f.changes) +
                       inGroup(f.worker) + QLatin1Char('\n');
        if (i == 0)
            line = bold(translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Flapping"))) +
                   QLatin1Char('\n') + line;
        lines << line;
    }

    QString tail;
    for (const Incident::LowGroup &g : incident.lowGroups)
        tail += translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                             "%1: hashrate %2, below its floor of %3"))
                    .arg(nameFor(g.label, kMaxNameLength, html), formatHashRate(g.rate),
                         formatHashRate(g.floor)) +
                QLatin1Char('\n');
    if (incident.hashrateLow)
        tail +=
            translated(
                QT_TRANSLATE_NOOP("rw::MessageFormatter", "Hashrate %1, below the floor of %2"))
                .arg(formatHashRate(incident.totalHashRate), formatHashRate(incident.minHashRate)) +
            QLatin1Char('\n');
    else
        tail += translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Hashrate %1"))
                    .arg(formatHashRate(incident.totalHashRate)) +
                QLatin1Char('\n');
    if (incident.poolUnreachable) {
        const QString reason = nameFor(incident.unreachableReason, kMaxReasonLength, html);
        tail += (incident.unreachableSince > 0
                     ? translated(
                           QT_TRANSLATE_NOOP("rw::MessageFormatter", "Pool unreachable for %1: %2"))
                           .arg(duration(incident.at - incident.unreachableSince), reason)
                     : translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Pool unreachable: %1"))
                           .arg(reason)) +
                QLatin1Char('\n');
    }
    tail += translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "As of %1 UTC"))
                .arg(utcTime(incident.at));

    // Keep as many worker lines as fit, leaving room for the "… and N more" line. Counting the
    // raw HTML is safe: entity parsing only makes the text shorter.
    auto moreLine = [this](int n) -> QString {
        return QStringLiteral("\u2026 ") +
               translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "and %1 more")).arg(n) +
               QLatin1Char('\n');
    };
    const int fixed = int(head.size() + tail.size());
    qint64 used = fixed;
    int fit = 0;
    qint64 all = fixed;
    for (const QString &l : lines)
        all += l.size();
    if (all <= maxLength && (maxWorkers < 0 || lines.size() <= maxWorkers)) {
        fit = int(lines.size());
    } else {
        for (int i = 0; i < lines.size(); ++i) {
            const int rest = int(lines.size()) - (i + 1);
            if (used + lines.at(i).size() + moreLine(rest).size() > maxLength ||
                (maxWorkers >= 0 && i >= maxWorkers))
                break;
            used += lines.at(i).size();
            fit = i + 1;
        }
    }
    QString out = head;
    for (int i = 0; i < fit; ++i)
        out += lines.at(i);
    if (fit < lines.size())
        out += moreLine(int(lines.size()) - fit);
    out += tail;
    // Only reachable with an absurd account name or reason.
    return out.left(pairSafeCut(out, maxLength));
}

QString MessageFormatter::resolvedText(const QString &account, qint64 since, qint64 endedAt) const
{
    const QString name =
        QStringLiteral("<b>") + nameFor(account, kMaxNameLength, true) + QStringLiteral("</b>");
    if (since <= 0 || endedAt < since)
        return QStringLiteral("\u2705 ") +
               translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1: resolved at %2 UTC"))
                   .arg(name, utcTime(endedAt));
    return QStringLiteral("\u2705 ") +
           translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1: resolved at %2 UTC after %3"))
               .arg(name, utcTime(endedAt), duration(endedAt - since));
}

QString MessageFormatter::supersededText(const QString &account, qint64 at) const
{
    return QStringLiteral("\u2195 ") +
           translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                        "%1: replaced by a newer message at %2 UTC"))
               .arg(QStringLiteral("<b>") + nameFor(account, kMaxNameLength, true) +
                        QStringLiteral("</b>"),
                    utcTime(at));
}

QString MessageFormatter::testText(qint64 at) const
{
    return translated(
               QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                 "RigWatch test message (%1 UTC): alerts will arrive in this chat. "
                                 "It is deleted right away."))
        .arg(utcTime(at));
}

} // namespace rw
