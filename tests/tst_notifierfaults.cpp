// Telegram refusing the text itself: "400 Bad Request: message is too long" and "400 Bad Request:
// can't parse entities". api.telegram.org never says so to RigWatch (texts are capped and
// escaped: tst_messageformatter), but another server or a future limit might. What counts is
// what the operator sees (docs/fault-matrix.md): the alert still arrives, as shorter plain text;
// the refusal is reported once, in words; nothing is retried in a loop.
#include "httpserver.h"
#include "notifierfixture.h"
#include "notify/messageformatter.h"

#include <QSignalSpy>

using namespace rw;
using rw::sim::TelegramSink;

namespace {
const QString kToken = QStringLiteral("4242:SECRET-faults-token");
const QString kChat = QStringLiteral("-1001000000002");
const QString kTooLong = QStringLiteral("Bad Request: message is too long");
const QString kBadEntities =
    QStringLiteral("Bad Request: can't parse entities: Unsupported start tag");
} // namespace

class TestNotifierFaults : public QObject, private test::NotifierFixture
{
    Q_OBJECT

    std::unique_ptr<QSignalSpy> m_failed;

    // A (re)started notifier whose reports are recorded.
    TelegramNotifier *start()
    {
        m_failed.reset();
        NotifierFixture::start();
        m_failed = std::make_unique<QSignalSpy>(m_n.get(), &TelegramNotifier::deliveryFailed);
        return m_n.get();
    }
    Incident incident(const QStringList &down) const
    {
        Incident i;
        for (const QString &w : down)
            i.down.append({w, WorkerStatus::Offline, m_clock.nowSecs() - 700});
        i.totalHashRate = 5e14;
        i.total = qMax(10, int(down.size()) + 1);
        i.online = i.total - int(down.size());
        i.since = down.isEmpty() ? 0 : m_clock.nowSecs() - 700;
        i.at = m_clock.nowSecs();
        return i;
    }
    static QStringList rigs(int n)
    {
        QStringList out;
        for (int i = 1; i <= n; ++i)
            out << QStringLiteral("rig-%1").arg(i, 3, 10, QLatin1Char('0'));
        return out;
    }
    QStringList reports() const
    {
        QStringList out;
        for (const QList<QVariant> &args : *m_failed)
            out << args.first().toString();
        return out;
    }
    // Calls of a method Telegram answered with a description starting with `refusal`.
    int refused(const QString &method, const QString &refusal) const
    {
        int n = 0;
        for (const TelegramSink::Call &c : m_sink->calls())
            n += c.method == method && c.httpStatus == 400 && c.description.startsWith(refusal);
        return n;
    }
    static void verifyPlain(const TelegramSink::Message &m)
    {
        QVERIFY2(m.parseMode.isEmpty(), qPrintable(m.parseMode)); // no parse_mode at all
        QVERIFY(m.entities.isEmpty());
        QVERIFY2(m.plainText.size() <= MessageFormatter::kPlainMaxLength,
                 qPrintable(QString::number(m.plainText.size())));
        QVERIFY(!m.text.contains(QStringLiteral("<b>")));
        QVERIFY(m.plainText.startsWith(QStringLiteral("\U0001F534 farm1\n")));
    }

private slots:
    void init() { setUpChannel(kToken, kChat); }
    void cleanup()
    {
        m_failed.reset();
        tearDownChannel();
    }

    // A server with a lower limit refuses the 4096-character alert of a big outage: the alert
    // arrives once, as plain text under 1024 characters that still says how many are down.
    void tooLongFallsBackToPlainText()
    {
        start();
        m_sink->injectFault(TelegramSink::Fault::TextTooLong, 1);
        QVERIFY(deliver(incident(rigs(400))));
        QCOMPARE(refused(QStringLiteral("sendMessage"), kTooLong), 1);
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2);
        QCOMPARE(channel().size(), 1);
        const TelegramSink::Message m = channel().first();
        verifyPlain(m);
        QVERIFY(!m.silent); // a new incident notifies, fallback or not
        QVERIFY(m.plainText.contains(QStringLiteral("400 of 401 workers offline")));
        QVERIFY(m.plainText.contains(QStringLiteral("rig-001 offline for 11 min")));
        QVERIFY(m.plainText.contains(QStringLiteral(" more\n")));
        QVERIFY(m.plainText.endsWith(QStringLiteral("As of 2026-01-01 00:00 UTC")));
        const QStringList said = reports();
        QCOMPARE(said.size(), 1);
        QCOMPARE(
            said.first(),
            QStringLiteral("farm1: Telegram refused the request: the message is too long (Telegram "
                           "said: \"Bad Request: message is too long\"); the alert is sent "
                           "again as shorter plain text without formatting"));
        const QVector<LiveMessage> live = m_store->liveMessages();
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().messageId, m.id);
    }

    // A server that will not take our HTML at all: every formatted text is refused, the plain
    // one passes. One refusal and one report per incident; the incident's growth, shrinking
    // and end all go out as plain text.
    void badEntitiesFallsBackForTheWholeIncident()
    {
        start();
        m_sink->injectFault(TelegramSink::Fault::BadEntities);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(channel().size(), 1);
        verifyPlain(channel().first());
        QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-a offline for 11 min")));
        QCOMPARE(refused(QStringLiteral("sendMessage"), kBadEntities), 1);
        const auto call = m_sink->calls().first();
        QCOMPARE(call.description, QStringLiteral("Bad Request: can't parse entities: Unsupported "
                                                  "start tag \"b\" at byte offset 5"));

        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")}))); // grows
        QCOMPARE(channel().size(), 1);
        verifyPlain(channel().first());
        QVERIFY(!channel().first().silent);
        QVERIFY(channel().first().plainText.contains(QStringLiteral("rig-b offline")));

        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-b")}))); // shrinks: a silent plain edit
        QCOMPARE(channel().size(), 1);
        QCOMPARE(channel().first().edits, 1);
        verifyPlain(channel().first());
        QVERIFY(!channel().first().plainText.contains(QStringLiteral("rig-a")));

        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({}))); // over: retracted
        QVERIFY(channel().isEmpty());
        QCOMPARE(refused(QStringLiteral("sendMessage"), kBadEntities), 1);
        QCOMPARE(refused(QStringLiteral("editMessageText"), kBadEntities), 0);
        QCOMPARE(reports().size(), 1);
        QVERIFY2(reports().first().contains(QStringLiteral("can't parse entities")),
                 qPrintable(reports().first()));
        QVERIFY(m_store->liveMessages().isEmpty());

        // The next incident tries the formatted text again: still refused, said once more.
        m_clock.advanceSecs(3600);
        QVERIFY(deliver(incident({QStringLiteral("rig-c")})));
        QCOMPARE(channel().size(), 1);
        verifyPlain(channel().first());
        QCOMPARE(refused(QStringLiteral("sendMessage"), kBadEntities), 2);
        QCOMPARE(reports().size(), 2);
    }

    // The server refuses even the short plain text: reported in words, then nothing more until
    // the next poll brings a new picture (one call per poll, no further report); the alert is
    // posted as soon as the server takes it.
    void refusedAlsoAsPlainDoesNotSpin()
    {
        start();
        m_sink->injectFault(TelegramSink::Fault::TextTooLong);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(refused(QStringLiteral("sendMessage"), kTooLong), 2); // HTML, then plain
        QVERIFY(channel().isEmpty());
        QVERIFY(m_n->idle()); // nothing a retry could fix now: --once may exit
        QTest::qWait(1500);
        QCOMPARE(m_sink->totalCalls(), 2);
        const QStringList said = reports();
        QCOMPARE(said.size(), 2);
        QVERIFY2(said.at(1).startsWith(QStringLiteral("farm1: Telegram refused the request: the "
                                                      "message is too long")),
                 qPrintable(said.at(1)));
        QVERIFY2(
            said.at(1).endsWith(QStringLiteral(", also as plain text; the alert is tried again "
                                               "after the next poll")),
            qPrintable(said.at(1)));

        for (int poll = 1; poll <= 3; ++poll) {
            m_clock.advanceSecs(300);
            QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
            QCOMPARE(m_sink->totalCalls(), 2 + poll); // one plain attempt per new picture
        }
        QCOMPARE(reports().size(), 2); // the same refusal is not reported again

        m_sink->clearFaults();
        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QCOMPARE(channel().size(), 1);
        verifyPlain(channel().first());
        QVERIFY(channel().first().plainText.endsWith(QStringLiteral("As of 2026-01-01 00:20 UTC")));
        QCOMPARE(m_store->liveMessages().size(), 1);
    }

    // The alert went out formatted; later the server refuses an edit's HTML: the same message
    // is edited as plain text, silently, nothing new is posted.
    void editRefusedFallsBackToPlainText()
    {
        start();
        QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
        const qint64 id = channel().first().id;
        QCOMPARE(channel().first().parseMode, QStringLiteral("HTML"));
        m_sink->injectFault(TelegramSink::Fault::BadEntities, -1,
                            QStringLiteral("editMessageText"));
        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-b")})));
        QCOMPARE(refused(QStringLiteral("editMessageText"), kBadEntities), 1);
        QCOMPARE(m_sink->callCount(QStringLiteral("editMessageText")), 2);
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 1);
        QCOMPARE(channel().size(), 1);
        QCOMPARE(channel().first().id, id);
        QCOMPARE(channel().first().edits, 1);
        verifyPlain(channel().first());
        QVERIFY(!channel().first().plainText.contains(QStringLiteral("rig-a")));
        QCOMPARE(reports().size(), 1);
    }

    // retract = edit: the "resolved" edit is refused as HTML and goes out as plain text.
    void resolvedEditFallsBackToPlainText()
    {
        m_cfg.retract = RetractMode::Edit;
        start();
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        const qint64 id = channel().first().id;
        m_sink->injectFault(TelegramSink::Fault::BadEntities, -1,
                            QStringLiteral("editMessageText"));
        m_clock.advanceSecs(600);
        QVERIFY(deliver(incident({})));
        QCOMPARE(channel().size(), 1);
        QCOMPARE(channel().first().id, id);
        QVERIFY(channel().first().parseMode.isEmpty());
        QCOMPARE(channel().first().plainText,
                 QStringLiteral("\u2705 farm1: resolved at 2026-01-01 00:10 UTC after 21 min"));
        QVERIFY(m_store->liveMessages().isEmpty());
        QCOMPARE(reports().size(), 1);
    }

    void maybePostedIsKeptOnItsOwnRow_data()
    {
        QTest::addColumn<TelegramSink::Fault>("fault");
        QTest::newRow("answer lost") << TelegramSink::Fault::CarriedOutNoAnswer;
        QTest::newRow("200 that is not a Bot API answer") << TelegramSink::Fault::CarriedOutGarbage;
    }
    // Telegram posted the alert but RigWatch never read the answer: the retry posts again (the
    // id of the first is unknowable), and the first attempt stays on record in the mirror as
    // "may have been posted", reported once, instead of being overwritten by the retry.
    void maybePostedIsKeptOnItsOwnRow()
    {
        QFETCH(TelegramSink::Fault, fault);
        start();
        m_sink->injectFault(fault, 1, QStringLiteral("sendMessage"));
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QTRY_COMPARE_WITH_TIMEOUT(channel().size(), 2, 5000); // the orphan and the retry
        QVERIFY(waitIdle());
        const QVector<LiveMessage> live = m_store->liveMessages();
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().messageId, channel().last().id);
        const QVector<LiveMessage> history = m_store->messageHistory();
        QCOMPARE(history.size(), 2);
        const LiveMessage first = history.last(); // oldest
        QCOMPARE(first.state, LiveMessage::Failed);
        QVERIFY(first.id != live.first().id);
        QVERIFY2(first.detail.contains(QStringLiteral("may have been posted")) &&
                     first.detail.contains(QStringLiteral("delete it by hand")),
                 qPrintable(first.detail));
        QVERIFY(!first.detail.contains(kToken));
        QCOMPARE(first.text, channel().first().text);
        bool told = false;
        for (const QString &r : reports())
            told = told || (r.contains(QStringLiteral("may have been posted")) &&
                            r.startsWith(QStringLiteral("farm1: ")));
        QVERIFY2(told, qPrintable(reports().join(QLatin1Char('\n'))));
    }

    // An API proxy answers a post with a gigabyte: cut off at 1 MiB, reported once in words,
    // retried like an outage, and the alert arrives when a real answer comes.
    void oversizedAnswerIsReportedAndRetried()
    {
        start();
        m_sink->setOversizedAnswer(qint64(1) << 30, TelegramSink::Framing::Close, 502);
        m_sink->injectFault(TelegramSink::Fault::OversizedAnswer, 1, QStringLiteral("sendMessage"));
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        QTRY_COMPARE_WITH_TIMEOUT(channel().size(), 1, 5000);
        QVERIFY(waitIdle());
        QCOMPARE(reports(),
                 QStringList{QStringLiteral("Telegram's answer exceeded 1 MiB; retrying")});
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2);
        QCOMPARE(live(), 1);
    }

    // "ok": true without a message id: whatever the server did, a message may stand that
    // nobody can follow; the mirror says so.
    void okWithoutMessageIdIsRecorded()
    {
        sim::HttpServer server;
        server.setHandler([](const sim::HttpRequest &, sim::HttpResponder &r) {
            r.respond(200, R"({"ok":true,"result":true})", {{"Content-Type", "application/json"}});
        });
        QVERIFY(server.listen());
        m_cfg.url = server.baseUrl();
        start();
        QVERIFY(deliver(incident({QStringLiteral("rig-a")})));
        const QVector<LiveMessage> history = m_store->messageHistory();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().state, LiveMessage::Failed);
        QVERIFY2(history.first().detail.contains(QStringLiteral("may be in the chat")),
                 qPrintable(history.first().detail));
        QCOMPARE(reports().size(), 1);
    }

    // After the plain-text fallback the mirror's "text as sent" is the plain text the channel
    // shows, for the post and for a later edit.
    void mirrorKeepsThePlainTextThatWasSent()
    {
        start();
        m_sink->injectFault(TelegramSink::Fault::BadEntities);
        QVERIFY(deliver(incident({QStringLiteral("rig-a"), QStringLiteral("rig-b")})));
        QCOMPARE(channel().size(), 1);
        QVector<LiveMessage> live = m_store->liveMessages();
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().text, channel().first().text);
        QVERIFY(!live.first().text.contains(QStringLiteral("<b>")));
        m_clock.advanceSecs(300);
        QVERIFY(deliver(incident({QStringLiteral("rig-b")})));
        QCOMPARE(channel().first().edits, 1);
        live = m_store->liveMessages();
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().text, channel().first().text);
    }
};

QTEST_GUILESS_MAIN(TestNotifierFaults)
#include "tst_notifierfaults.moc"
