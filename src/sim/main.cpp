// rigwatch_sim: the simulated farm (fake f2pool + Telegram sink) as a standalone process, for
// manual runs, external checks and tests that start processes.
#include "simfarm.h"

#include "util/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

bool parsePort(const QString &text, quint16 &port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    port = quint16(value);
    return true;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "rigwatch_sim: %s\n", qPrintable(message));
    return 2;
}

// The fake that holds the rig called name: the farm's, or the second hall's; null if none.
rw::sim::FakeF2pool *rigsHolding(const rw::sim::SimFarm &farm, const QString &name)
{
    for (rw::sim::FakeF2pool *rigs : {farm.pool(), farm.annexRigs()})
        if (rigs && rigs->rigNames().contains(name))
            return rigs;
    return nullptr;
}

// --degrade NAME=FACTOR and --flap NAME=SECS, each as often as wanted; an empty string when
// every value was applied, else what is wrong with the first that was not.
QString applyRigControls(const rw::sim::SimFarm &farm, const QStringList &degrade,
                         const QStringList &flap)
{
    for (const bool isDegrade : {true, false}) {
        const QString option = isDegrade ? QStringLiteral("--degrade") : QStringLiteral("--flap");
        for (const QString &value : isDegrade ? degrade : flap) {
            const qsizetype eq = value.lastIndexOf(QLatin1Char('='));
            const QString name = value.left(eq);
            rw::sim::FakeF2pool *rigs = eq > 0 ? rigsHolding(farm, name) : nullptr;
            if (eq <= 0)
                return QStringLiteral("%1 takes NAME=%2, got \"%3\"")
                    .arg(option, isDegrade ? QStringLiteral("FACTOR") : QStringLiteral("SECS"),
                         value);
            if (!rigs)
                return QStringLiteral("%1: no rig named \"%2\"").arg(option, name);
            bool ok = false;
            if (isDegrade) {
                const double factor = value.mid(eq + 1).toDouble(&ok);
                if (!ok || !(factor > 0) || factor > rw::sim::FakeF2pool::kMaxRateFactor)
                    return QStringLiteral("--degrade: the factor must be a number above 0 and at "
                                          "most %1 (0.6 = 60 %), got \"%2\"")
                        .arg(rw::sim::FakeF2pool::kMaxRateFactor)
                        .arg(value.mid(eq + 1));
                rigs->degradeRig(name, factor);
            } else {
                const qint64 period = value.mid(eq + 1).toLongLong(&ok);
                if (!ok || period <= 0)
                    return QStringLiteral("--flap: the period must be a whole number of seconds "
                                          "above 0, got \"%1\"")
                        .arg(value.mid(eq + 1));
                rigs->flapRig(name, period);
            }
        }
    }
    return {};
}

// After the options in --help: what can be changed while the farm runs.
QString controlHelp()
{
    return QStringLiteral(
        "\nRuntime controls (HTTP on the printed URLs, e.g.\n"
        "  curl -X POST 'http://127.0.0.1:PORT/sim/fault?mode=hang'):\n"
        "  pool URL:\n"
        "    POST /sim/fault?mode=MODE        pool fault, MODE as for --fault\n"
        "    POST /sim/rig?name=NAME&state=running|stopped|removed\n"
        "    POST /sim/skew?secs=N            skew the Date header by N seconds\n"
        "    POST /sim/degrade?name=NAME&factor=F  the rig's hashrate x F from now (1 = as\n"
        "                                     before): current rate at once, 1 h and 24 h\n"
        "                                     averages as their windows fill\n"
        "    POST /sim/flap?name=NAME&period=SECS  silent SECS, sharing SECS, ... from now\n"
        "                                     (0 = stop; state=running stops it too)\n"
        "    GET  /sim/state                  rigs, fault, skew and request counts\n"
        "  telegram URL:\n"
        "    POST /sim/fault?mode=MODE        Bot API fault, MODE as for --telegram-fault;\n"
        "         [&calls=N]                  only the next N calls (default: until none)\n"
        "         [&method=METHOD]            only this method, e.g. sendMessage\n"
        "         [&retry_after=SECS]         retry_after of too-many-requests (3 at start)\n"
        "    GET  /sim/state                  fault, live messages per chat, call counts\n"
        "  Either refused mode stops that listener, so only a restart undoes it.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rigwatch_sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RIGWATCH_VERSION));

    rw::sim::SimFarm::Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulated mining farm on 127.0.0.1: a fake pool (f2pool API v2 and legacy v1, or with "
        "--provider Braiins, Binance Pool, Luxor, ViaBTC or AntPool) and a fake Telegram Bot API. "
        "Prints \"pool URL\" and \"telegram URL\" and runs until "
        "SIGTERM/SIGINT."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption poolPort(QStringLiteral("pool-port"),
                                      QStringLiteral("Port of the fake pool (0 = any)."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption telegramPort(
        QStringLiteral("telegram-port"), QStringLiteral("Port of the fake Telegram API (0 = any)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rigs(QStringLiteral("rigs"), QStringLiteral("Number of rigs."),
                                  QStringLiteral("N"), QString::number(options.rigs));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Mining user name."),
                                  QStringLiteral("NAME"), options.user);
    const QCommandLineOption secret(QStringLiteral("secret"),
                                    QStringLiteral("F2P-API-SECRET the pool accepts."),
                                    QStringLiteral("SECRET"), options.secret);
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("Bot token the Telegram API accepts."),
                                   QStringLiteral("TOKEN"), options.token);
    const QCommandLineOption chat(QStringLiteral("chat"),
                                  QStringLiteral("The one chat id that exists."),
                                  QStringLiteral("CHAT"), options.chat);
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("Start the pool with a fault: %1.")
            .arg(rw::sim::FakeF2pool::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("none"));
    const QCommandLineOption telegramFault(
        QStringLiteral("telegram-fault"),
        QStringLiteral("Start the Telegram API with a fault: %1.")
            .arg(rw::sim::TelegramSink::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("none"));
    const QCommandLineOption skew(QStringLiteral("skew"),
                                  QStringLiteral("Skew the pool's Date header by SECS seconds "
                                                 "(negative = behind)."),
                                  QStringLiteral("SECS"), QStringLiteral("0"));
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("Which pool API the farm serves: f2pool (v2 and v1), braiins, binance, "
                       "luxor, viabtc or antpool."),
        QStringLiteral("NAME"), options.provider);
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("API key the pool accepts (binance, antpool)."),
                                 QStringLiteral("KEY"), options.key);
    const QCommandLineOption poolFault(
        QStringLiteral("pool-fault"),
        QStringLiteral("Start a --provider pool other than f2pool with a fault: %1.")
            .arg(rw::sim::FakePools::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("none"));
    const QCommandLineOption annex(
        QStringLiteral("annex"),
        QStringLiteral("Also serve a second hall of 12 rigs (hall2-01...) on another pool's API, "
                       "e.g. braiins, as the demo does; its URL is printed as \"annex URL\"."),
        QStringLiteral("PROVIDER"));
    const QCommandLineOption noOutages(QStringLiteral("no-outages"),
                                       QStringLiteral("Every rig runs; no demo schedule."));
    const QCommandLineOption degrade(
        QStringLiteral("degrade"),
        QStringLiteral("Degrade a rig from the start: its hashrate times FACTOR (0.6 = 60 %), the "
                       "pool's current rate at once, its 1 h and 24 h averages as they fill. "
                       "Repeatable."),
        QStringLiteral("NAME=FACTOR"));
    const QCommandLineOption flap(
        QStringLiteral("flap"),
        QStringLiteral("Make a rig flap from the start: silent for SECS, sharing for SECS, and so "
                       "on. Repeatable."),
        QStringLiteral("NAME=SECS"));
    parser.addOptions({poolPort, telegramPort, rigs, user, secret, token, chat, fault,
                       telegramFault, skew, noOutages, provider, key, poolFault, annex, degrade,
                       flap});
    if (parser.parse(QCoreApplication::arguments()) && parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText() + controlHelp()), stdout);
        return 0;
    }
    parser.process(app); // errors and --version

    if (!parsePort(parser.value(poolPort), options.poolPort))
        return fail(QStringLiteral("--pool-port must be a port number 0-65535, got \"%1\"")
                        .arg(parser.value(poolPort)));
    if (!parsePort(parser.value(telegramPort), options.telegramPort))
        return fail(QStringLiteral("--telegram-port must be a port number 0-65535, got \"%1\"")
                        .arg(parser.value(telegramPort)));
    bool ok = false;
    options.rigs = parser.value(rigs).toInt(&ok);
    if (!ok || options.rigs < 0 || options.rigs > 1'000'000)
        return fail(QStringLiteral("--rigs must be a number 0-1000000, got \"%1\"")
                        .arg(parser.value(rigs)));
    options.user = parser.value(user);
    options.secret = parser.value(secret);
    options.key = parser.value(key);
    options.provider = parser.value(provider);
    options.annexProvider = parser.value(annex); // none unless asked: the printed lines stay two
    if (!options.annexProvider.isEmpty() &&
        !rw::sim::FakePools::providerFromString(options.annexProvider))
        return fail(QStringLiteral("--annex: unknown pool \"%1\"; expected braiins, binance, "
                                   "luxor, viabtc or antpool")
                        .arg(options.annexProvider));
    if (options.provider != QLatin1String("f2pool") &&
        !rw::sim::FakePools::providerFromString(options.provider))
        return fail(QStringLiteral("--provider: unknown pool \"%1\"; expected f2pool, braiins, "
                                   "binance, luxor, viabtc or antpool")
                        .arg(options.provider));
    const auto otherFault = rw::sim::FakePools::faultFromString(parser.value(poolFault));
    if (!otherFault)
        return fail(QStringLiteral("--pool-fault: unknown mode \"%1\"; expected one of: %2")
                        .arg(parser.value(poolFault),
                             rw::sim::FakePools::faultNames().join(QStringLiteral(", "))));
    options.token = parser.value(token);
    options.chat = parser.value(chat);
    options.demoSchedule = !parser.isSet(noOutages);
    const auto faultMode = rw::sim::FakeF2pool::faultFromString(parser.value(fault));
    if (!faultMode)
        return fail(QStringLiteral("--fault: unknown mode \"%1\"; expected one of: %2")
                        .arg(parser.value(fault),
                             rw::sim::FakeF2pool::faultNames().join(QStringLiteral(", "))));
    const auto telegramFaultMode =
        rw::sim::TelegramSink::faultFromString(parser.value(telegramFault));
    if (!telegramFaultMode)
        return fail(QStringLiteral("--telegram-fault: unknown mode \"%1\"; expected one of: %2")
                        .arg(parser.value(telegramFault),
                             rw::sim::TelegramSink::faultNames().join(QStringLiteral(", "))));
    const qint64 skewSecs = parser.value(skew).toLongLong(&ok);
    if (!ok || qAbs(skewSecs) > 10LL * 365 * 86400)
        return fail(QStringLiteral("--skew must be a number of seconds (at most ten years either "
                                   "way), got \"%1\"")
                        .arg(parser.value(skew)));

    rw::sim::SimFarm farm;
    if (!farm.start(options))
        return fail(farm.errorString());
    farm.pool()->setFault(*faultMode);
    farm.pool()->setDateSkewSecs(skewSecs);
    if (rw::sim::FakePools *other = farm.otherPool()) {
        other->setFault(*otherFault);
        other->setDateSkewSecs(skewSecs);
    }
    if (*telegramFaultMode != rw::sim::TelegramSink::Fault::None)
        farm.telegram()->injectFault(*telegramFaultMode);
    if (const QString wrong = applyRigControls(farm, parser.values(degrade), parser.values(flap));
        !wrong.isEmpty())
        return fail(wrong);

    std::printf("pool %s\ntelegram %s\n", qPrintable(farm.poolUrl().toString()),
                qPrintable(farm.telegramUrl().toString()));
    if (farm.annexPool())
        std::printf("annex %s\n", qPrintable(farm.annexPool()->baseUrl().toString()));
    std::fflush(stdout);

#ifdef Q_OS_UNIX
    // SIGTERM/SIGINT end the event loop normally (exit code 0)
    rw::UnixSignals signals_;
    QObject::connect(&signals_, &rw::UnixSignals::terminate, &app,
                     [] { QCoreApplication::quit(); });
    QObject::connect(&signals_, &rw::UnixSignals::reload, &app, [] { QCoreApplication::quit(); });
#endif
    return app.exec();
}
