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
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    QMutexLocker lock(&g_mutex);
    const QString text = redactText(msg, g_secrets);
    const QByteArray line =
        (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
         QLatin1String(levelName(type)) + QLatin1Char(' ') +
         QLatin1String(ctx.category ? ctx.category : "default") + QStringLiteral(": ") + text +
         QLatin1Char('\n'))
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
