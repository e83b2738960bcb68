#include "util/loghandler.h"

#include "util/redact.h"

#include <QDateTime>
#include <QMutex>

#include <cstdio>

namespace rw {

namespace {
QMutex g_mutex;
QStringList g_secrets;

const char *levelName(QtMsgType t)
{
    switch (t) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

} // namespace

QString escapeControls(const QString &text)
{
    // One line per event: a worker name or a server's reply with a line break in it must not
    // forge a second log line.
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u != 0x7f) {
            out += c;
            continue;
        }
        switch (u) {
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            out +=
                QLatin1String("\\x") + QString::number(u, 16).rightJustified(2, QLatin1Char('0'));
        }
    }
    return out;
}

namespace {

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    QMutexLocker lock(&g_mutex);
    const QString text = escapeControls(redactText(msg, g_secrets));
    const QByteArray line = (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) +
                             QLatin1Char(' ') + QLatin1String(levelName(type)) + QLatin1Char(' ') +
                             QLatin1String(ctx.category ? ctx.category : "default") +
                             QStringLiteral(": ") + text + QLatin1Char('\n'))
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void installLogHandler(const QStringList &secrets)
{
    addLogSecrets(secrets);
    qInstallMessageHandler(handler);
}

void addLogSecrets(const QStringList &secrets)
{
    QMutexLocker lock(&g_mutex);
    for (const QString &s : secrets)
        if (!s.isEmpty() && !g_secrets.contains(s))
            g_secrets << s;
}

} // namespace rw
