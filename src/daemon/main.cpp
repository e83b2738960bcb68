// rigwatchd: the headless RigWatch. See `rigwatchd --help` and docs/configuration.md.
#include "demo.h"
#include "reportcommand.h"
#include "service.h"

#include "config/configfile.h"
#include "engine/engine.h"
#include "logging.h"
#include "notify/deliverypacer.h"
#include "notify/messageformatter.h"
#include "notify/telegramclient.h"
#include "notify/telegramselftest.h"
#include "runtime/runtime.h"
#include "util/loghandler.h"
#include "util/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#if defined(RIGWATCHD_WITH_PDF)
#include <QGuiApplication>
#endif
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace rw;

namespace {
void out(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
void err(const QString &line)
{
    std::fputs((QStringLiteral("rigwatchd: ") + line).toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}
#if defined(RIGWATCHD_WITH_PDF)
void quietGuiStartup(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    if (!msg.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))) {
        std::fputs(qFormatLogMessage(type, context, msg).toLocal8Bit().constData(), stderr);
        std::fputc('\n', stderr);
    }
}
#endif
} // namespace

int main(int argc, char **argv)
{
    // --report pdf paints with QPainter, which needs a QGuiApplication; a server has no display,
    // so that mode runs on the "offscreen" platform unless the caller chose another.
    const bool pdfReport = wantsPdfReport(argc, argv);
    if (pdfReport && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#if defined(RIGWATCHD_WITH_PDF)
    // A server run has no session: Qt Gui's start-up notes the missing XDG_RUNTIME_DIR, which
    // the report does not use. The report's own error stays the one line on stderr.
    const QtMessageHandler previous = pdfReport ? qInstallMessageHandler(quietGuiStartup) : nullptr;
    const std::unique_ptr<QCoreApplication> application =
        pdfReport ? std::make_unique<QGuiApplication>(argc, argv)
                  : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    if (pdfReport)
        qInstallMessageHandler(previous);
#else
    QCoreApplication app(argc, argv);
    // rigwatchd-pdf (src/daemon/CMakeLists.txt) writes it: this program does not load Qt Gui.
    if (pdfReport) {
        QString error;
        const int code = execPdfWriter(argv, &error); // returns only when it could not
        err(error);
        return code;
    }
#endif
    QCoreApplication::setApplicationName(QStringLiteral("rigwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("RigWatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RIGWATCH_VERSION));
    installLogHandler({});

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "RigWatch daemon: watches the workers of a farm's pool accounts (f2pool, Braiins, "
        "Binance,\n"
        "Luxor, ViaBTC, AntPool), keeps their history and mirrors incidents to a Telegram "
        "channel.\n\n"
        "Exit codes of --once (Nagios semantics): 0 OK, 1 WARNING (hashrate below the floor,\n"
        "degraded or flapping workers),\n"
        "2 CRITICAL (a worker offline or missing), 3 UNKNOWN (pool unreachable, bad "
        "configuration).\n"
        "Without --once it runs until SIGTERM (exit 0); SIGHUP reads the configuration again.\n"
        "A database another program holds or a metrics port in use is retried every 30 s; it "
        "exits\n"
        "1 when another RigWatch uses the same database and 3 when the configuration is wrong.\n"
        "Secrets may come from the environment: RIGWATCH_POOL_SECRET, RIGWATCH_TELEGRAM_TOKEN.\n"
        "Configuration keys: see docs/configuration.md or /etc/rigwatch/rigwatch.ini."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption configOpt({QStringLiteral("c"), QStringLiteral("config")},
                                       QStringLiteral("Read the configuration from <file> (INI)."),
                                       QStringLiteral("file"));
    const QCommandLineOption onceOpt(
        QStringLiteral("once"),
        QStringLiteral("Run one cycle (poll, classify, persist, notify), print one "
                       "status line and exit with its Nagios code."));
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QStringLiteral("Run against a simulated farm started in-process (no "
                       "configuration needed)."));
    const QCommandLineOption checkOpt(
        QStringLiteral("check-config"),
        QStringLiteral("Validate <file>, print the effective configuration "
                       "with secrets masked, and exit (0 valid, 3 invalid)."),
        QStringLiteral("file"));
    const QCommandLineOption testTgOpt(
        QStringLiteral("test-telegram"),
        QStringLiteral("Post a test message to the configured chat, delete it, "
                       "and report what happened (exit 0 OK, 1 failed). "
                       "Uses only the Bot API, not the database."));
    const QCommandLineOption digestOpt(
        QStringLiteral("digest-now"),
        QStringLiteral("Send the daily digest of the last 24 hours to every chat now and exit "
                       "(0 sent, 1 not sent). The scheduled digest ([telegram] digest) still "
                       "goes out at its time."));
    const QCommandLineOption reportOpt(
        QStringLiteral("report"),
        QStringLiteral(
            "Write the availability report of <period> and exit (0 written, 2 bad "
            "request, 3 no readable database or no PDF writer): yesterday, last-7-days, last-month "
            "or YYYY-MM-DD..YYYY-MM-DD, in the [telegram] timezone. Needs --format "
            "and --output."),
        QStringLiteral("period"));
    const QCommandLineOption groupOpt(
        QStringLiteral("group"),
        QStringLiteral("With --report: only the workers of [group.<name>]."),
        QStringLiteral("name"));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
                                       QStringLiteral("With --report: csv or pdf."),
                                       QStringLiteral("format"));
    const QCommandLineOption outputOpt(QStringLiteral("output"),
                                       QStringLiteral("With --report: the file to write."),
                                       QStringLiteral("file"));
    p.addOptions({configOpt, onceOpt, demoOpt, checkOpt, testTgOpt, digestOpt, reportOpt, groupOpt,
                  formatOpt, outputOpt});
    p.process(app);

    const bool once = p.isSet(onceOpt);
    if (p.isSet(checkOpt)) {
        const ConfigResult r = loadConfigFile(p.value(checkOpt));
        for (const QString &w : r.warnings)
            err(QStringLiteral("warning: ") + w);
        if (!r.config) {
            err(r.error);
            return 3;
        }
        out(describeConfig(*r.config).trimmed());
        return 0;
    }

    std::unique_ptr<Demo> demo;
    DaemonConfig config;
    if (p.isSet(demoOpt)) {
        demo = std::make_unique<Demo>();
        config = demo->config();
        qCInfo(lcDaemon).noquote()
            << "DEMO MODE: watching a simulated farm at" << config.accounts.first().url.toString()
            << "- nothing here is real";
    } else {
        if (!p.isSet(configOpt)) {
            const QString msg =
                QStringLiteral("no configuration: pass --config FILE (or --demo to try it)");
            if (once) {
                out(unknownReport(msg).line);
                return 3;
            }
            err(msg);
            return 3;
        }
        const ConfigResult r = loadConfigFile(p.value(configOpt));
        for (const QString &w : r.warnings)
            qCWarning(lcConfig).noquote() << w;
        if (!r.config) {
            if (once) {
                out(unknownReport(r.error).line);
                return 3;
            }
            err(r.error);
            return 3;
        }
        config = *r.config;
    }
    QStringList secrets{config.telegram.token};
    for (const AccountConfig &a : config.accounts)
        secrets << a.secret;
    addLogSecrets(secrets);

    if (p.isSet(reportOpt)) {
        QString error;
        const int code = runReport(config,
                                   {p.value(reportOpt), p.value(groupOpt), p.value(formatOpt),
                                    p.value(outputOpt), QDateTime::currentSecsSinceEpoch()},
                                   &error);
        if (code != 0)
            err(error);
        return code;
    }

    if (p.isSet(testTgOpt)) {
        // Only the Bot API: no database, no reconcile (a running service may be using both).
        if (!config.telegram.enabled()) {
            out(QStringLiteral(
                "FAILED - Telegram is not configured: set [telegram] token and chat"));
            return 1;
        }
        QNetworkAccessManager nam;
        TelegramClient client(config.telegram, &nam);
        const MessageFormatter formatter(config.telegram.language);
        // The post and the delete are paced like the notifier's calls (1 s apart per chat).
        TelegramSelfTest::run(
            &client, config.telegram.chat, formatter.testText(QDateTime::currentSecsSinceEpoch()),
            config.telegram.retract == RetractMode::Delete, &app,
            [](bool ok, const QString &msg) {
                out((ok ? QStringLiteral("OK - ") : QStringLiteral("FAILED - ")) + msg);
                QCoreApplication::exit(ok ? 0 : 1);
            },
            DeliveryPacer::Limits().minGapMs);
        return app.exec();
    }

    if (p.isSet(digestOpt)) {
        if (!config.telegram.enabled()) {
            err(QStringLiteral("--digest-now: Telegram is not configured: set [telegram] token "
                               "and chat"));
            return 1;
        }
        RuntimeOptions options;
        options.lockWaitMs = 10'000;
        Runtime runtime(config, options);
        QString error;
        if (!runtime.open(&error)) {
            err(error);
            return 1;
        }
        QObject::connect(&runtime, &Runtime::digestsSent, &app, [](int sent, int failed) {
            out(QStringLiteral("%1 - daily digest sent to %2 chat(s)%3")
                    .arg(failed == 0 && sent > 0 ? QStringLiteral("OK") : QStringLiteral("FAILED"))
                    .arg(sent)
                    .arg(failed > 0 ? QStringLiteral(", not sent to %1 (see the log)").arg(failed)
                                    : QString()));
            QCoreApplication::exit(failed == 0 && sent > 0 ? 0 : 1);
        });
        QTimer::singleShot(0, &runtime, &Runtime::sendDigestsNow);
        const int code = app.exec();
        runtime.finish();
        return code;
    }

    if (once) {
        RuntimeOptions options;
        options.lockWaitMs = 10'000; // the previous timer run may still be finishing
        options.pollFirst = true;
        Runtime runtime(config, options);
        QString error;
        if (!runtime.open(&error)) {
            out(unknownReport(error).line);
            return 3;
        }
        QObject::connect(
            &runtime, &Runtime::onceFinished, &app, [&runtime](const CheckReport &plain) {
                // With groups, the problems by group (issue #20): the same views,
                // grouped as the configuration's [group.NAME] sections say.
                const DaemonConfig &c = runtime.config();
                const CheckReport r =
                    c.groups.isEmpty() || !runtime.engine()
                        ? plain
                        : makeCheckReport(runtime.engine()->views(),
                                          QDateTime::currentSecsSinceEpoch(), c.groups);
                out(r.line);
                for (const QString &detail : r.details)
                    out(detail);
                QCoreApplication::exit(int(r.status));
            });
        QTimer::singleShot(0, &runtime, &Runtime::runOnce);
        const int code = app.exec();
        // The check is written and reported. Freeing a large farm's tables entry by entry
        // would only delay the exit (docs/benchmarks.md, figure 9), so the process ends here.
        runtime.finish(true);
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }

    Service service(config, demo ? QString() : QFileInfo(p.value(configOpt)).absoluteFilePath());
    QObject::connect(&service, &Service::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
#ifdef Q_OS_UNIX
    UnixSignals signals_;
    QObject::connect(&signals_, &UnixSignals::terminate, &service, [&service](int sig) {
        qCInfo(lcDaemon) << "signal" << sig << "received, shutting down";
        service.stop(); // lets a Telegram call in flight finish, then finished(0)
    });
    QObject::connect(&signals_, &UnixSignals::reload, &service, &Service::reload);
#endif
    QTimer::singleShot(0, &service, &Service::start);
    return app.exec();
}
