// Restarts of the Telegram notifier in the states tst_notifier does not restart in: a retraction
// Telegram refused (older than 48 h), an edit in flight, a chat that migrated, and a bot that
// was kicked. Each restart is a fresh notifier and Store on the same database file, as after a
// crash or a --once run; what counts is what the channel shows afterwards (docs/fault-matrix.md).
#include "notifierfixture.h"

#include <QSignalSpy>

using namespace rw;
using rw::sim::TelegramSink;

namespace {
const QString kToken = QStringLiteral("4242:SECRET-restart-token");
const QString kChat = QStringLiteral("-1001000000001");
const QString kKey = QStringLiteral("farm1/bitcoin");
const QString kName = QStringLiteral("farm1");
} // namespace

class TestNotifierRestarts : public QObject, private test::NotifierFixture
{
    Q_OBJECT

    Incident incident(const QStringList &down) const
    {
        Incident i;
        for (const QString &w : down)
            i.down.append({w, WorkerStatus::Offline, m_clock.nowSecs() - 700});
        i.totalHashRate = 5e14;
        i.total = 10;
        i.online = 10 - int(down.size());
        i.since = down.isEmpty() ? 0 : m_clock.nowSecs() - 700;
        i.at = m_clock.nowSecs();
        return i;
    }

private slots:
    void init() { setUpChannel(kToken, kChat); }
    void cleanup() { tearDownChannel(); }

    // The incident ended while RigWatch was down for two days: Telegram no longer lets the bot
    // delete the alert, so the restarted notifier edits it to "resolved" instead.
    void restartAfterTheDeleteWindowClosed()
    {
        start();
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(channel().size(), 1);
        const qint64 id = channel().first().id;
        m_clock.advanceSecs(49 * 3600);
        start()->reconcile({view(incident({}))});
        QVERIFY(waitIdle());
        QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1); // tried, refused
        QCOMPARE(channel().size(), 1);
        QCOMPARE(channel().first().id, id);
        QVERIFY2(channel().first().plainText.contains(QStringLiteral("resolved")),
                 qPrintable(channel().first().plainText));
        QCOMPARE(live(), 0);
        // A second restart finds nothing left to do.
        start()->reconcile({view(incident({}))});
        QVERIFY(waitIdle());
        QCOMPARE(m_sink->callCount(QStringLiteral("deleteMessage")), 1);
        QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 1);
    }

    // Killed while an edit (the incident shrank) was in flight: after the restart the same
    // message is edited to the current picture, nothing is posted again.
    void restartDuringAnEdit()
    {
        start();
        QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
        const qint64 id = channel().first().id;
        m_sink->injectFault(TelegramSink::Fault::Hang, -1, QStringLiteral("editMessageText"));
        m_clock.advanceSecs(300);
        const Incident shrunk = incident({QStringLiteral("rig-a")});
        m_n->update(kKey, kName, shrunk);
        QTRY_COMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 1);
        m_sink->clearFaults();
        start()->reconcile({view(shrunk)});
        m_n->update(kKey, kName, shrunk);
        QVERIFY(waitIdle());
        QCOMPARE(channel().size(), 1);
        QCOMPARE(channel().first().id, id);
        QVERIFY(!channel().first().plainText.contains(QStringLiteral("rig-b")));
        QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-a")));
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
        QCOMPARE(live(), 1);
        QVERIFY(deliver(incident({})));
        QVERIFY(channel().isEmpty());
    }

    // The group became a supergroup, the alert went to the new chat; the configuration still
    // names the old chat when RigWatch restarts. Ending the incident must still clear the alert
    // where it stands.
    void restartAfterTheChatMigrated()
    {
        const QString newChat = QStringLiteral("-1001999999999");
        start();
        m_sink->setMigrateToChatId(newChat.toLongLong());
        m_sink->injectFault(TelegramSink::Fault::ChatMigrated, 1);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(channel(newChat).size(), 1);
        m_clock.advanceSecs(600);
        start()->reconcile({view(incident({}))}); // m_cfg.chat is still the old id
        QVERIFY(waitIdle());
        QVERIFY2(channel(newChat).isEmpty(), qPrintable(channel(newChat).value(0).plainText));
        QVERIFY(channel().isEmpty());
        QCOMPARE(live(), 0);
    }

    // The bot was kicked: a restart neither spins on the refusal nor forgets the alert; once the
    // bot is back in the channel the current picture is posted exactly once.
    void restartWhileTheBotIsKicked()
    {
        start();
        QSignalSpy failed(m_n.get(), &TelegramNotifier::deliveryFailed);
        m_sink->injectFault(TelegramSink::Fault::BotKicked);
        m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
        QTRY_COMPARE(failed.size(), 1);
        const Incident a = incident({QStringLiteral("rig-a")});
        start()->reconcile({view(a)});
        QSignalSpy failedAgain(m_n.get(), &TelegramNotifier::deliveryFailed);
        m_n->update(kKey, kName, a);
        QTRY_COMPARE(failedAgain.size(), 1);
        QTest::qWait(1000);
        QVERIFY2(m_sink->totalCalls() <= 6, qPrintable(QString::number(m_sink->totalCalls())));
        QVERIFY(channel().isEmpty());
        m_sink->clearFaults();
        QTRY_COMPARE_WITH_TIMEOUT(channel().size(), 1, 5000);
        QVERIFY(waitIdle());
        QCOMPARE(channel().size(), 1);
        QCOMPARE(live(), 1);
    }

    // Telegram's 429 outlives the process: a restart (every --once run is one) calls no earlier
    // than retry_after allows.
    void restartHonoursRetryAfter()
    {
        start();
        m_sink->setRetryAfterSecs(2);
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 1, QStringLiteral("sendMessage"));
        m_n->update(kKey, kName, incident({QStringLiteral("rig-a")}));
        QTRY_COMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
        start()->reconcile({view(incident({QStringLiteral("rig-a")}))});
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(channel().size(), 1);
        const auto calls = m_sink->calls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).httpStatus, 429);
        QVERIFY2(calls.at(1).monotonicMs - calls.at(0).monotonicMs >= 2000,
                 qPrintable(QString::number(calls.at(1).monotonicMs - calls.at(0).monotonicMs)));
    }

    // The group became a supergroup: a restart posts straight to the new chat, not to the old id
    // of the configuration first.
    void restartPostsToTheMigratedChat()
    {
        const QString newChat = QStringLiteral("-1001999999999");
        start();
        m_sink->setMigrateToChatId(newChat.toLongLong());
        m_sink->injectFault(TelegramSink::Fault::ChatMigrated, 1);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QVERIFY(deliver(incident({})));
        QVERIFY(channel(newChat).isEmpty());
        m_sink->clearLog();
        start()->reconcile({view(incident({}))});
        QCOMPARE(m_n->chat(), newChat);
        QVERIFY(deliver(incident({QStringLiteral("rig-b")})));
        QCOMPARE(channel(newChat).size(), 1);
        for (const TelegramSink::Call &c : m_sink->calls())
            QCOMPARE(c.chat, newChat);
    }
};

QTEST_GUILESS_MAIN(TestNotifierRestarts)
#include "tst_notifierrestarts.moc"
