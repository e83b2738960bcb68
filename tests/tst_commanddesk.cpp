// CommandDesk with the notifier and the simulated Bot API: what a command or a button press
// does to the chat and to the mute, and who may do it.
#include "notifierfixture.h"
#include "notify/commanddesk.h"
#include "notify/mutestate.h"
#include "notify/telegramclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace rw;
using rw::sim::TelegramSink;

namespace {
const QString kToken = QStringLiteral("5150:desk-token");
const QString kChat = QStringLiteral("-1001234567890");
constexpr qint64 kAdmin = 111;
constexpr qint64 kStranger = 999;
} // namespace

class TestCommandDesk : public QObject, private test::NotifierFixture
{
    Q_OBJECT

    std::unique_ptr<TelegramClient> m_client;
    std::unique_ptr<MuteState> m_mutes;
    std::unique_ptr<CommandDesk> m_desk;
    QVector<AccountView> m_views;
    qint64 m_nextUpdate = 1;

    Incident incident(const QStringList &down) const
    {
        Incident i;
        for (int k = 0; k < down.size(); ++k)
            i.down.append({down[k], WorkerStatus::Offline, m_clock.nowSecs() - 700 - 600 * k});
        i.totalHashRate = 5e14;
        i.total = 10;
        i.online = 10 - int(down.size());
        i.since = m_clock.nowSecs() - 700;
        i.at = m_clock.nowSecs();
        return i;
    }

    void setUpDesk(const QString &language = QStringLiteral("en"))
    {
        m_cfg.commands = true;
        m_cfg.admins = {kAdmin};
        m_cfg.language = language;
        start();
        m_mutes = std::make_unique<MuteState>(m_store.get(), &m_clock);
        connect(m_mutes.get(), &MuteState::changed, m_n.get(),
                [this] { m_n->setPaused(m_mutes->isMuted()); });
        m_client = std::make_unique<TelegramClient>(m_cfg, m_nam.get());
        m_desk = std::make_unique<CommandDesk>(m_cfg, m_client.get(), m_n.get(), m_mutes.get(),
                                               &m_clock);
        m_desk->setViews([this] { return m_views; });
        m_n->setKeyboard(m_desk->keyboard());
    }

    // An update as getUpdates hands it out.
    void say(const QString &text, qint64 from, const QString &chat = kChat,
             const QString &type = QStringLiteral("supergroup"), const QString &user = {})
    {
        QJsonObject chatObject{{QStringLiteral("id"), chat.toLongLong()},
                               {QStringLiteral("type"), type}};
        QJsonObject message{{QStringLiteral("message_id"), 1000 + m_nextUpdate},
                            {QStringLiteral("chat"), chatObject},
                            {QStringLiteral("text"), text}};
        if (from)
            message.insert(QStringLiteral("from"),
                           QJsonObject{{QStringLiteral("id"), from},
                                       {QStringLiteral("first_name"), QStringLiteral("Ann")},
                                       {QStringLiteral("username"), user}});
        m_desk->handle({{QStringLiteral("update_id"), m_nextUpdate++},
                        {type == QLatin1String("channel") ? QStringLiteral("channel_post")
                                                          : QStringLiteral("message"),
                         message}});
    }
    void press(qint64 messageId, const QString &data, qint64 from, const QString &user)
    {
        m_desk->handle(
            {{QStringLiteral("update_id"), m_nextUpdate++},
             {QStringLiteral("callback_query"),
              QJsonObject{{QStringLiteral("id"), QString::number(7000 + m_nextUpdate)},
                          {QStringLiteral("from"),
                           QJsonObject{{QStringLiteral("id"), from},
                                       {QStringLiteral("first_name"), QStringLiteral("Bob")},
                                       {QStringLiteral("username"), user}}},
                          {QStringLiteral("message"),
                           QJsonObject{{QStringLiteral("message_id"), messageId},
                                       {QStringLiteral("chat"),
                                        QJsonObject{{QStringLiteral("id"), kChat.toLongLong()},
                                                    {QStringLiteral("type"),
                                                     QStringLiteral("supergroup")}}}}},
                          {QStringLiteral("data"), data}}}});
    }
    bool repliesSent()
    {
        return waitIdle() && QTest::qWaitFor([this] { return m_n->repliesWaiting() == 0; }, 8000);
    }
    QStringList texts(const QString &chat = kChat) const
    {
        QStringList out;
        for (const auto &m : m_sink->messages(chat))
            out << m.plainText;
        return out;
    }

private slots:
    void init() { setUpChannel(kToken, kChat); }
    void cleanup()
    {
        m_desk.reset();
        m_client.reset();
        m_mutes.reset();
        tearDownChannel();
        m_views.clear();
    }

    void statusIsAnsweredInTheChatItCameFrom()
    {
        setUpDesk();
        m_views = {view(incident({QStringLiteral("rig-03"), QStringLiteral("rig<7>")}))};
        say(QStringLiteral("/status@rigwatch_sim_bot"), kStranger);
        QVERIFY(repliesSent());
        const QStringList t = texts();
        QCOMPARE(t.size(), 1);
        QVERIFY2(t.first().contains(QStringLiteral("farm1")), qPrintable(t.first()));
        QVERIFY2(t.first().contains(QStringLiteral("rig<7> offline for 21 min")),
                 qPrintable(t.first())); // escaped for HTML, shown as it is, longest first
        QVERIFY(t.first().indexOf(QStringLiteral("rig<7>")) <
                t.first().indexOf(QStringLiteral("rig-03")));
        // an admin's private chat is answered there
        say(QStringLiteral("/offline"), kAdmin, QString::number(kAdmin), QStringLiteral("private"));
        QVERIFY(repliesSent());
        QCOMPARE(texts(QString::number(kAdmin)).size(), 1);
        QVERIFY(
            texts(QString::number(kAdmin)).first().contains(QStringLiteral("2 workers offline")));
    }

    void strangersElsewhereGetNothing()
    {
        setUpDesk();
        say(QStringLiteral("/status"), kStranger, QString::number(kStranger),
            QStringLiteral("private"));
        say(QStringLiteral("/status"), kAdmin, QStringLiteral("-100777"),
            QStringLiteral("supergroup"));
        QVERIFY(repliesSent());
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 0);
    }

    void muteByAnAdminHoldsTheNextAlertBackUntilUnmuted()
    {
        setUpDesk();
        say(QStringLiteral("/mute 2h"), kAdmin, kChat, QStringLiteral("supergroup"),
            QStringLiteral("ann"));
        QVERIFY(repliesSent());
        QVERIFY(m_mutes->isMuted());
        QVERIFY(texts().last().contains(QStringLiteral("muted by @ann until 02:00 UTC")));
        QVERIFY(m_n->isPaused());
        QVERIFY(deliver(incident({QStringLiteral("rig-01")})));
        QCOMPARE(texts().size(), 1); // only the reply: the alert waits
        say(QStringLiteral("/unmute"), kAdmin, kChat, QStringLiteral("supergroup"),
            QStringLiteral("ann"));
        QVERIFY(repliesSent());
        QVERIFY(!m_mutes->isMuted());
        QTRY_COMPARE(texts().size(), 3);
        QVERIFY(texts().join(QLatin1Char('\n')).contains(QStringLiteral("rig-01")));
    }

    void strangerCannotMute()
    {
        setUpDesk();
        say(QStringLiteral("/mute"), kStranger);
        say(QStringLiteral("/mute 1h"), 0, kChat, QStringLiteral("channel")); // a channel post
        QVERIFY(repliesSent());
        QVERIFY(!m_mutes->isMuted());
        QCOMPARE(texts().size(), 2);
        QVERIFY(texts().first().startsWith(QStringLiteral("Not allowed")));
        QVERIFY(texts().last().contains(QStringLiteral("channel post has no sender")));
    }

    void muteEndsOnTimeWithAReply()
    {
        setUpDesk();
        say(QStringLiteral("/mute 30m"), kAdmin, kChat, QStringLiteral("supergroup"),
            QStringLiteral("ann"));
        QVERIFY(repliesSent());
        m_clock.advanceSecs(30 * 60);
        QTRY_COMPARE_WITH_TIMEOUT(texts().size(), 2, 4000);
        QVERIFY(texts().last().contains(QStringLiteral("The mute set by @ann has ended")));
        QVERIFY(!m_n->isPaused());
    }

    void badArgumentsAreExplained_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("answer");
        QTest::newRow("duration") << "/mute 5x"
                                  << "\"5x\" is not a duration";
        QTest::newRow("group") << "/mute 2h site-a"
                               << "There is no group \"site-a\"";
        QTest::newRow("unknown") << "/frob"
                                 << "Unknown command /frob.";
        QTest::newRow("digest") << "/digest"
                                << "/digest is not available in this version";
        QTest::newRow("rebase") << "/rebase rig-01"
                                << "/rebase is not available in this version";
        QTest::newRow("help") << "/help"
                              << "/mute";
    }
    void badArgumentsAreExplained()
    {
        QFETCH(QString, text);
        QFETCH(QString, answer);
        setUpDesk();
        say(text, kAdmin);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 1);
        QVERIFY2(texts().first().contains(answer), qPrintable(texts().first()));
        QVERIFY(!m_mutes->isMuted());
    }

    void acknowledgeEditsTheMessageAndSurvivesGrowth()
    {
        setUpDesk();
        QVERIFY(deliver(incident({QStringLiteral("rig-01")})));
        const auto first = channel().first();
        QCOMPARE(first.replyMarkup.value(QLatin1String("inline_keyboard"))
                     .toArray()
                     .first()
                     .toArray()
                     .size(),
                 2);
        m_clock.advanceSecs(5 * 60); // 00:05
        press(first.id, QStringLiteral("ack"), kAdmin, QStringLiteral("ann"));
        QVERIFY(waitIdle());
        QTRY_COMPARE(m_sink->callbackAnswers().size(), 1);
        QCOMPARE(m_sink->callbackAnswers().first().text, QStringLiteral("Acknowledged"));
        auto edited = m_sink->message(kChat, first.id);
        QVERIFY(edited);
        QVERIFY2(edited->plainText.contains(QStringLiteral("acknowledged by @ann at 00:05 UTC")),
                 qPrintable(edited->plainText));
        QVERIFY(!edited->replyMarkup.isEmpty()); // the buttons stay
        // a stranger's press changes nothing and is told so
        press(first.id, QStringLiteral("mute:1h"), kStranger, QStringLiteral("eve"));
        QTRY_COMPARE(m_sink->callbackAnswers().size(), 2);
        QCOMPARE(m_sink->callbackAnswers().last().text,
                 QStringLiteral("Not allowed: admins only."));
        QVERIFY(!m_mutes->isMuted());
        // growth posts anew and keeps the line for the rig already known
        QVERIFY(deliver(incident({QStringLiteral("rig-01"), QStringLiteral("rig-02")})));
        QTRY_COMPARE(channel().size(), 1);
        QVERIFY2(channel().last().plainText.contains(
                     QStringLiteral("acknowledged by @ann at 00:05 UTC: rig-01")),
                 qPrintable(channel().last().plainText));
        // once over, the acknowledgement is gone with it
        QVERIFY(deliver(Incident()));
        QVERIFY(m_store->acks().isEmpty());
    }

    void muteButtonByAnAdmin()
    {
        setUpDesk();
        QVERIFY(deliver(incident({QStringLiteral("rig-01")})));
        press(channel().first().id, QStringLiteral("mute:1h"), kAdmin, QStringLiteral("ann"));
        QTRY_COMPARE(m_sink->callbackAnswers().size(), 1);
        QVERIFY(m_mutes->isMuted());
        QCOMPARE(m_mutes->active()->untilMs, m_clock.nowMs() + 3600'000);
        QVERIFY(m_sink->callbackAnswers().first().text.contains(QStringLiteral("01:00 UTC")));
    }

    void menuInTwoLanguagesAndAMissingMethodIsLoggedOnce()
    {
        setUpDesk();
        m_desk->start();
        QTRY_COMPARE(m_sink->myCommands().size(), 5);
        QTRY_COMPARE(m_sink->myCommands(QStringLiteral("zh")).size(), 5);
        QCOMPARE(m_sink->myCommands().first().toObject().value(QLatin1String("command")).toString(),
                 QStringLiteral("status"));
        QVERIFY(m_sink->myCommands(QStringLiteral("zh"))
                    .first()
                    .toObject()
                    .value(QLatin1String("description"))
                    .toString()
                    .contains(QStringLiteral("矿")));
        m_sink->injectFault(TelegramSink::Fault::NoSetMyCommands);
        m_desk->start();
        QTRY_COMPARE(m_sink->callCount(QStringLiteral("setMyCommands")), 4);
        // commands go on working
        say(QStringLiteral("/help"), kAdmin);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 1);
    }

    void repliesInTheChannelsLanguage()
    {
        setUpDesk(QStringLiteral("zh_CN"));
        say(QStringLiteral("/mute 2h"), kAdmin, kChat, QStringLiteral("supergroup"),
            QStringLiteral("ann"));
        say(QStringLiteral("/help"), kStranger);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 2);
        QVERIFY2(texts().first().contains(QStringLiteral("告警已被 @ann 静音")),
                 qPrintable(texts().first()));
        QVERIFY2(texts().last().contains(QStringLiteral("矿场现状")), qPrintable(texts().last()));
        const QJsonArray row =
            m_desk->keyboard().value(QLatin1String("inline_keyboard")).toArray().first().toArray();
        QVERIFY(row.first()
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString()
                    .contains(QStringLiteral("静音 1 小时")));
    }

    // Replies share the alerts' pacing: an alert and three replies in one burst reach the chat
    // at least a second apart, and a reply that gets 429 waits retry_after, then goes out.
    void repliesArePacedWithTheAlerts()
    {
        m_timing.pacing = DeliveryPacer::Limits(); // Telegram's own, not the fixture's quick ones
        setUpDesk();
        m_views = {view(incident({QStringLiteral("rig-01")}))};
        m_n->update(QStringLiteral("farm1/bitcoin"), QStringLiteral("farm1"),
                    incident({QStringLiteral("rig-01")}));
        say(QStringLiteral("/status"), kAdmin);
        say(QStringLiteral("/offline"), kAdmin);
        say(QStringLiteral("/help"), kStranger);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 4);
        QCOMPARE(m_sink->pacingViolations(), 0);
        QVERIFY2(m_sink->minSendIntervalMs(kChat) >= 950,
                 qPrintable(QString::number(m_sink->minSendIntervalMs(kChat))));

        m_sink->setRetryAfterSecs(1);
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 1, QStringLiteral("sendMessage"));
        m_sink->clearLog();
        say(QStringLiteral("/help"), kAdmin);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 5);
        const auto calls = m_sink->calls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).httpStatus, 429);
        QVERIFY(calls.at(1).monotonicMs - calls.at(0).monotonicMs >= 1000);
    }

    void longListsStayWithinTheLimit()
    {
        setUpDesk();
        QStringList many;
        for (int i = 0; i < 400; ++i)
            many << QStringLiteral("worker-with-a-long-name-%1").arg(i, 4, 10, QLatin1Char('0'));
        m_views = {view(incident(many))};
        say(QStringLiteral("/offline"), kAdmin);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 1);
        const QString text = texts().first();
        QVERIFY(text.size() <= 4096);
        // every worker is either listed or counted in "and N more"
        const auto more = QRegularExpression(QStringLiteral("and (\\d+) more")).match(text);
        QVERIFY2(more.hasMatch(), qPrintable(text.right(100)));
        QCOMPARE(text.count(QStringLiteral("worker-with-a-long-name-")) + more.captured(1).toInt(),
                 400);
        QVERIFY(more.captured(1).toInt() > 0);
        // /status lists the same workers within the limit too
        say(QStringLiteral("/status"), kAdmin);
        QVERIFY(repliesSent());
        QCOMPARE(texts().size(), 2);
        QVERIFY(texts().last().size() <= 4096);
        QVERIFY2(texts().last().contains(QRegularExpression(QStringLiteral("and \\d+ more"))),
                 qPrintable(texts().last().right(100)));
    }
};

QTEST_GUILESS_MAIN(TestCommandDesk)
#include "tst_commanddesk.moc"
