#include "enginehost.h"

#include "clock.h"

#include "engineworker.h"
#include "guilogging.h"

#include <QThread>

namespace rw {

EngineHost::EngineHost(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock ? clock : SystemClock::instance())
{
    qRegisterMetaType<rw::AccountView>();
    qRegisterMetaType<rw::ChartData>();
    qRegisterMetaType<QVector<rw::Event>>();
    qRegisterMetaType<QVector<rw::Outage>>();
    qRegisterMetaType<QVector<rw::LiveMessage>>();
    qRegisterMetaType<QVector<rw::AccountConfig>>();
    qRegisterMetaType<QVector<rw::GroupConfig>>();
    qRegisterMetaType<rw::AvailabilityReport>();
}

EngineHost::~EngineHost()
{
    stop();
}

template <typename F> void EngineHost::post(F &&f)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

void EngineHost::start(const DaemonConfig &config, bool demo)
{
    stop();
    m_demo = demo;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("rigwatch-engine"));
    m_worker = new EngineWorker(config, demo, m_clock);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);

    // Worker -> GUI: queued, because the worker lives on another thread.
    EngineWorker *w = m_worker;
    connect(w, &EngineWorker::started, this,
            [this](const QVector<AccountConfig> &accounts, bool telegram,
                   const QVector<GroupConfig> &groups) {
                m_accounts = accounts;
                m_groups = groups;
                m_telegramEnabled = telegram;
                emit started();
            });
    connect(w, &EngineWorker::failed, this, [this](const QString &message) {
        qCWarning(lcGui).noquote() << "engine failed to start:" << message;
        emit failed(message);
    });
    connect(w, &EngineWorker::accountUpdated, this, &EngineHost::accountUpdated);
    connect(w, &EngineWorker::eventsHappened, this, &EngineHost::eventsHappened);
    connect(w, &EngineWorker::storageError, this, &EngineHost::storageError);
    connect(w, &EngineWorker::telegramProblem, this, &EngineHost::telegramProblem);
    connect(w, &EngineWorker::messagesChanged, this, &EngineHost::messagesChanged);
    connect(w, &EngineWorker::telegramBlockedUntil, this, &EngineHost::telegramBlockedUntil);
    connect(w, &EngineWorker::muteChanged, this, &EngineHost::muteChanged);
    connect(w, &EngineWorker::commandsProblem, this, &EngineHost::commandsProblem);
    connect(w, &EngineWorker::chartReady, this, &EngineHost::chartReady);
    connect(w, &EngineWorker::outagesReady, this, &EngineHost::outagesReady);
    connect(w, &EngineWorker::outagesExported, this, &EngineHost::outagesExported);
    connect(w, &EngineWorker::messagesReady, this, &EngineHost::messagesReady);
    connect(w, &EngineWorker::connectionTested, this, &EngineHost::connectionTested);
    connect(w, &EngineWorker::telegramTested, this, &EngineHost::telegramTested);
    connect(w, &EngineWorker::availabilityReady, this, &EngineHost::availabilityReady);
    connect(w, &EngineWorker::availabilityExported, this, &EngineHost::availabilityExported);

    m_thread->start();
    const bool paused = m_paused;
    const qint64 until = m_pausedUntilMs;
    post([w, paused, until] {
        w->setAlertsPaused(paused, until);
        w->start();
    });
}

void EngineHost::stop()
{
    if (!m_thread)
        return;
    // The worker's destructor (engine stop, notifier shutdown) runs on its own thread when the
    // thread's event loop ends; waiting here only covers a query already running.
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

void EngineHost::refreshNow()
{
    EngineWorker *w = m_worker;
    post([w] { w->refreshNow(); });
}

void EngineHost::acceptUsual(const QString &account, const QString &worker)
{
    EngineWorker *w = m_worker;
    post([w, account, worker] { w->acceptUsual(account, worker); });
}

void EngineHost::setAlertsPaused(bool paused, qint64 untilMs)
{
    m_paused = paused;
    m_pausedUntilMs = paused ? untilMs : 0;
    EngineWorker *w = m_worker;
    post([w, paused, untilMs] { w->setAlertsPaused(paused, untilMs); });
}

int EngineHost::requestChart(const QStringList &accounts, const QString &workerAccount,
                             const QString &worker, qint64 fromSecs, qint64 toSecs, int maxPoints,
                             const QString &group)
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] {
        w->queryChart(id, accounts, workerAccount, worker, fromSecs, toSecs, maxPoints, group);
    });
    return id;
}

int EngineHost::requestOutages(const QStringList &accounts, qint64 fromSecs, qint64 toSecs,
                               const QString &workerFilter, int limit)
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] { w->queryOutages(id, accounts, fromSecs, toSecs, workerFilter, limit); });
    return id;
}

int EngineHost::requestOutageExport(const QStringList &accounts, qint64 fromSecs, qint64 toSecs,
                                    const QString &workerFilter, const QString &path)
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] { w->exportOutages(id, accounts, fromSecs, toSecs, workerFilter, path); });
    return id;
}

int EngineHost::requestAvailability(const QString &period)
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] { w->queryAvailability(id, period); });
    return id;
}

int EngineHost::requestAvailabilityExport(const AvailabilityReport &report, const QString &period,
                                          bool pdf, const QString &path)
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] { w->exportAvailability(id, report, period, pdf, path); });
    return id;
}

int EngineHost::requestMessages()
{
    const int id = m_nextRequest++;
    EngineWorker *w = m_worker;
    post([=] { w->queryMessages(id); });
    return id;
}

void EngineHost::testConnection(const AccountConfig &account)
{
    EngineWorker *w = m_worker;
    if (!w) {
        emit connectionTested(false, tr("The engine is not running."));
        return;
    }
    post([w, account] { w->testConnection(account); });
}

void EngineHost::testTelegram(const TelegramConfig &telegram)
{
    EngineWorker *w = m_worker;
    if (!w) {
        emit telegramTested(false, tr("The engine is not running."));
        return;
    }
    post([w, telegram] { w->testTelegram(telegram); });
}

} // namespace rw
