// TelegramNotifier against the simulated Bot API: what the channel shows (the sink's current
// messages) through every lifecycle transition, Telegram's refusals and outages, restarts and
// --once runs. Delivery timing is shortened except in the pacing test.
#include "notifierfixture.h"

#include "notify/telegramclient.h"
#include "notify/telegramselftest.h"

#include <QSignalSpy>

using namespace rw;
using rw::sim::TelegramSink;

namespace {
const QString kToken = QStringLiteral("4242:SECRET-notifier-token");
const QString kChat = QStringLiteral("-1001000000001");
const QString kKey = QStringLiteral("farm1/bitcoin");
const QString kName = QStringLiteral("farm1");

QStringList g_log;      // every log line, to prove the token is in none
QStringList g_warnings; // the warnings among them
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    g_log << msg;
    if (type == QtWarningMsg)
        g_warnings << msg;
    if (g_previous && type != QtDebugMsg)
        g_previous(type, ctx, msg);
}
} // namespace

class TestNotifier : public QObject, private test::NotifierFixture
{
    Q_OBJECT

    Incident incident(const QStringList &down, bool low = false, bool pool = false,
                      WorkerStatus status = WorkerStatus::Offline) const
    {
        Incident i;
        for (const QString &w : down)
            i.down.append({w, status, m_clock.nowSecs() - 700});
        i.hashrateLow = low;
        i.minHashRate = low ? 1e15 : 0;
        i.totalHashRate = 5e14;
        i.poolUnreachable = pool;
        i.unreachableReason = pool ? QStringLiteral("timeout") : QString();
        i.total = 10;
        i.online = 10 - int(down.size());
        i.since = down.isEmpty() && !low && !pool ? 0 : m_clock.nowSecs() - 700;
        i.at = m_clock.nowSecs();
        return i;
    }

private slots:
    void initTestCase()
    {
        g_previous = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("rigwatch.notify.debug=true"));
    }
    void init() { setUpChannel(kToken, kChat); }
    void cleanup()
    {
        tearDownChannel();
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QStringLiteral("SECRET")), qPrintable(line));
        g_log.clear();
        g_warnings.clear();
    }

    void growShrinkEnd();
    void retractByEdit();
    void deleteRefusedAfter48h();
    void deleteNotFoundCountsAsRetracted();
    void vanishedMessageIsReplacedSilently();
    void tooManyRequestsWaits();
    void hugeRetryAfterIsCutToAnHourAndSaid();
    void hugeRetryAfterIsTriedAgainAtTheBound();
    void restartCutsAStoredDayLongWait();
    void kickedIsReportedWithoutSpinning();
    void hangTimesOutAndRetries();
    void telegramDownThenBackSendsOnlyTheCurrentState();
    void restartAdoptsStandingMessage();
    void restartRetractsEndedIncident();
    void restartAfterGrowthBeforeRetract();
    void restartAfterCrashDuringSend();
    void removedAccountIsRetracted();
    void onceRunsEqualTheLoop();
    void pausedPostsNothingThenDelivers();
    void migratedChat();
    void pacing();
    void pacerLimitsPerMinute();
    void durationsRefreshAtMostEveryInterval();
    void escapedNamesAndHugeOutageInTheChannel();
    void hostileNamesInTheChannel();
    void chineseChannel();
    void testMessage_data();
    void testMessage();
};

void TestNotifier::growShrinkEnd()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(channel().size(), 1);
    const auto first = channel().first();
    QVERIFY(!first.silent); // a new incident notifies
    QVERIFY(first.plainText.contains(QStringLiteral("1 of 10 workers offline")));
    QCOMPARE(live(), 1);

    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")}))); // grows
    QCOMPARE(channel().size(), 1);
    const auto grown = channel().first();
    QVERIFY(grown.id != first.id);
    QVERIFY(!grown.silent);
    QVERIFY(grown.plainText.contains(QStringLiteral("rig-b offline")));
    QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1);

    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({QStringLiteral("rig-b")}))); // shrinks: edited in place
    QCOMPARE(channel().size(), 1);
    QCOMPARE(channel().first().id, grown.id);
    QCOMPARE(channel().first().edits, 1);
    QVERIFY(!channel().first().plainText.contains(QStringLiteral("rig-a")));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2);

    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({QStringLiteral("rig-b")})));       // unchanged: nothing is sent
    QVERIFY(deliver(incident({QStringLiteral("rig-b")}, true))); // a new kind: grows
    QCOMPARE(channel().size(), 1);
    QVERIFY(channel().first().plainText.contains(QStringLiteral("below the floor")));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 3);
    QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 1);

    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({}))); // over
    QVERIFY(channel().isEmpty());
    QCOMPARE(live(), 0);
    QCOMPARE(m_store->messageHistory().first().state, LiveMessage::Retracted);
    // Requests are logged (at debug) with the token cut out; cleanup() checks every line.
    QVERIFY(g_log.filter(QStringLiteral("/bot<redacted>/sendMessage")).size() == 3);
}

void TestNotifier::retractByEdit()
{
    m_cfg.retract = RetractMode::Edit;
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    m_clock.advanceSecs(600);
    QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
    // The replaced message stays (retract = edit never deletes) but no longer reads as an alert.
    QCOMPARE(channel().size(), 2);
    QVERIFY(channel().at(0).plainText.contains(QStringLiteral("replaced by a newer message")));
    QVERIFY(channel().at(1).plainText.contains(QStringLiteral("2 of 10 workers offline")));
    m_clock.advanceSecs(1200);
    QVERIFY(deliver(incident({})));
    QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 0);
    QVERIFY2(channel().at(1).plainText.contains(
                 QStringLiteral("resolved at 2026-01-01 00:30 UTC after 41 min")),
             qPrintable(channel().at(1).plainText));
    QCOMPARE(live(), 0);
}

void TestNotifier::deleteRefusedAfter48h()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    m_clock.advanceSecs(49 * 3600);
    QVERIFY(deliver(incident({})));
    QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1); // refused: older than 48 h
    QCOMPARE(channel().size(), 1);
    QVERIFY2(channel().first().plainText.contains(QStringLiteral("resolved")),
             qPrintable(channel().first().plainText));
    QVERIFY(channel().first().plainText.contains(QStringLiteral("after 2 d 01 h")));
    QCOMPARE(live(), 0);
    QCOMPARE(m_store->messageHistory().first().detail, QStringLiteral("edited to resolved"));
}

void TestNotifier::deleteNotFoundCountsAsRetracted()
{
    start();
    QSignalSpy failed(m_n.get(), &TelegramNotifier::deliveryFailed);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    m_sink->injectFault(TelegramSink::Fault::DeleteNotFound, 1);
    QVERIFY(deliver(incident({})));
    QCOMPARE(live(), 0);
    QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1);
    QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 0);
    QCOMPARE(failed.size(), 0);
}

void TestNotifier::vanishedMessageIsReplacedSilently()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
    // Someone deletes the alert by hand; the incident then shrinks.
    TelegramClient other(m_cfg, m_nam.get());
    bool done = false;
    other.deleteMessage(kChat, channel().first().id, [&](const TelegramResult &) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(channel().size(), 1);
    QVERIFY(channel().first().silent); // nothing new: no second notification
    QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-a")));
    QCOMPARE(live(), 1);
}

void TestNotifier::tooManyRequestsWaits()
{
    start();
    m_sink->setRetryAfterSecs(1);
    m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 1, QStringLiteral("sendMessage"));
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(channel().size(), 1);
    const auto calls = m_sink->calls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).httpStatus, 429);
    QVERIFY2(calls.at(1).monotonicMs - calls.at(0).monotonicMs >= 1000,
             qPrintable(QString::number(calls.at(1).monotonicMs - calls.at(0).monotonicMs)));
}

// A 429 asking for a day (the cap the client reads up to) is something broken or hostile, not
// Telegram: RigWatch waits an hour at most and says so, in the log, to the GUI (deliveryFailed,
// blockedUntilChanged) and in the database, and logs every new alert it holds back meanwhile.
void TestNotifier::hugeRetryAfterIsCutToAnHourAndSaid()
{
    start();
    QSignalSpy failed(m_n.get(), &TelegramNotifier::deliveryFailed);
    QSignalSpy blocked(m_n.get(), &TelegramNotifier::blockedUntilChanged);
    m_sink->setRetryAfterSecs(86400);
    m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 1, QStringLiteral("sendMessage"));
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
    QTRY_COMPARE(blocked.size(), 1);
    const qint64 hourLater = kStartMs + 3600 * 1000; // 2026-01-01 01:00 UTC
    QCOMPARE(blocked.first().first().toLongLong(), hourLater);
    QCOMPARE(m_n->blockedUntilMs(), hourLater);
    QCOMPARE(m_store->chatState(kChat).notBeforeMs, hourLater); // a restart waits no longer
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("Telegram asked to wait 86400 s before the next call to chat "
                            "-1001000000001; RigWatch waits at most 3600 s, until 2026-01-01 "
                            "01:00:00 UTC, and then tries again"));
    QVERIFY(g_warnings.contains(failed.first().first().toString()));
    // The mirror's row for the alert says when it goes out, not "a day".
    QTRY_COMPARE(m_store->messageHistory().first().detail,
                 QStringLiteral("Telegram asked to wait until 2026-01-01 01:00:00 UTC; it is sent "
                                "again then"));

    // Every alert held back is a warning naming the chat and the time: the account's own, a new
    // incident of another account, and growth; the same picture again is not repeated.
    const QString heldA = QStringLiteral("farm1/bitcoin: alert held back: Telegram asked not to "
                                         "call chat -1001000000001 before 2026-01-01T01:00:00Z; "
                                         "it is posted then");
    QTRY_VERIFY(g_warnings.contains(heldA));
    m_clock.advanceSecs(60);
    m_n->update(QStringLiteral("farm2/bitcoin"), QStringLiteral("farm2"),
                incident({QStringLiteral("rig-x")}));
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
    QTRY_COMPARE(g_warnings.filter(QStringLiteral("alert held back")).size(), 2);
    QVERIFY(g_warnings.contains(
        QString(heldA).replace(QStringLiteral("farm1/"), QStringLiteral("farm2/"))));
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")}));
    QTRY_COMPARE(g_warnings.filter(QStringLiteral("alert held back")).size(), 3);
    QCOMPARE(g_warnings.filter(heldA).size(), 2);
    QTest::qWait(300);
    QCOMPARE(g_warnings.filter(QStringLiteral("alert held back")).size(), 3);
    QCOMPARE(m_sink->totalCalls(), 1); // held back, not spinning
    QVERIFY(channel().isEmpty());
}

// Once the bound has passed the call is made again; a Telegram that still answers 429 defers
// it once more, and the alert is posted when it lets the bot through. (A bound of 1 s here, so
// the test waits real seconds, not hours: pacing runs on real time.)
void TestNotifier::hugeRetryAfterIsTriedAgainAtTheBound()
{
    m_timing.maxRetryAfterSecs = 1;
    start();
    QSignalSpy blocked(m_n.get(), &TelegramNotifier::blockedUntilChanged);
    m_sink->setRetryAfterSecs(86400);
    m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 2, QStringLiteral("sendMessage"));
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
    QTRY_COMPARE_WITH_TIMEOUT(channel().size(), 1, 8000);
    const auto calls = m_sink->calls();
    QCOMPARE(calls.size(), 3);
    QCOMPARE(calls.at(0).httpStatus, 429);
    QCOMPARE(calls.at(1).httpStatus, 429);
    QCOMPARE(calls.at(2).httpStatus, 200);
    for (int i : {1, 2}) {
        const qint64 gap = calls.at(i).monotonicMs - calls.at(i - 1).monotonicMs;
        QVERIFY2(gap >= 1000 && gap < 4000, qPrintable(QString::number(gap)));
    }
    QCOMPARE(m_n->blockedUntilMs(), 0);
    QCOMPARE(blocked.last().first().toLongLong(), 0); // the GUI and /metrics learn it is over
    QCOMPARE(g_warnings.filter(QStringLiteral("RigWatch waits at most 1 s")).size(), 2);
}

// A day-long wait stored by an earlier run (an older RigWatch honoured up to 24 h) is cut to the
// bound at start, in the database too, so a --once run every few minutes does not push it on.
void TestNotifier::restartCutsAStoredDayLongWait()
{
    start();
    TelegramChatState state;
    state.notBeforeMs = kStartMs + 86400 * 1000;
    QVERIFY(m_store->saveChatState(kChat, state));
    start();
    const qint64 hourLater = kStartMs + 3600 * 1000;
    QCOMPARE(m_n->blockedUntilMs(), hourLater);
    QCOMPARE(m_store->chatState(kChat).notBeforeMs, hourLater);
    QVERIFY2(g_warnings.filter(QStringLiteral("waiting only until 2026-01-01T01:00:00Z")).size() ==
                 1,
             qPrintable(g_warnings.join(QLatin1Char('\n'))));
    m_clock.advanceSecs(600); // the next --once run, ten minutes later
    start();
    QCOMPARE(m_n->blockedUntilMs(), hourLater);
    QCOMPARE(m_store->chatState(kChat).notBeforeMs, hourLater);
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
    QTRY_VERIFY(g_warnings.contains(QStringLiteral(
        "farm1/bitcoin: alert held back: Telegram asked not to call chat -1001000000001 before "
        "2026-01-01T01:00:00Z; it is posted then")));
    QCOMPARE(m_sink->totalCalls(), 0);
}

void TestNotifier::kickedIsReportedWithoutSpinning()
{
    start();
    QSignalSpy failed(m_n.get(), &TelegramNotifier::deliveryFailed);
    m_sink->injectFault(TelegramSink::Fault::BotKicked);
    m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("bot was kicked")));
    QVERIFY(m_n->idle()); // nothing a retry could fix: --once may exit
    QTest::qWait(1000);
    QVERIFY2(m_sink->totalCalls() <= 4, qPrintable(QString::number(m_sink->totalCalls())));
    QVERIFY(channel().isEmpty());
    m_sink->clearFaults(); // re-added to the channel: delivered on a later attempt
    QTRY_COMPARE_WITH_TIMEOUT(channel().size(), 1, 5000);
}

void TestNotifier::hangTimesOutAndRetries()
{
    start();
    m_sink->injectFault(TelegramSink::Fault::Hang, 1);
    QElapsedTimer t;
    t.start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QVERIFY2(t.elapsed() >= 1000 && t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(channel().size(), 1);
    QCOMPARE(live(), 1);
}

void TestNotifier::telegramDownThenBackSendsOnlyTheCurrentState()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    const qint64 firstId = channel().first().id;
    m_sink->injectFault(TelegramSink::Fault::Http502);
    const QList<QStringList> states = {
        {QStringLiteral("rig-a"), QStringLiteral("rig-b")},
        {QStringLiteral("rig-a"), QStringLiteral("rig-b"), QStringLiteral("rig-c")},
        {QStringLiteral("rig-c")},
        {QStringLiteral("rig-c"), QStringLiteral("rig-d")}};
    for (const QStringList &s : states) {
        m_clock.advanceSecs(300);
        m_n->update(kKey, kName, incident(s));
        QTest::qWait(300);
    }
    QVERIFY(!m_n->idle());
    m_sink->clearLog();
    m_sink->clearFaults();
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    QVERIFY(channel().first().id != firstId);
    QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-c offline")));
    QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-d offline")));
    QVERIFY(!channel().first().plainText.contains(QStringLiteral("rig-a")));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1); // no backlog
    QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 0);
    QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1);
}

void TestNotifier::restartAdoptsStandingMessage()
{
    start();
    const Incident a = incident({QStringLiteral("rig-a")});
    QVERIFY(deliver(a));
    start()->reconcile({view(a)});
    QVERIFY(waitIdle());
    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
    QCOMPARE(channel().size(), 1);
    QVERIFY(deliver(incident({}))); // the adopted message is the one retracted
    QVERIFY(channel().isEmpty());
}

void TestNotifier::restartRetractsEndedIncident()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    m_clock.advanceSecs(600);
    start()->reconcile({view(incident({}))}); // it ended while RigWatch was down
    QVERIFY(waitIdle());
    QVERIFY(channel().isEmpty());
    QCOMPARE(live(), 0);
}

void TestNotifier::restartAfterGrowthBeforeRetract()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    m_sink->injectFault(TelegramSink::Fault::Http500, -1, QStringLiteral("deleteMessage"));
    const Incident ab = incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")});
    m_n->update(kKey, kName, ab);
    QTRY_VERIFY(m_sink->callCount(QStringLiteral("deleteMessage")) >= 1);
    QCOMPARE(channel().size(), 2); // the new one is posted, the old one not yet retracted
    QCOMPARE(live(), 2);
    m_sink->clearFaults();
    start()->reconcile({view(ab)});
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-b")));
    QVERIFY(deliver(ab));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2);
}

void TestNotifier::restartAfterCrashDuringSend()
{
    start();
    m_sink->injectFault(TelegramSink::Fault::Hang, -1, QStringLiteral("sendMessage"));
    const Incident a = incident({QStringLiteral("rig-a")});
    m_n->update(kKey, kName, a);
    QTRY_COMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
    QCOMPARE(m_store->liveMessages().first().state, LiveMessage::Sending);
    m_sink->clearFaults();
    start()->reconcile({view(a)}); // killed mid-request: the row is still Sending
    m_n->update(kKey, kName, a);
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    QCOMPARE(live(), 1);
    const auto history = m_store->messageHistory();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().state, LiveMessage::Failed);
    QVERIFY(history.last().detail.contains(QStringLiteral("stopped before Telegram confirmed")));
}

void TestNotifier::removedAccountIsRetracted()
{
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")}), QStringLiteral("gone/bitcoin")));
    QVERIFY(deliver(incident({QStringLiteral("rig-z")})));
    QCOMPARE(channel().size(), 2);
    start()->reconcile({view(incident({QStringLiteral("rig-z")}))});
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-z")));
}

void TestNotifier::onceRunsEqualTheLoop()
{
    m_timing.refreshSecs = 900;
    const QStringList a{QStringLiteral("rig-a")},
        ab{QStringLiteral("rig-a"), QStringLiteral("rig-b")}, b{QStringLiteral("rig-b")},
        c{QStringLiteral("rig-c")};
    struct Step
    {
        QStringList down;
        bool low;
        WorkerStatus status;
    };
    const QVector<Step> script = {
        {a, false, WorkerStatus::Offline},  {a, false, WorkerStatus::Offline},
        {ab, false, WorkerStatus::Offline}, {ab, true, WorkerStatus::Offline},
        {b, true, WorkerStatus::Offline},   {b, false, WorkerStatus::Offline},
        {b, false, WorkerStatus::Offline},  {b, false, WorkerStatus::Offline},
        {b, false, WorkerStatus::Offline},  {{}, false, WorkerStatus::Offline},
        {{}, false, WorkerStatus::Offline}, {c, false, WorkerStatus::Offline},
        {c, false, WorkerStatus::Missing},  {{}, false, WorkerStatus::Offline}};

    auto run = [&](bool once) {
        QStringList seen; // the channel after every poll, as the reader sees it
        m_clock.setMs(1'767'225'600'000);
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        m_sink->listen();
        m_cfg.url = m_sink->baseUrl();
        m_dir = std::make_unique<QTemporaryDir>();
        start();
        Incident previous;
        for (const Step &s : script) {
            m_clock.advanceSecs(300);
            const Incident now = incident(s.down, s.low, false, s.status);
            if (once)
                start()->reconcile({view(previous)});
            if (!deliver(now))
                seen << QStringLiteral("NOT IDLE");
            previous = now;
            QStringList texts;
            for (const auto &m : channel())
                texts << QString::number(m.id) +
                             (m.silent ? QStringLiteral(" silent ") : QStringLiteral(" ")) +
                             QString::number(m.edits) + QLatin1Char(' ') + m.plainText;
            seen << texts.join(QStringLiteral(" | "));
        }
        QStringList calls;
        for (const auto &call : m_sink->calls())
            calls << call.method + QLatin1Char(' ') + QString::number(call.httpStatus);
        return seen + calls;
    };
    const QStringList loop = run(false);
    const QStringList once = run(true);
    QCOMPARE(once, loop);
    QVERIFY(loop.contains(QStringLiteral("editMessageText 200"))); // the script does edit
    QCOMPARE(loop.count(QStringLiteral("sendMessage 200")), 4);
}

void TestNotifier::pausedPostsNothingThenDelivers()
{
    start();
    m_n->setPaused(true);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QTest::qWait(200);
    QVERIFY(channel().isEmpty());
    QVERIFY(m_n->idle());
    m_n->setPaused(false);
    QVERIFY(!m_n->idle());
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    m_n->setPaused(true); // growth waits for the pause to end; ending is still tidied up
    QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
    QVERIFY(deliver(incident({})));
    QVERIFY(channel().isEmpty());
}

void TestNotifier::migratedChat()
{
    start();
    QSignalSpy migrated(m_n.get(), &TelegramNotifier::chatMigrated);
    m_sink->setMigrateToChatId(-1001999999999);
    m_sink->injectFault(TelegramSink::Fault::ChatMigrated, 1);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(migrated.size(), 1);
    QCOMPARE(migrated.first().at(1).toString(), QStringLiteral("-1001999999999"));
    QCOMPARE(m_n->chat(), QStringLiteral("-1001999999999"));
    QCOMPARE(channel(QStringLiteral("-1001999999999")).size(), 1);
    QVERIFY(deliver(incident({})));
    QVERIFY(channel(QStringLiteral("-1001999999999")).isEmpty());
}

void TestNotifier::pacing()
{
    m_timing = TelegramNotifier::Timing(); // the real limits
    m_sink->setEnforcePacing(true);
    start();
    for (int i = 0; i < 3; ++i)
        m_n->update(QStringLiteral("acct%1/bitcoin").arg(i), QString(),
                    incident({QStringLiteral("rig-a")}));
    QVERIFY(waitIdle(10000));
    QCOMPARE(channel().size(), 3);
    QCOMPARE(m_sink->pacingViolations(), 0);
    for (const auto &call : m_sink->calls())
        QCOMPARE(call.httpStatus, 200); // never too fast: not even one 429
    QVERIFY2(m_sink->minSendIntervalMs(kChat) >= 950,
             qPrintable(QString::number(m_sink->minSendIntervalMs(kChat))));
}

void TestNotifier::pacerLimitsPerMinute()
{
    DeliveryPacer p;
    p.setLimits({0, 3, 100, 400, 1000, 2000});
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(p.waitMs(), 0);
        p.recordCall();
    }
    QVERIFY(p.waitMs() > 59'000); // the fourth call of the minute waits for the window
    DeliveryPacer q;
    q.setLimits({0, 100, 100, 400, 1000, 2000});
    q.retryAfter(3);
    QVERIFY(q.waitMs() > 2900);
    q.succeeded();
    QVERIFY(q.waitMs() > 2900); // retry_after is not forgotten by a success elsewhere
}

void TestNotifier::durationsRefreshAtMostEveryInterval()
{
    m_timing.refreshSecs = 1800;
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    for (int i = 0; i < 5; ++i) { // 25 min: no refresh yet
        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    }
    QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 0);
    m_clock.advanceSecs(300);
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 1);
    QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
    QVERIFY(channel().first().plainText.contains(QStringLiteral("As of 2026-01-01 00:30 UTC")));
}

void TestNotifier::escapedNamesAndHugeOutageInTheChannel()
{
    start();
    QStringList many;
    for (int i = 0; i < 2000; ++i)
        many << QStringLiteral("rig-%1").arg(i, 4, 10, QLatin1Char('0'));
    many.prepend(QStringLiteral("<b>rig&\"x\"</b>"));
    QVERIFY(deliver(incident(many)));
    QCOMPARE(channel().size(), 1);
    const QString text = channel().first().plainText;
    QVERIFY(text.size() <= 4096);
    QVERIFY(text.contains(QStringLiteral("<b>rig&\"x\"</b> offline")));
    QVERIFY(text.contains(QStringLiteral(" more\n")));
    QVERIFY(text.contains(QStringLiteral("2001 of 2001 workers offline")));
}

// Names from the pool reach the channel shown, not obeyed: a line break cannot fake a line of
// the alert, ESC, NUL and a right-to-left override arrive as visible escapes, Chinese and emoji
// as they are; the "resolved" edit too.
void TestNotifier::hostileNamesInTheChannel()
{
    m_cfg.retract = RetractMode::Edit;
    start();
    const QString forged = QStringLiteral("rig-01\n\u2705 all workers back online");
    const QString esc = QStringLiteral("rig\u001b[2J") + QChar(0) + QStringLiteral("02");
    const QString rlo = QStringLiteral("rig-\u202e30-gir");
    const QString chinese = QStringLiteral("矿机-04\U0001F525");
    const QString farm = QStringLiteral("farm1\r\n\u2705 resolved");
    m_n->update(kKey, farm, incident({forged, esc, rlo, chinese}));
    QVERIFY(waitIdle());
    QCOMPARE(channel().size(), 1);
    const QString text = channel().first().plainText;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 8); // name, count, four workers, hashrate, time
    QCOMPARE(lines.at(0), QStringLiteral("\U0001F534 farm1 \u2705 resolved"));
    QVERIFY2(lines.contains(QStringLiteral("\u2022 rig-01 \u2705 all workers back online offline "
                                           "for 11 min")),
             qPrintable(text));
    QVERIFY(lines.contains(QStringLiteral("\u2022 rig\\x1b[2J\\x0002 offline for 11 min")));
    QVERIFY(lines.contains(QStringLiteral("\u2022 rig-\\u202e30-gir offline for 11 min")));
    QVERIFY(lines.contains(QStringLiteral("\u2022 矿机-04\U0001F525 offline for 11 min")));
    m_clock.advanceSecs(600);
    m_n->update(kKey, farm, incident({}));
    QVERIFY(waitIdle());
    QVERIFY2(channel().first().plainText.startsWith(
                 QStringLiteral("\u2705 farm1 \u2705 resolved: resolved at ")),
             qPrintable(channel().first().plainText));
    QVERIFY(!channel().first().plainText.contains(QLatin1Char('\n')));
}

void TestNotifier::chineseChannel()
{
    if (!MessageFormatter(QStringLiteral("zh_CN")).hasTranslation())
        QSKIP(":/i18n/rigwatch_core_zh_CN.qm has no rw::MessageFormatter strings yet; zh_CN "
              "channel not "
              "checked");
    m_cfg.language = QStringLiteral("zh_CN");
    start();
    QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
    const QString text = channel().first().plainText;
    QVERIFY2(!text.contains(QStringLiteral("workers offline")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("rig-a")));
    m_clock.advanceSecs(3600);
    m_cfg.retract = RetractMode::Edit;
    start()->reconcile({view(incident({}))});
    QVERIFY(waitIdle());
    QVERIFY2(!channel().first().plainText.contains(QStringLiteral("resolved")),
             qPrintable(channel().first().plainText));
}

void TestNotifier::testMessage_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("fault"); // -1 = none
    QTest::addColumn<bool>("knownChat");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("says");
    QTest::newRow("ok") << kToken << -1 << true << true
                        << QStringLiteral("@rigwatch_sim_bot posted a test message in");
    QTest::newRow("bad token") << QStringLiteral("1:SECRET-wrong") << -1 << true << false
                               << QStringLiteral("Unauthorized");
    QTest::newRow("chat not found")
        << kToken << -1 << false << false << QStringLiteral("Chat not found");
    QTest::newRow("kicked") << kToken << int(TelegramSink::Fault::BotKicked) << true << false
                            << QStringLiteral("not a member");
    QTest::newRow("cannot delete") << kToken << int(TelegramSink::Fault::DeleteTooOld) << true
                                   << false << QStringLiteral("may not delete messages");
}

void TestNotifier::testMessage()
{
    QFETCH(QString, token);
    QFETCH(int, fault);
    QFETCH(bool, knownChat);
    QFETCH(bool, ok);
    QFETCH(QString, says);
    m_cfg.token = token;
    if (!knownChat)
        m_sink->setKnownChats({QStringLiteral("@elsewhere")});
    if (fault >= 0)
        m_sink->injectFault(TelegramSink::Fault(fault), -1,
                            fault == int(TelegramSink::Fault::BotKicked)
                                ? QStringLiteral("sendMessage")
                                : QString());
    // The self-test as --test-telegram and the settings' button run it: a client of its own.
    TelegramClient client(m_cfg, m_nam.get());
    int answers = 0;
    bool passed = false;
    QString message;
    TelegramSelfTest::run(&client, m_cfg.chat, QStringLiteral("RigWatch test"), true, this,
                          [&](bool good, const QString &text) {
                              ++answers;
                              passed = good;
                              message = text;
                          });
    QTRY_COMPARE(answers, 1);
    QCOMPARE(passed, ok);
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("SECRET")));
    if (ok)
        QVERIFY(channel().isEmpty()); // posted, then deleted
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
