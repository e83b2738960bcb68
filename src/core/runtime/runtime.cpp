#include "runtime/runtime.h"

#include "clock.h"
#include "config/proxysetting.h"
#include "engine/engine.h"
#include "logging.h"
#include "metrics/metrics.h"
#include "metrics/metricsserver.h"
#include "monitor/workerstatus.h"
#include "notify/commanddesk.h"
#include "notify/messageformatter.h"
#include "notify/mutestate.h"
#include "notify/notifier.h"
#include "notify/updatereader.h"
#include "store/store.h"
#include "util/allocator.h"
#include "util/loghandler.h"
#include "util/units.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QTimer>

namespace rw {

Runtime::Runtime(const DaemonConfig &config, const RuntimeOptions &options, QObject *parent)
    : QObject(parent), m_config(config), m_options(options),
      m_clock(options.clock ? options.clock : SystemClock::instance())
{
    qRegisterMetaType<rw::CheckReport>();
}

Runtime::~Runtime()
{
    // Dependency order: the notifier and the engine use the store and the network access.
    if (m_reader)
        m_reader->stop();
    m_desk.reset();
    m_reader.reset();
    m_updatesClient.reset();
    if (m_notifier)
        m_notifier->shutdown();
    if (m_engine)
        m_engine->stop();
    m_metrics.reset();
    m_notifier.reset();
    m_mutes.reset();
    m_engine.reset();
    m_store.reset();
    m_nam.reset();
    m_lock.reset();
}

bool Runtime::acceptUsual(const QString &accountKey, const QString &worker)
{
    return m_engine && m_engine->acceptUsual(accountKey, worker);
}

QString Runtime::rebase(const QStringList &args)
{
    const MessageFormatter f(m_config.telegram.language);
    if (args.isEmpty())
        return f.translated(QT_TRANSLATE_NOOP(
            "rw::MessageFormatter",
            "Usage: /rebase NAME \u2014 accepts the worker's current hashrate as its usual."));
    const QString name = args.first();
    const QString shown = MessageFormatter::escapeHtml(MessageFormatter::displayable(name));
    QStringList done;
    bool known = false;
    // The same name on two accounts is two workers: both are rebased, each is named.
    for (const AccountView &v : m_engine->views()) {
        const auto w = v.workers.constFind(name);
        if (w == v.workers.cend())
            continue;
        known = true;
        const double rate = w->sample.hashRate;
        if (m_engine->acceptUsual(v.key, name))
            done << f.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                   "%1 (%2): %3 is now its usual hashrate."))
                        .arg(shown,
                             MessageFormatter::escapeHtml(
                                 MessageFormatter::displayable(v.displayName)),
                             formatHashRate(rate));
    }
    if (!done.isEmpty())
        return done.join(QLatin1Char('\n'));
    return known ? f.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                  "%1 has no current hashrate to accept."))
                       .arg(shown)
                 : f.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "No worker named %1."))
                       .arg(shown);
}

void Runtime::prepareOneShotHeap()
{
    // What restoring a worker takes: its entry in the monitor's table (Qt's hash keeps a table
    // of this size at ~38 % load, where its spans hold 80 entries for every 49 used) and a name.
    constexpr size_t kBytesPerWorker = (sizeof(QString) + sizeof(WorkerState)) * 80 / 49 + 48;
    qint64 workers = 0;
    for (const AccountConfig &a : m_config.accounts)
        workers += m_store->storedWorkerBound(a.key());
    growHeapInHugePages(size_t(workers) * kBytesPerWorker);
}

void Runtime::finish(bool processEnds)
{
    if (m_notifier)
        m_notifier->shutdown();
    if (m_engine)
        m_engine->stop();
    // Every poll is committed to the write-ahead log already. Closing would also copy that log
    // into the database file (a checkpoint, ~60 ms at 100,000 workers); a process that ends
    // next leaves it for SQLite's own checkpoints, which a later run's writes trigger.
    if (m_store && !processEnds)
        m_store->close();
    if (m_lock)
        m_lock->unlock();
}

bool Runtime::lockDatabase(QString *error)
{
    // One RigWatch per database: two would both post every alert. QLockFile records who holds
    // it, and a lock left by a process that died (kill -9) is taken over.
    const QString path = QFileInfo(m_config.databasePath).absoluteFilePath();
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // held as long as its process lives, however long that is
    if (m_lock->tryLock(m_options.lockWaitMs))
        return true;
    qint64 pid = 0;
    QString host, app;
    if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &app)) {
        m_openFailure = OpenFailure::InUse;
        *error = tr("the database %1 is in use by another RigWatch (%2, process %3 on %4): stop "
                    "it, or give this one a database of its own ([storage] database)")
                     .arg(QDir::toNativeSeparators(path), app.isEmpty() ? tr("unknown") : app)
                     .arg(pid)
                     .arg(host.isEmpty() ? tr("this computer") : host);
    } else {
        m_openFailure = OpenFailure::Configuration;
        *error = tr("cannot create the lock file %1: check that its folder is writable")
                     .arg(QDir::toNativeSeparators(m_lock->fileName()));
    }
    m_lock.reset();
    return false;
}

bool Runtime::moveDamagedAside()
{
    // The damaged file and its journal go aside, named by when, for whoever wants to salvage
    // them; monitoring goes on in a new file instead of failing every write from now on.
    const QString path = QFileInfo(m_config.databasePath).absoluteFilePath();
    m_store->close();
    const QString aside = path + QStringLiteral(".damaged-") +
                          QDateTime::fromSecsSinceEpoch(m_clock->nowSecs(), Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix)) {
            const QString why = tr("the database %1 is damaged and cannot be moved aside: move or "
                                   "delete it by hand")
                                    .arg(QDir::toNativeSeparators(path));
            qCCritical(lcDaemon).noquote() << why;
            emit storageError(why);
            return false;
        }
    }
    QString error;
    if (!m_store->open(path, &error)) {
        qCCritical(lcDaemon).noquote() << error;
        emit storageError(error);
        return false;
    }
    // The messages standing in the chat go on in the new file, or the next run (--once, a
    // restart) would not know them and could never retract them.
    if (m_notifier)
        for (const LiveMessage &m : m_notifier->standing())
            m_store->adoptMessage(m);
    const QString what = tr("the database %1 was damaged: it was moved to %2 and a new one "
                            "started (the history before now is in the old file)")
                             .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(aside));
    qCCritical(lcDaemon).noquote() << what;
    emit storageError(what);
    return true;
}

bool Runtime::open(QString *error)
{
    m_openFailure = OpenFailure::None;
    QDir().mkpath(QFileInfo(m_config.databasePath).absolutePath());
    if (!lockDatabase(error))
        return false;
    m_nam = std::make_unique<QNetworkAccessManager>();
    // Telegram's proxy ([telegram] proxy, else the environment); each pool account sets its own
    // (engine.cpp). A password in it is a secret like the token.
    m_nam->setProxy(
        effectiveProxy(m_config.telegram.proxy, m_config.telegram.proxySet, m_config.telegram.url));
    QStringList proxySecrets{m_nam->proxy().password()};
    for (const AccountConfig &a : m_config.accounts)
        proxySecrets << proxyFromText(a.proxy).password();
    proxySecrets.removeAll(QString());
    if (!proxySecrets.isEmpty())
        addLogSecrets(proxySecrets);
    if (!proxyLabel(m_nam->proxy()).isEmpty())
        qCInfo(lcDaemon).noquote()
            << "Telegram is reached through the proxy at" << proxyLabel(m_nam->proxy());
    m_store = std::make_unique<Store>();
    if (!m_store->open(m_config.databasePath, error) &&
        (m_store->lastProblem() != Store::Problem::Damaged || !moveDamagedAside())) {
        m_openFailure = m_store->lastProblem() == Store::Problem::Transient
                            ? OpenFailure::Transient
                            : OpenFailure::Configuration;
        m_store.reset();
        m_nam.reset();
        m_lock.reset();
        return false;
    }
    m_engine = std::make_unique<Engine>(m_config.accounts, m_store.get(), m_clock);
    m_engine->setRowChanges(m_options.rowChanges);
    m_engine->setStoreRecovery([this] { return moveDamagedAside(); });
    connect(m_engine.get(), &Engine::storageError, this, [this](const QString &message) {
        qCCritical(lcDaemon).noquote() << "storage:" << message;
        m_storageFailed = true;
        emit storageError(message);
    });
    connect(m_engine.get(), &Engine::accountUpdated, this, &Runtime::accountUpdated);
    connect(m_engine.get(), &Engine::eventsHappened, this, &Runtime::eventsHappened);
    if (m_options.pollFirst)
        prepareOneShotHeap();
    m_engine->restore(m_options.pollFirst);
    m_mutes = std::make_unique<MuteState>(m_store.get(), m_clock);
    if (m_paused)
        m_mutes->mute({QString(), m_pausedUntilMs, QStringLiteral("tray"), QString()});
    else if (m_mutes->active() && m_mutes->active()->by == QLatin1String("tray"))
        m_mutes->unmute(QString()); // the tray's pause lives in its settings: it ended there
    connect(m_mutes.get(), &MuteState::changed, this, &Runtime::applyMutes);
    startNotifier();

    m_metricsData = std::make_unique<Metrics>(); // the views are read at each scrape
    m_metricsData->setGroups(m_config.groups);
    connect(m_engine.get(), &Engine::pollFinished, this,
            [this](const QString &key, qint64 ms, bool ok, const QString &reason) {
                m_metricsData->recordPoll(key, double(ms) / 1000.0, ok, reason);
            });
    if (m_notifier) {
        auto updateLive = [this] {
            m_metricsData->setTelegramLive(int(m_notifier->standing().size()));
        };
        connect(m_notifier.get(), &TelegramNotifier::messagesChanged, this, updateLive);
        updateLive(); // what reconcile() adopted
        auto updateBlocked = [this] {
            m_metricsData->setTelegramBlockedUntil(m_notifier->chat(),
                                                   m_notifier->blockedUntilMs() / 1000);
        };
        connect(m_notifier.get(), &TelegramNotifier::blockedUntilChanged, this, updateBlocked);
        updateBlocked(); // a wait stored by the previous run
    }
    m_metricsData->setAlertsMuted(m_mutes->isMuted(),
                                  m_mutes->active() ? m_mutes->active()->untilMs / 1000 : 0);
    return true;
}

void Runtime::startNotifier()
{
    if (!m_config.telegram.enabled())
        return;
    m_notifier =
        std::make_unique<TelegramNotifier>(m_config.telegram, m_nam.get(), m_store.get(), m_clock);
    m_notifier->setPaused(m_mutes->isMuted());
    m_notifier->setRouter(AlertRouter(m_config));
    if (m_config.telegram.commands) {
        // Built here, not only in loop mode, so that a --once run's edits keep the buttons.
        m_updatesClient = std::make_unique<TelegramClient>(m_config.telegram, m_nam.get());
        m_desk = std::make_unique<CommandDesk>(m_config.telegram, m_updatesClient.get(),
                                               m_notifier.get(), m_mutes.get(), m_clock);
        m_desk->setViews([this] { return m_engine->views(); });
        m_desk->setHandler(QStringLiteral("rebase"), [this](const CommandDesk::Request &r) {
            return rebase(r.command.args);
        });
        m_desk->setHandler(QStringLiteral("digest"),
                           [this](const CommandDesk::Request &r) { return digestReply(r); });
        m_notifier->setKeyboard(m_desk->keyboard());
    }
    connect(m_notifier.get(), &TelegramNotifier::deliveryFailed, this, [this](const QString &why) {
        qCWarning(lcDaemon).noquote() << "telegram:" << why;
        emit telegramProblem(why);
    });
    connect(m_notifier.get(), &TelegramNotifier::chatMigrated, this,
            [this](const QString &from, const QString &to) {
                qCWarning(lcDaemon).noquote() << "telegram: chat" << from << "became" << to
                                              << "- update [telegram] chat in the configuration";
                emit chatMigrated(from, to);
            });
    connect(m_notifier.get(), &TelegramNotifier::messagesChanged, this, &Runtime::messagesChanged);
    connect(m_notifier.get(), &TelegramNotifier::blockedUntilChanged, this,
            &Runtime::telegramBlockedUntil);
    connect(
        m_engine.get(), &Engine::accountUpdated, m_notifier.get(), [this](const AccountView &v) {
            // A --once run keeps nothing in memory: a message whose id cannot be stored would be
            // orphaned, so with an unwritable database the chat is left for the next run.
            if (m_once && m_storageFailed) {
                qCWarning(lcDaemon) << "telegram not updated: the database could not be written";
                return;
            }
            m_notifier->update(v);
        });
    m_notifier->reconcile(m_engine->views());
}

bool Runtime::startMetrics(QString *error)
{
    if (m_config.metricsListen.isEmpty())
        return true;
    m_metrics = std::make_unique<MetricsServer>([this] {
        // The engine's current views, read now and not kept (Metrics::clearAccounts).
        for (const AccountView &v : m_engine->views())
            m_metricsData->updateAccount(v);
        QByteArray text = m_metricsData->render();
        m_metricsData->clearAccounts();
        return text;
    });
    if (!m_metrics->listen(m_config.metricsListen, error)) {
        m_metrics.reset();
        return false;
    }
    qCInfo(lcDaemon).noquote() << "serving Prometheus metrics on" << metricsUrl();
    return true;
}

QString Runtime::metricsUrl() const
{
    if (!m_metrics)
        return {};
    const QString &listen = m_config.metricsListen;
    const QString host = listen.left(listen.lastIndexOf(QLatin1Char(':')));
    return QStringLiteral("http://%1:%2/metrics").arg(host).arg(m_metrics->port());
}

void Runtime::start()
{
    qCInfo(lcDaemon).noquote() << "watching" << m_config.accounts.size() << "account(s), database"
                               << m_config.databasePath;
    m_engine->start();
    startCommands();
    startDigests();
}

void Runtime::startCommands()
{
    if (!m_desk || m_reader)
        return;
    // The bot's numeric id keys the stored offset: another bot starts from its own.
    const QString bot = m_config.telegram.token.section(QLatin1Char(':'), 0, 0);
    m_reader = std::make_unique<UpdateReader>(m_updatesClient.get(), m_store.get(), bot);
    connect(m_reader.get(), &UpdateReader::updateArrived, m_desk.get(), &CommandDesk::handle);
    connect(m_reader.get(), &UpdateReader::problem, this, [this](const QString &why) {
        qCWarning(lcDaemon).noquote() << "telegram commands:" << why;
        emit commandsProblem(why); // the tray app says it in its Telegram tab, once
    });
    connect(m_reader.get(), &UpdateReader::recovered, this,
            [this] { emit commandsProblem(QString()); });
    m_desk->start();
    m_reader->start();
}

void Runtime::applyMutes()
{
    const std::optional<MuteRecord> chat = m_mutes->active();
    if (m_notifier)
        m_notifier->setPaused(chat.has_value());
    if (m_metricsData)
        m_metricsData->setAlertsMuted(chat.has_value(), chat ? chat->untilMs / 1000 : 0);
    emit mutesChanged();
}

void Runtime::refreshNow()
{
    if (m_engine)
        m_engine->refreshNow();
}

void Runtime::setAlertsPaused(bool paused, qint64 untilMs)
{
    m_paused = paused;
    m_pausedUntilMs = paused ? std::max<qint64>(0, untilMs) : 0;
    if (!m_mutes)
        return;
    if (paused)
        m_mutes->mute({QString(), m_pausedUntilMs, QStringLiteral("tray"), QString()});
    else
        m_mutes->unmute(QString());
}

void Runtime::stop()
{
    if (m_reader)
        m_reader->stop();
    if (m_updatesClient)
        m_updatesClient->abortAll();
    if (m_engine)
        m_engine->stop();
    if (!m_notifier || m_notifier->idle()) {
        if (m_notifier)
            m_notifier->shutdown();
        emit stopped();
        return;
    }
    // A Telegram call in flight is let finish (up to its own timeout): cut off, a post may be in
    // the chat without its id. Nothing new starts.
    auto done = std::make_shared<bool>(false);
    auto finish = [this, done] {
        if (*done)
            return;
        *done = true;
        m_notifier->shutdown();
        emit stopped();
    };
    connect(m_notifier.get(), &TelegramNotifier::becameIdle, this, [this, finish] {
        if (m_notifier->idle())
            finish();
    });
    m_notifier->finishWithin(0);
    if (m_notifier->idle())
        return finish();
    QTimer::singleShot((m_config.telegram.timeoutSecs + 2) * 1000, this, finish); // a backstop
}

void Runtime::runOnce()
{
    m_once = true;
    connect(
        m_engine.get(), &Engine::cycleFinished, this, [this] {
            if (!m_notifier || m_notifier->idle())
                return finishOnce();
            // Wait for Telegram, but never longer than a bounded time: the next run continues
            // from the store where this one stopped.
            connect(m_notifier.get(), &TelegramNotifier::becameIdle, this, [this] {
                if (!m_notifier->idle())
                    return;
                if (m_notifier->leftForNextRun())
                    qCWarning(lcDaemon)
                        << "telegram delivery did not finish in time; the next run continues it";
                finishOnce();
            });
            // At most 45 s: the whole check must finish inside Nagios' default 60 s check timeout.
            // No call starts that could not end (by its own timeout) inside that time, so nothing
            // is cut off while Telegram may be posting it.
            const int waitMs = qMin((m_config.telegram.timeoutSecs * 2 + 15) * 1000, 45'000);
            m_notifier->finishWithin(waitMs);
            if (m_notifier->idle() && !m_onceDone) {
                qCWarning(lcDaemon)
                    << "telegram delivery did not finish in time; the next run continues it";
                return finishOnce();
            }
            QTimer::singleShot(
                waitMs + 1000, this, [this] { // a backstop; finishWithin() ends first
                    qCWarning(lcDaemon)
                        << "telegram delivery did not finish in time; the next run continues it";
                    finishOnce();
                });
        });
    startDigests(); // a timer run after the digest time sends the day's digest
    m_engine->runOnce();
}

void Runtime::finishOnce()
{
    if (m_onceDone)
        return;
    m_onceDone = true;
    if (m_notifier)
        m_notifier->shutdown();
    emit onceFinished(makeCheckReport(m_engine->views(), m_clock->nowSecs()));
}

} // namespace rw
