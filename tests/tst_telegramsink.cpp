// The Telegram sink: the Bot API envelope, error descriptions and status codes, parameters in
// every encoding, the message lifecycle (send, edit, delete, not modified, not found, 48 h),
// injected faults, the call log and pacing records. HTML and length: tst_telegramhtml.cpp.
#include "clock.h"
#include "simhttp.h"
#include "telegramsink.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QtTest>

using namespace rw;
using rw::sim::TelegramSink;
using simtest::BotClient;
using simtest::HttpResult;

Q_DECLARE_METATYPE(rw::sim::TelegramSink::Fault)

namespace {

const QString kToken = QStringLiteral("123456:AAE-secret-token");
const QString kChat = QStringLiteral("-1001234567890");
const QString kNotModified = QStringLiteral(
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message");

} // namespace

class TestTelegramSink : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<TelegramSink> m_sink;
    std::unique_ptr<BotClient> m_client;

    static qint64 idOf(const HttpResult &r) { return r.messageId(); }

private slots:
    void init()
    {
        m_clock.setMs(1'767'225'600'000);
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        QVERIFY(m_sink->listen());
        m_client = std::make_unique<BotClient>(m_sink->baseUrl(), kToken, kChat);
    }

    void cleanup()
    {
        m_client.reset();
        m_sink.reset();
    }

    void getMe()
    {
        const HttpResult r =
            m_client->call(QStringLiteral("getMe"), {}, BotClient::Encoding::Query);
        QCOMPARE(r.status, 200);
        QVERIFY(r.ok());
        QCOMPARE(r.result().value(QLatin1String("id")).toInteger(), 123456);
        QCOMPARE(r.result().value(QLatin1String("is_bot")).toBool(), true);
        QVERIFY(!r.result().value(QLatin1String("username")).toString().isEmpty());
        QCOMPARE(r.header("Date"), QByteArray("Thu, 01 Jan 2026 00:00:00 GMT"));
    }

    void wrongTokenIsUnauthorized_data()
    {
        QTest::addColumn<QString>("method");
        for (const char *m : {"getMe", "sendMessage", "editMessageText", "deleteMessage"})
            QTest::newRow(m) << QString::fromLatin1(m);
    }

    void wrongTokenIsUnauthorized()
    {
        QFETCH(QString, method);
        const HttpResult r = m_client->call(
            method,
            {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("x")}},
            BotClient::Encoding::Json, QStringLiteral("123456:wrong"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(),
                 QJsonObject({{QStringLiteral("ok"), false},
                              {QStringLiteral("error_code"), 401},
                              {QStringLiteral("description"), QStringLiteral("Unauthorized")}}));
        QVERIFY(m_sink->messages(kChat).isEmpty());
    }

    void unknownMethodIsNotFound()
    {
        const HttpResult r = m_client->call(QStringLiteral("sendPhotoz"), {});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), 404);
        QCOMPARE(r.description(), QStringLiteral("Not Found"));
    }

    void sendMessageInEveryEncoding_data()
    {
        QTest::addColumn<BotClient::Encoding>("encoding");
        QTest::newRow("json") << BotClient::Encoding::Json;
        QTest::newRow("form") << BotClient::Encoding::Form;
        QTest::newRow("query") << BotClient::Encoding::Query;
    }

    void sendMessageInEveryEncoding()
    {
        QFETCH(BotClient::Encoding, encoding);
        const QJsonObject loud{{QStringLiteral("chat_id"), kChat},
                               {QStringLiteral("text"), QStringLiteral("rig-01 & rig-02 down")}};
        QJsonObject quiet{{QStringLiteral("chat_id"), kChat.toLongLong()},
                          {QStringLiteral("text"), QStringLiteral("<b>resolved</b> ✓")},
                          {QStringLiteral("parse_mode"), QStringLiteral("HTML")},
                          {QStringLiteral("disable_notification"), true},
                          {QStringLiteral("link_preview_options"),
                           QJsonObject{{QStringLiteral("is_disabled"), true}}}};
        const HttpResult a = m_client->call(QStringLiteral("sendMessage"), loud, encoding);
        const HttpResult b = m_client->call(QStringLiteral("sendMessage"), quiet, encoding);
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 200);
        const QJsonObject m = b.result();
        QCOMPARE(idOf(a), 1);
        QCOMPARE(idOf(b), 2);
        QCOMPARE(m.value(QLatin1String("date")).toInteger(), m_clock.nowSecs());
        QCOMPARE(m.value(QLatin1String("text")).toString(), QStringLiteral("resolved ✓"));
        const QJsonObject chat = m.value(QLatin1String("chat")).toObject();
        QCOMPARE(chat.value(QLatin1String("id")).toInteger(), kChat.toLongLong());
        QCOMPARE(chat.value(QLatin1String("type")).toString(), QStringLiteral("channel"));
        QCOMPARE(
            m.value(QLatin1String("entities")).toArray().first()[QLatin1String("type")].toString(),
            QStringLiteral("bold"));

        const auto msgs = m_sink->messages(kChat);
        QCOMPARE(msgs.size(), 2);
        QCOMPARE(msgs[0].text, QStringLiteral("rig-01 & rig-02 down"));
        QCOMPARE(msgs[0].silent, false);
        QCOMPARE(msgs[1].text, QStringLiteral("<b>resolved</b> ✓"));
        QCOMPARE(msgs[1].plainText, QStringLiteral("resolved ✓"));
        QCOMPARE(msgs[1].parseMode, QStringLiteral("HTML"));
        QCOMPARE(msgs[1].silent, true);
    }

    void multipartForm()
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &[name, value] :
             {std::pair{"chat_id", kChat}, std::pair{"text", QStringLiteral("hello")}}) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(QLatin1String(name)));
            part.setBody(value.toUtf8());
            multi->append(part);
        }
        QNetworkReply *reply = m_client->nam().post(
            QNetworkRequest(m_client->methodUrl(QStringLiteral("sendMessage"))), multi);
        multi->setParent(reply);
        const HttpResult r = simtest::waitFor(reply);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_sink->messages(kChat).first().text, QStringLiteral("hello"));
    }

    // Inbound updates as a client sees them over HTTP: commands and presses sent through the
    // control surface, handed out by getUpdates until an offset confirms them; 409 as a fault.
    void updatesThroughTheControlSurface()
    {
        const auto control = [this](const QString &pathAndQuery) {
            return simtest::waitFor(m_client->nam().post(
                QNetworkRequest(simtest::urlFor(m_sink->baseUrl(), pathAndQuery)), QByteArray()));
        };
        const HttpResult posted = control(
            QStringLiteral("/sim/update?chat=%1&text=%2&from=111&username=ann&type=supergroup")
                .arg(kChat,
                     QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("/status")))));
        QCOMPARE(posted.status, 200);
        const qint64 first = posted.json().value(QLatin1String("update_id")).toInteger();
        const qint64 messageId = idOf(m_client->send(QStringLiteral("alert")));
        QCOMPARE(control(QStringLiteral("/sim/press?chat=%1&message_id=%2&data=ack&from=222")
                             .arg(kChat)
                             .arg(messageId))
                     .status,
                 200);
        QCOMPARE(control(QStringLiteral("/sim/press?chat=%1&data=ack").arg(kChat)).status, 400);

        HttpResult r =
            m_client->call(QStringLiteral("getUpdates"), {{QStringLiteral("timeout"), 0}});
        QCOMPARE(r.status, 200);
        QJsonArray updates = r.json().value(QLatin1String("result")).toArray();
        QCOMPARE(updates.size(), 2);
        const QJsonObject message =
            updates[0].toObject().value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("/status"));
        QCOMPARE(message.value(QLatin1String("from")).toObject().value(QLatin1String("username")),
                 QStringLiteral("ann"));
        const QJsonObject press =
            updates[1].toObject().value(QLatin1String("callback_query")).toObject();
        QCOMPARE(press.value(QLatin1String("data")).toString(), QStringLiteral("ack"));
        QCOMPARE(press.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("message_id"))
                     .toInteger(),
                 messageId);
        // the offset confirms the first; the second is handed out again until confirmed
        r = m_client->call(QStringLiteral("getUpdates"),
                           {{QStringLiteral("offset"), first + 1}, {QStringLiteral("timeout"), 0}});
        QCOMPARE(r.json().value(QLatin1String("result")).toArray().size(), 1);
        r = m_client->call(QStringLiteral("getUpdates"), {{QStringLiteral("timeout"), 0}});
        QCOMPARE(r.json().value(QLatin1String("result")).toArray().size(), 1);
        // answering the press
        const QString pressId = press.value(QLatin1String("id")).toString();
        r = m_client->call(QStringLiteral("answerCallbackQuery"),
                           {{QStringLiteral("callback_query_id"), pressId},
                            {QStringLiteral("text"), QStringLiteral("Acknowledged")}});
        QVERIFY(r.ok());
        QCOMPARE(m_sink->callbackAnswers().first().id, pressId);
        // 409 for getUpdates only, as over the control surface
        QCOMPARE(control(QStringLiteral("/sim/fault?mode=409")).status, 200);
        r = m_client->call(QStringLiteral("getUpdates"), {{QStringLiteral("timeout"), 0}});
        QCOMPARE(r.status, 409);
        QVERIFY(
            r.description().startsWith(QStringLiteral("Conflict: terminated by other getUpdates")));
        QCOMPARE(m_client->send(QStringLiteral("alerts still go")).status, 200);
    }

    void idsArePerChat()
    {
        QCOMPARE(idOf(m_client->send(QStringLiteral("a"))), 1);
        QCOMPARE(idOf(m_client->send(QStringLiteral("b"))), 2);
        QCOMPARE(idOf(m_client->send(QStringLiteral("c"), {}, QStringLiteral("@OpsChannel"))), 1);
        QCOMPARE(m_sink->messages(QStringLiteral("@opschannel")).size(), 1);
        QCOMPARE(m_sink->chats().size(), 2);
    }

    void chatChecks()
    {
        const HttpResult missing = m_client->call(QStringLiteral("sendMessage"),
                                                  {{QStringLiteral("text"), QStringLiteral("x")}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.description(), QStringLiteral("Bad Request: chat_id is empty"));
        m_sink->setKnownChats({kChat});
        const HttpResult other = m_client->send(QStringLiteral("x"), {}, QStringLiteral("-100999"));
        QCOMPARE(other.status, 400);
        QCOMPARE(other.errorCode(), 400);
        QCOMPARE(other.description(), QStringLiteral("Bad Request: chat not found"));
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
    }

    void editLifecycle()
    {
        const qint64 id = idOf(m_client->send(QStringLiteral("2 rigs down")));
        m_clock.advanceSecs(30);
        const HttpResult e = m_client->edit(id, QStringLiteral("1 rig down"));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.result().value(QLatin1String("text")).toString(), QStringLiteral("1 rig down"));
        QCOMPARE(e.result().value(QLatin1String("edit_date")).toInteger(), m_clock.nowSecs());
        QCOMPARE(m_sink->messages(kChat).first().text, QStringLiteral("1 rig down"));
        QCOMPARE(m_sink->messages(kChat).first().edits, 1);

        const HttpResult same = m_client->edit(id, QStringLiteral("1 rig down"));
        QCOMPARE(same.status, 400);
        QCOMPARE(same.description(), kNotModified);
        // Same visible content through different markup is still "not modified".
        QCOMPARE(
            m_client->edit(id, QStringLiteral("1 rig down"), QStringLiteral("HTML")).description(),
            kNotModified);
        QCOMPARE(
            m_client->edit(id, QStringLiteral("<b>1</b> rig down"), QStringLiteral("HTML")).status,
            200);

        const HttpResult unknown = m_client->edit(id + 40, QStringLiteral("x"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.description(), QStringLiteral("Bad Request: message to edit not found"));
    }

    void deleteLifecycle()
    {
        const qint64 id = idOf(m_client->send(QStringLiteral("down")));
        const HttpResult d = m_client->del(id);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.json().value(QLatin1String("result")).toBool(), true);
        QVERIFY(m_sink->messages(kChat).isEmpty());
        const HttpResult again = m_client->del(id);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.description(), QStringLiteral("Bad Request: message to delete not found"));
    }

    void deleteOnlyWithin48Hours()
    {
        const qint64 young = idOf(m_client->send(QStringLiteral("young")));
        m_clock.advanceSecs(47 * 3600);
        QCOMPARE(m_client->del(young).status, 200);

        const qint64 old = idOf(m_client->send(QStringLiteral("old")));
        m_clock.advanceSecs(49 * 3600);
        const HttpResult r = m_client->del(old);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.description(),
                 QStringLiteral("Bad Request: message can't be deleted for everyone"));
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(m_client->edit(old, QStringLiteral("resolved")).status,
                 200); // editing has no limit

        const qint64 seeded = m_sink->seedMessage(kChat, QStringLiteral("from a previous run"),
                                                  m_clock.nowSecs() - 3 * 86'400);
        QCOMPARE(m_client->del(seeded).description(),
                 QStringLiteral("Bad Request: message can't be deleted for everyone"));
    }

    void deleteMessages()
    {
        for (int i = 0; i < 3; ++i)
            m_client->send(QStringLiteral("m%1").arg(i));
        const HttpResult r =
            m_client->call(QStringLiteral("deleteMessages"),
                           {{QStringLiteral("chat_id"), kChat},
                            {QStringLiteral("message_ids"), QJsonArray{1, 2, 99}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("result")).toBool(), true);
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(m_sink->messages(kChat).first().id, 3);
        const HttpResult form = m_client->call(
            QStringLiteral("deleteMessages"),
            {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("message_ids"), QJsonArray{3}}},
            BotClient::Encoding::Form);
        QCOMPARE(form.status, 200);
        QVERIFY(m_sink->messages(kChat).isEmpty());
        QJsonArray many;
        for (int i = 1; i <= 101; ++i)
            many.append(i);
        QCOMPARE(
            m_client
                ->call(QStringLiteral("deleteMessages"),
                       {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("message_ids"), many}})
                .status,
            400);
    }

    void tooManyRequests()
    {
        m_sink->setRetryAfterSecs(5);
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 2);
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = m_client->send(QStringLiteral("x"));
            QCOMPARE(r.status, 429);
            QCOMPARE(r.errorCode(), 429);
            QCOMPARE(r.description(), QStringLiteral("Too Many Requests: retry after 5"));
            QCOMPARE(r.json()[QLatin1String("parameters")][QLatin1String("retry_after")].toInt(),
                     5);
            QCOMPARE(r.header("Retry-After"), QByteArray("5"));
        }
        QVERIFY(m_sink->messages(kChat).isEmpty());
        QCOMPARE(m_client->send(QStringLiteral("x")).status,
                 200); // the two calls used the fault up
    }

    void injectedErrors_data()
    {
        QTest::addColumn<TelegramSink::Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("description");
        QTest::newRow("kicked") << TelegramSink::Fault::BotKicked << 403
                                << "Forbidden: bot was kicked from the channel chat";
        QTest::newRow("migrated") << TelegramSink::Fault::ChatMigrated << 400
                                  << "Bad Request: group chat was upgraded to a supergroup chat";
        QTest::newRow("500") << TelegramSink::Fault::Http500 << 500 << "Internal Server Error";
    }

    void injectedErrors()
    {
        QFETCH(TelegramSink::Fault, fault);
        QFETCH(int, status);
        QFETCH(QString, description);
        m_sink->setMigrateToChatId(-1009876543210);
        m_sink->injectFault(fault);
        for (int i = 0; i < 2; ++i) { // until cleared
            const HttpResult r = m_client->send(QStringLiteral("x"));
            QCOMPARE(r.status, status);
            QCOMPARE(r.errorCode(), status);
            QCOMPARE(r.description(), description);
        }
        if (fault == TelegramSink::Fault::ChatMigrated)
            QCOMPARE(m_client->send(QStringLiteral("x"))
                         .json()[QLatin1String("parameters")][QLatin1String("migrate_to_chat_id")]
                         .toInteger(),
                     -1009876543210);
        m_sink->clearFaults();
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
    }

    void deleteFaultsOnlyHitDeletes_data()
    {
        QTest::addColumn<TelegramSink::Fault>("fault");
        QTest::addColumn<QString>("description");
        QTest::newRow("not found")
            << TelegramSink::Fault::DeleteNotFound << "Bad Request: message to delete not found";
        QTest::newRow("too old") << TelegramSink::Fault::DeleteTooOld
                                 << "Bad Request: message can't be deleted for everyone";
    }

    void deleteFaultsOnlyHitDeletes()
    {
        QFETCH(TelegramSink::Fault, fault);
        QFETCH(QString, description);
        m_sink->injectFault(fault, 1);
        const qint64 id = idOf(m_client->send(QStringLiteral("x")));
        QCOMPARE(m_client->edit(id, QStringLiteral("y")).status, 200);
        const HttpResult r = m_client->del(id);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.description(), description);
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(m_client->del(id).status, 200);
    }

    void oversizedAnswerIsStreamedToTheByte_data()
    {
        QTest::addColumn<TelegramSink::Framing>("framing");
        QTest::newRow("Content-Length") << TelegramSink::Framing::ContentLength;
        QTest::newRow("close-delimited") << TelegramSink::Framing::Close;
    }

    // A Bot API-looking answer of exactly the size asked for (a client under test must not read
    // it whole; tst_telegramclient.cpp), and nothing is posted.
    void oversizedAnswerIsStreamedToTheByte()
    {
        QFETCH(TelegramSink::Framing, framing);
        m_sink->setOversizedAnswer(3 * 1024 * 1024 + 7, framing, 200);
        m_sink->injectFault(TelegramSink::Fault::OversizedAnswer, 1);
        const HttpResult big = m_client->send(QStringLiteral("x"));
        QCOMPARE(big.status, 200);
        QCOMPARE(big.body.size(), 3 * 1024 * 1024 + 7);
        QCOMPARE(big.header("Content-Length").isEmpty(), framing == TelegramSink::Framing::Close);
        QVERIFY(big.ok());
        QCOMPARE(big.messageId(), 1);
        QCOMPARE(m_sink->oversizedBytesSent(), 3 * 1024 * 1024 + 7);
        QVERIFY(m_sink->messages(kChat).isEmpty());
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200); // the fault is used up
        QCOMPARE(m_sink->messages(kChat).size(), 1);
    }

    void faultForOneMethod()
    {
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, -1,
                            QStringLiteral("editMessageText"));
        const qint64 id = idOf(m_client->send(QStringLiteral("x")));
        QVERIFY(id > 0);
        QCOMPARE(m_client->edit(id, QStringLiteral("y")).status, 429);
        QCOMPARE(m_client->del(id).status, 200);
    }

    void badGateway()
    {
        m_sink->injectFault(TelegramSink::Fault::Http502, 1);
        const HttpResult r = m_client->send(QStringLiteral("x"));
        QCOMPARE(r.status, 502);
        QVERIFY(QJsonDocument::fromJson(r.body).isNull()); // an HTML page, not the envelope
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
    }

    void hangUntilCleared()
    {
        m_sink->injectFault(TelegramSink::Fault::Hang);
        QNetworkReply *reply = m_client->start(
            QStringLiteral("sendMessage"),
            {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("x")}});
        QTest::qWait(500);
        QVERIFY(!reply->isFinished());
        QCOMPARE(m_sink->calls().last().httpStatus, 0);
        // Clearing closes what hangs; the client sees the request end (QNAM may even resend
        // it on a fresh connection, which is then answered normally).
        m_sink->clearFaults();
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
    }

    void refusedUntilCleared()
    {
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
        m_sink->injectFault(TelegramSink::Fault::Refused);
        QCOMPARE(m_client->send(QStringLiteral("x")).error, QNetworkReply::ConnectionRefusedError);
        m_sink->clearFaults();
        QCOMPARE(m_client->send(QStringLiteral("x")).status, 200);
    }

    void callLogKeepsNoToken()
    {
        m_client->send(QStringLiteral("a"));
        m_client->call(
            QStringLiteral("SENDMESSAGE"),
            {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("b")}});
        m_client->call(QStringLiteral("getMe"), {}, BotClient::Encoding::Query,
                       QStringLiteral("bad"));
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2); // method names ignore case
        QCOMPARE(m_sink->totalCalls(), 3);
        const auto calls = m_sink->calls();
        QCOMPARE(calls[0].params.value(QLatin1String("text")).toString(), QStringLiteral("a"));
        QCOMPARE(calls[0].chat, kChat);
        QCOMPARE(calls[2].httpStatus, 401);
        for (const auto &c : calls) {
            const QByteArray all = QJsonDocument(c.params).toJson() + c.method.toUtf8() +
                                   c.chat.toUtf8() + c.description.toUtf8();
            QVERIFY(!all.contains("AAE-secret-token"));
        }
    }

    void pacingIsRecordedAndCanBeEnforced()
    {
        m_client->send(QStringLiteral("1"));
        m_client->send(QStringLiteral("2"));
        QCOMPARE(m_sink->sendTimesMs(kChat).size(), 2);
        QVERIFY(m_sink->minSendIntervalMs(kChat) < 1000);
        QCOMPARE(m_sink->pacingViolations(), 1);

        m_sink->setEnforcePacing(true);
        const HttpResult fast = m_client->send(QStringLiteral("3"));
        QCOMPARE(fast.status, 429);
        QCOMPARE(fast.header("Retry-After"), QByteArray("1"));
        QTest::qWait(1050);
        QCOMPARE(m_client->send(QStringLiteral("4")).status, 200);
        QCOMPARE(m_sink->sendTimesMs(kChat).size(), 3); // rejected sends are not counted
        QCOMPARE(m_sink->pacingViolations(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTelegramSink)
#include "tst_telegramsink.moc"
