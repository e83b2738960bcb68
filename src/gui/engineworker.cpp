#include "engineworker.h"

#include "farmseries.h"
#include "guilogging.h"
#include "lttb.h"

#include "clock.h"
#include "config/proxysetting.h"
#include "democonfig.h"
#include "demohistory.h"
#include "engine/engine.h"
#include "monitor/groupmatcher.h"
#include "notify/localschedule.h"
#include "notify/messageformatter.h"
#include "notify/mutestate.h"
#include "notify/notifier.h"
#include "notify/telegramclient.h"
#include "notify/telegramselftest.h"
#include "pool/poller.h"
#include "report/reportperiod.h"
#include "report/reportwriter.h"
#include "reportpdf.h"
#include "runtime/runtime.h"
#include "simfarm.h"
#include "store/outagecsv.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSaveFile>

#include <algorithm>

namespace rw {

namespace {
QVector<QPointF> toPoints(const QVector<SeriesPoint> &series, bool onlineCount, int maxPoints)
{
    QVector<QPointF> pts;
    pts.reserve(series.size());
    for (const SeriesPoint &p : series)
        pts << QPointF(double(p.at) * 1000.0, onlineCount ? double(p.online) : p.hashRate);
    return lttb(pts, maxPoints);
}
} // namespace

EngineWorker::EngineWorker(const DaemonConfig &config, bool demo, const Clock *clock)
    : m_config(config), m_demo(demo), m_clock(clock)
{}

EngineWorker::~EngineWorker()
{
    // Runs on the engine thread (deleteLater when it finishes): shut down in dependency order.
    m_runtime.reset();
    m_testNam.reset();
    m_farm.reset();
    if (!m_demoDir.isEmpty())
        QDir(m_demoDir).removeRecursively();
}

QNetworkAccessManager *EngineWorker::network()
{
    if (m_runtime && m_runtime->network())
        return m_runtime->network();
    if (!m_testNam)
        m_testNam = std::make_unique<QNetworkAccessManager>();
    return m_testNam.get();
}

void EngineWorker::start()
{
    if (m_demo) {
        // On the engine's clock: the farm's shares and Date headers must agree with the time
        // the engine judges them at, or under a test's ManualClock every reply looks wrong.
        m_farm = std::make_unique<sim::SimFarm>(m_clock);
        if (!m_farm->start()) {
            emit failed(tr("The simulated farm could not start: %1").arg(m_farm->errorString()));
            return;
        }
        // A fresh database per demo run: the demo never touches the operator's history.
        m_demoDir = QDir::temp().filePath(
            QStringLiteral("rigwatch-gui-demo-%1").arg(QCoreApplication::applicationPid()));
        QDir().mkpath(m_demoDir);
        const QString language = m_config.telegram.language;
        m_config = sim::demoConfig(*m_farm, m_demoDir);
        m_config.telegram.language = language; // the demo channel speaks the window's language
        // A month of the farm's past, so the first look shows a full chart and history.
        QString error;
        QElapsedTimer took;
        took.start();
        if (!sim::writeDemoHistory(*m_farm, m_config, m_clock->nowSecs(), 30, &error))
            qCWarning(lcGui).noquote() << "demo: no past for the simulated farm:" << error;
        else
            qCInfo(lcGui) << "demo: 30 days of the farm's past written in" << took.elapsed()
                          << "ms";
        qCInfo(lcGui).noquote() << "DEMO MODE: watching a simulated farm at"
                                << m_farm->poolUrl().toString();
    }
    RuntimeOptions options;
    options.rowChanges = true; // the worker table updates only the rows that changed
    options.clock = m_clock;
    m_runtime = std::make_unique<Runtime>(m_config, options);
    connect(m_runtime.get(), &Runtime::accountUpdated, this, &EngineWorker::accountUpdated);
    connect(m_runtime.get(), &Runtime::eventsHappened, this, &EngineWorker::eventsHappened);
    connect(m_runtime.get(), &Runtime::storageError, this, &EngineWorker::storageError);
    connect(m_runtime.get(), &Runtime::telegramProblem, this, &EngineWorker::telegramProblem);
    connect(m_runtime.get(), &Runtime::chatMigrated, this,
            [this](const QString &from, const QString &to) {
                emit telegramProblem(tr("The Telegram group %1 became the supergroup %2: update "
                                        "the chat id in the settings.")
                                         .arg(from, to));
            });
    connect(m_runtime.get(), &Runtime::messagesChanged, this, &EngineWorker::messagesChanged);
    connect(m_runtime.get(), &Runtime::telegramBlockedUntil, this,
            &EngineWorker::telegramBlockedUntil);
    m_runtime->setAlertsPaused(m_paused, m_pausedUntilMs);
    connect(m_runtime.get(), &Runtime::mutesChanged, this, &EngineWorker::reportMute);
    connect(m_runtime.get(), &Runtime::commandsProblem, this, &EngineWorker::commandsProblem);
    QString error;
    if (!m_runtime->open(&error)) {
        m_runtime.reset();
        emit failed(error);
        return;
    }

    QVector<AccountConfig> accounts = m_config.accounts;
    for (AccountConfig &a : accounts)
        a.secret.clear(); // the GUI shows accounts; it has no use for their tokens
    emit started(accounts, m_config.telegram.enabled(), m_config.groups);
    reportMute(); // a mute kept from the last run
    if (const TelegramNotifier *n = m_runtime->notifier())
        emit telegramBlockedUntil(n->blockedUntilMs()); // a wait stored by the previous run
    // The restored picture first, so the window is full before the first poll answers.
    for (const AccountView &v : m_runtime->engine()->views())
        emit accountUpdated(v);
    m_runtime->start();
}

void EngineWorker::reportMute()
{
    const std::optional<MuteRecord> m =
        m_runtime && m_runtime->mutes() ? m_runtime->mutes()->active() : std::nullopt;
    emit muteChanged(m.has_value(), m ? m->untilMs : 0, m ? m->by : QString());
}

void EngineWorker::refreshNow()
{
    if (m_runtime)
        m_runtime->refreshNow();
}

void EngineWorker::acceptUsual(const QString &account, const QString &worker)
{
    if (m_runtime)
        m_runtime->acceptUsual(account, worker);
}

void EngineWorker::setAlertsPaused(bool paused, qint64 untilMs)
{
    m_paused = paused;
    m_pausedUntilMs = untilMs;
    if (m_runtime)
        m_runtime->setAlertsPaused(paused, untilMs);
}

void EngineWorker::queryChart(int requestId, const QStringList &accounts,
                              const QString &workerAccount, const QString &worker, qint64 from,
                              qint64 to, int maxPoints, const QString &group)
{
    ChartData d;
    d.requestId = requestId;
    d.accounts = accounts;
    d.account = workerAccount;
    d.worker = worker;
    d.fromSecs = from;
    d.toSecs = to;
    d.group = group;
    Store *store = m_runtime ? m_runtime->store() : nullptr;
    if (store && !group.isEmpty()) {
        const QVector<SeriesPoint> series = groupSeries(accounts, group, from, to);
        d.total = toPoints(series, false, maxPoints);
        d.online = toPoints(series, true, maxPoints);
        if (!worker.isEmpty())
            d.workerRate =
                toPoints(store->workerSeries(workerAccount, worker, from, to), false, maxPoints);
    } else if (store) {
        QVector<QVector<SeriesPoint>> each;
        for (const QString &account : accounts)
            each << store->accountSeries(account, from, to);
        const QVector<SeriesPoint> series = each.size() == 1 ? each.first() : farmSeries(each);
        d.total = toPoints(series, false, maxPoints);
        d.online = toPoints(series, true, maxPoints);
        if (each.size() > 1)
            for (qsizetype i = 0; i < each.size(); ++i)
                d.perAccount.push_back({accounts[i], toPoints(each[i], false, maxPoints)});
        if (!worker.isEmpty())
            d.workerRate =
                toPoints(store->workerSeries(workerAccount, worker, from, to), false, maxPoints);
    }
    emit chartReady(d);
}

QVector<SeriesPoint> EngineWorker::groupSeries(const QStringList &accounts, const QString &group,
                                               qint64 from, qint64 to) const
{
    Store *store = m_runtime ? m_runtime->store() : nullptr;
    const GroupMatcher matcher(m_config.groups);
    const int index = matcher.indexOf(group);
    if (!store || index < 0)
        return {};
    // Which workers are the group's: as the engine sees them now (name and host).
    QHash<QString, AccountView> views;
    for (const AccountView &v : m_runtime->engine()->views())
        views.insert(v.key, v);
    QVector<QVector<SeriesPoint>> each;
    for (const QString &account : accounts) {
        QVector<QVector<SeriesPoint>> workers;
        const AccountView view = views.value(account);
        for (auto it = view.workers.cbegin(); it != view.workers.cend(); ++it)
            if (matcher.groupOf(it.key(), it->sample.host) == index)
                workers << store->workerSeries(account, it.key(), from, to);
        each << sumWorkerSeries(workers);
    }
    return each.size() == 1 ? each.first() : farmSeries(each);
}

QVector<Outage> EngineWorker::outagesOf(const QStringList &accounts, qint64 from, qint64 to,
                                        const QString &workerFilter, int limit, int *matching) const
{
    *matching = 0;
    Store *store = m_runtime ? m_runtime->store() : nullptr;
    if (!store)
        return {};
    QVector<Outage> all;
    for (const QString &account : accounts) {
        int n = 0;
        // Each account's newest `limit` hold the newest `limit` of them all.
        QVector<Outage> list = store->outages(account, from, to, workerFilter, limit, &n);
        *matching += n;
        for (Outage &o : list)
            o.account = account;
        all += list;
    }
    if (accounts.size() > 1) {
        std::stable_sort(all.begin(), all.end(),
                         [](const Outage &a, const Outage &b) { return a.start > b.start; });
        if (limit >= 0 && all.size() > limit)
            all.resize(limit);
    }
    return all;
}

void EngineWorker::queryOutages(int requestId, const QStringList &accounts, qint64 from, qint64 to,
                                const QString &workerFilter, int limit)
{
    int matching = 0;
    const QVector<Outage> list = outagesOf(accounts, from, to, workerFilter, limit, &matching);
    emit outagesReady(requestId, list, matching);
}

void EngineWorker::exportOutages(int requestId, const QStringList &accounts, qint64 from, qint64 to,
                                 const QString &workerFilter, const QString &path)
{
    // Every matching outage, not only the rows on screen; written here, off the GUI thread.
    int matching = 0;
    const QVector<Outage> list = outagesOf(accounts, from, to, workerFilter, -1, &matching);
    QSaveFile f(path);
    const bool written = f.open(QIODevice::WriteOnly | QIODevice::Text) &&
                         f.write(outagesCsv(list, m_clock->nowSecs()).toUtf8()) >= 0 && f.commit();
    if (!written)
        emit outagesExported(requestId, 0, tr("Cannot write %1: %2").arg(path, f.errorString()));
    else
        emit outagesExported(requestId, int(list.size()), QString());
}

void EngineWorker::queryAvailability(int requestId, const QString &period)
{
    Store *store = m_runtime ? m_runtime->store() : nullptr;
    const QTimeZone zone = LocalSchedule(m_config.telegram).zone();
    QString error;
    const auto p = ReportPeriod::parse(period, m_clock->nowSecs(), zone, &error);
    if (!store || !p) {
        emit availabilityReady(requestId, {}, QString(),
                               p ? tr("The database is not open.") : error);
        return;
    }
    const AvailabilityReport report = Availability(m_config.accounts, m_config.groups)
                                          .compute(*store, {p->from, p->to, {}, {}, true});
    emit availabilityReady(requestId, report,
                           p->label() + QStringLiteral(" (") + QString::fromUtf8(zone.id()) +
                               QLatin1Char(')'),
                           report.error);
}

void EngineWorker::exportAvailability(int requestId, const AvailabilityReport &report,
                                      const QString &period, bool pdf, const QString &path)
{
    QString error;
    if (pdf) {
        ReportPdf::write(report, {{}, {}, period}, path, &error);
    } else {
        QSaveFile f(path);
        if (!(f.open(QIODevice::WriteOnly | QIODevice::Text) &&
              f.write(ReportText::csv(report).toUtf8()) >= 0 && f.commit()))
            error = tr("Cannot write %1: %2").arg(path, f.errorString());
    }
    emit availabilityExported(requestId, error);
}

void EngineWorker::queryMessages(int requestId)
{
    Store *store = m_runtime ? m_runtime->store() : nullptr;
    emit messagesReady(requestId, store ? store->messageHistory(500) : QVector<LiveMessage>());
}

void EngineWorker::testConnection(const AccountConfig &account)
{
    // A one-off Poller: the same request, deadline and parser as the real polls; of a paged
    // list only the first page, the cheapest call that proves the credentials.
    // Through the account's proxy, as its polls go: a dedicated manager, gone with the test.
    auto *nam = new QNetworkAccessManager(this);
    nam->setProxy(effectiveProxy(account.proxy, account.proxySet, account.url));
    auto *poller = new Poller(account, nam, m_clock, this);
    poller->setFirstPageOnly(true);
    connect(poller, &QObject::destroyed, nam, &QObject::deleteLater);
    const qint64 offlineAfter = account.thresholds.offlineAfterSecs;
    connect(poller, &Poller::polled, this,
            [this, poller, offlineAfter](const Snapshot &s, qint64 ms) {
                int online = 0;
                const qint64 now = s.poolTimeSecs ? s.poolTimeSecs : m_clock->nowSecs();
                for (const WorkerSample &w : s.workers)
                    online += (w.lastShareAt > 0 && now - w.lastShareAt <= offlineAfter) ? 1 : 0;
                if (poller->listTotal() > s.workers.size()) {
                    emit connectionTested(
                        true, tr("Connected in %1 ms: the first page lists %n worker(s) of %2, "
                                 "%3 of them online.",
                                 nullptr, int(s.workers.size()))
                                  .arg(ms)
                                  .arg(poller->listTotal())
                                  .arg(online));
                    poller->deleteLater();
                    return;
                }
                emit connectionTested(
                    true, tr("Connected in %1 ms: found %n worker(s), %2 of them online.", nullptr,
                             int(s.workers.size()))
                              .arg(ms)
                              .arg(online));
                poller->deleteLater();
            });
    connect(poller, &Poller::failed, this, [this, poller](const PollFailure &f) {
        emit connectionTested(false, f.message);
        poller->deleteLater();
    });
    poller->pollNow();
}

void EngineWorker::testTelegram(const TelegramConfig &telegram)
{
    // Through the proxy being tested (the settings' fields), not the running engine's.
    auto *nam = new QNetworkAccessManager(this);
    nam->setProxy(effectiveProxy(telegram.proxy, telegram.proxySet, telegram.url));
    auto *client = new TelegramClient(telegram, nam, this);
    connect(client, &QObject::destroyed, nam, &QObject::deleteLater);
    const MessageFormatter formatter(telegram.language);
    TelegramSelfTest::run(client, telegram.chat, formatter.testText(m_clock->nowSecs()),
                          telegram.retract == RetractMode::Delete, client,
                          [this, client](bool ok, const QString &message) {
                              emit telegramTested(ok, message);
                              client->deleteLater();
                          });
}

} // namespace rw
