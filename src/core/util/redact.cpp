#include "util/redact.h"

#include <QRegularExpression>

namespace rw {

namespace {
const QRegularExpression &botPath()
{
    static const QRegularExpression re(QStringLiteral("/bot[^/\\s]+"));
    return re;
}
} // namespace

QString redactUrl(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString s = u.toString();
    s.replace(botPath(), QStringLiteral("/bot<redacted>"));
    return s;
}

QString redactText(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets)
        if (s.size() >= 4)
            text.replace(s, QStringLiteral("<redacted>"));
    text.replace(botPath(), QStringLiteral("/bot<redacted>"));
    return text;
}

QString redactedLine(const QString &text, const QStringList &secrets, qsizetype maxChars)
{
    QString line = redactText(text, secrets).simplified();
    if (line.size() > maxChars) {
        qsizetype cut = maxChars;
        if (line.at(cut - 1).isHighSurrogate()) // never half of a character
            --cut;
        line = line.left(cut) + QStringLiteral("...");
    }
    return line;
}

} // namespace rw
