#include "daemon.h"

#include "clock.h"
#include "engine/engine.h"
#include "logging.h"
#include "metrics/metrics.h"
#include "metrics/metricsserver.h"
#include "notify/notifier.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace rw {

Daemon::Daemon(const DaemonConfig &config, QObject *parent) : QObject(parent), m_config(config)
{
    qRegisterMetaType<rw::CheckReport>();
}

Daemon::~Daemon() = default;

bool Daemon::init(QString *error)
{
    m_store = std::make_unique<Store>();
    if (!m_store->open(m_config.databasePath, error))
        return false;
    m_engine = std::make_unique<Engine>(m_config.accounts, m_store.get(), &m_nam,
                                        SystemClock::instance());
    m_engine->setRowChanges(false); // no table of workers here
    connect(m_engine.get(), &Engine::storageError, this, [this](const QString &msg) {
        qCCritical(lcDaemon).noquote() << "storage:" << msg;
        m_storageFailed = true;
    });
    m_engine->restore();

    if (m_config.telegram.enabled()) {
        m_notifier = std::make_unique<TelegramNotifier>(m_config.telegram, &m_nam, m_store.get(),
                                                        SystemClock::instance());
        connect(m_notifier.get(), &TelegramNotifier::deliveryFailed, this, [](const QString &why) {
            qCWarning(lcDaemon).noquote() << "telegram:" << why;
        });
        connect(m_notifier.get(), &TelegramNotifier::chatMigrated, this,
                [](const QString &from, const QString &to) {
                    qCWarning(lcDaemon).noquote()
                        << "telegram: chat" << from << "became" << to
                        << "- update [telegram] chat in the configuration";
                });
        connect(m_engine.get(), &Engine::accountUpdated, m_notifier.get(), [this](const AccountView &v) {
            // A --once run keeps nothing in memory: a message whose id cannot be stored would be
            // orphaned, so with an unwritable database the chat is left for the next run.
            if (m_once && m_storageFailed) {
                qCWarning(lcDaemon) << "telegram not updated: the database could not be written";
                return;
            }
            m_notifier->update(v.key, v.displayName, v.incident);
        });
        m_notifier->reconcile(m_engine->views());
    }

    m_metricsData = std::make_unique<Metrics>(); // the views are read at each scrape
    connect(m_engine.get(), &Engine::pollFinished, this,
            [this](const QString &key, qint64 ms, bool ok, const QString &reason) {
                m_metricsData->recordPoll(key, double(ms) / 1000.0, ok, reason);
            });
    if (m_notifier) {
        auto updateLive = [this] { m_metricsData->setTelegramLive(int(m_notifier->standing().size())); };
        connect(m_notifier.get(), &TelegramNotifier::messagesChanged, this, updateLive);
        updateLive(); // what reconcile() adopted
    }
    return true;
}

bool Daemon::startMetrics(QString *error)
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
    if (!m_metrics->listen(m_config.metricsListen, error))
        return false;
    const QString host = m_config.metricsListen.left(m_config.metricsListen.lastIndexOf(QLatin1Char(':')));
    qCInfo(lcDaemon).noquote() << "serving Prometheus metrics on"
                               << QStringLiteral("http://%1:%2/metrics").arg(host).arg(m_metrics->port());
    return true;
}

void Daemon::startLoop()
{
    qCInfo(lcDaemon).noquote() << "watching" << m_config.accounts.size() << "account(s), database"
                               << m_config.databasePath;
    m_engine->start();
}

void Daemon::stop()
{
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

void Daemon::runOnce()
{
    m_once = true;
    connect(m_engine.get(), &Engine::cycleFinished, this, [this] {
        if (!m_notifier || m_notifier->idle())
            return finishOnce();
        // wait for Telegram, but never longer than a bounded time: the next run continues
        // from the store where this one stopped
        connect(m_notifier.get(), &TelegramNotifier::becameIdle, this, [this] {
            if (!m_notifier->idle())
                return;
            if (m_notifier->leftForNextRun())
                qCWarning(lcDaemon)
                    << "telegram delivery did not finish in time; the next run continues it";
            finishOnce();
        });
        // at most 45 s: the whole check must finish inside Nagios' default 60 s check timeout.
        // No call starts that could not end (by its own timeout) inside that time, so nothing
        // is cut off while Telegram may be posting it.
        const int waitMs = qMin((m_config.telegram.timeoutSecs * 2 + 15) * 1000, 45'000);
        m_notifier->finishWithin(waitMs);
        if (m_notifier->idle() && !m_onceDone) {
            qCWarning(lcDaemon) << "telegram delivery did not finish in time; the next run continues it";
            return finishOnce();
        }
        QTimer::singleShot(waitMs + 1000, this, [this] { // a backstop; finishWithin() should end first
            qCWarning(lcDaemon) << "telegram delivery did not finish in time; the next run continues it";
            finishOnce();
        });
    });
    m_engine->runOnce();
}

void Daemon::finishOnce()
{
    if (m_onceDone)
        return;
    m_onceDone = true;
    if (m_notifier)
        m_notifier->shutdown();
    emit onceFinished(makeCheckReport(m_engine->views(), SystemClock::instance()->nowSecs()));
}

} // namespace rw
