// The Telegram sink: the Bot API envelope, error descriptions and status codes, parameters in
// every encoding, the message lifecycle (send, edit, delete, not modified, not found, 48 h),
// HTML checking, the 4096 limit, injected faults, the call log and pacing records.
#include "clock.h"
#include "telegramsink.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtTest>

using namespace rw;
using rw::sim::TelegramSink;

Q_DECLARE_METATYPE(rw::sim::TelegramSink::Fault)

namespace {

const QString kToken = QStringLiteral("123456:AAE-secret-token");
const QString kChat = QStringLiteral("-1001234567890");
const QString kNotModified = QStringLiteral(
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message");

enum class Encoding { Json, Form, Query };

struct Result
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray date;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool ok() const { return json().value(QLatin1String("ok")).toBool(); }
    QJsonObject result() const { return json().value(QLatin1String("result")).toObject(); }
    QString description() const { return json().value(QLatin1String("description")).toString(); }
    int errorCode() const { return json().value(QLatin1String("error_code")).toInt(); }
};

QString formValue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toInteger());
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QByteArray formEncode(const QJsonObject &params)
{
    QByteArray out;
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(formValue(it.value()));
    }
    return out;
}

} // namespace

class TestTelegramSink : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<TelegramSink> m_sink;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    QUrl methodUrl(const QString &method, const QString &token = kToken) const
    {
        QUrl u = m_sink->baseUrl();
        u.setPath(QStringLiteral("/bot") + token + QLatin1Char('/') + method);
        return u;
    }

    Result wait(QNetworkReply *reply, int timeoutMs = 5000)
    {
        Result r;
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(timeoutMs);
        }
        r.finished = reply->isFinished();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        r.retryAfter = reply->rawHeader("Retry-After");
        r.date = reply->rawHeader("Date");
        if (!r.finished)
            reply->abort();
        reply->deleteLater();
        return r;
    }

    QNetworkReply *start(const QString &method, const QJsonObject &params,
                         Encoding encoding = Encoding::Json, const QString &token = kToken)
    {
        QUrl u = methodUrl(method, token);
        QNetworkRequest req(u);
        switch (encoding) {
        case Encoding::Json:
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            return m_nam->post(req, QJsonDocument(params).toJson(QJsonDocument::Compact));
        case Encoding::Form:
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-www-form-urlencoded"));
            return m_nam->post(req, formEncode(params));
        case Encoding::Query:
            u.setQuery(QString::fromUtf8(formEncode(params)));
            req.setUrl(u);
            return m_nam->get(req);
        }
        return nullptr;
    }

    Result call(const QString &method, const QJsonObject &params,
                Encoding encoding = Encoding::Json, const QString &token = kToken)
    {
        return wait(start(method, params, encoding, token));
    }

    Result send(const QString &text, const QString &parseMode = QString(),
                const QString &chat = kChat)
    {
        QJsonObject p{{QStringLiteral("chat_id"), chat}, {QStringLiteral("text"), text}};
        if (!parseMode.isEmpty())
            p.insert(QStringLiteral("parse_mode"), parseMode);
        return call(QStringLiteral("sendMessage"), p);
    }

    Result edit(qint64 id, const QString &text, const QString &parseMode = QString())
    {
        QJsonObject p{{QStringLiteral("chat_id"), kChat},
                      {QStringLiteral("message_id"), id},
                      {QStringLiteral("text"), text}};
        if (!parseMode.isEmpty())
            p.insert(QStringLiteral("parse_mode"), parseMode);
        return call(QStringLiteral("editMessageText"), p);
    }

    Result del(qint64 id)
    {
        return call(QStringLiteral("deleteMessage"),
                    {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("message_id"), id}});
    }

    static qint64 idOf(const Result &r) { return r.result().value(QLatin1String("message_id")).toInteger(); }

private slots:
    void init()
    {
        m_clock.setMs(1'767'225'600'000);
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        QVERIFY(m_sink->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
    }

    void cleanup()
    {
        m_nam.reset();
        m_sink.reset();
    }

    void getMe()
    {
        const Result r = call(QStringLiteral("getMe"), {}, Encoding::Query);
        QCOMPARE(r.status, 200);
        QVERIFY(r.ok());
        QCOMPARE(r.result().value(QLatin1String("id")).toInteger(), 123456);
        QCOMPARE(r.result().value(QLatin1String("is_bot")).toBool(), true);
        QVERIFY(!r.result().value(QLatin1String("username")).toString().isEmpty());
        QCOMPARE(r.date, QByteArray("Thu, 01 Jan 2026 00:00:00 GMT"));
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
        const Result r = call(method, {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("x")}},
                              Encoding::Json, QStringLiteral("123456:wrong"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("ok"), false},
                                        {QStringLiteral("error_code"), 401},
                                        {QStringLiteral("description"), QStringLiteral("Unauthorized")}}));
        QVERIFY(m_sink->messages(kChat).isEmpty());
    }

    void unknownMethodIsNotFound()
    {
        const Result r = call(QStringLiteral("sendPhotoz"), {});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), 404);
        QCOMPARE(r.description(), QStringLiteral("Not Found"));
    }

    void sendMessageInEveryEncoding_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("json") << Encoding::Json;
        QTest::newRow("form") << Encoding::Form;
        QTest::newRow("query") << Encoding::Query;
    }

    void sendMessageInEveryEncoding()
    {
        QFETCH(Encoding, encoding);
        const QJsonObject loud{{QStringLiteral("chat_id"), kChat},
                               {QStringLiteral("text"), QStringLiteral("rig-01 & rig-02 down")}};
        QJsonObject quiet{{QStringLiteral("chat_id"), kChat.toLongLong()},
                          {QStringLiteral("text"), QStringLiteral("<b>resolved</b> ✓")},
                          {QStringLiteral("parse_mode"), QStringLiteral("HTML")},
                          {QStringLiteral("disable_notification"), true},
                          {QStringLiteral("link_preview_options"),
                           QJsonObject{{QStringLiteral("is_disabled"), true}}}};
        const Result a = call(QStringLiteral("sendMessage"), loud, encoding);
        const Result b = call(QStringLiteral("sendMessage"), quiet, encoding);
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
        QCOMPARE(m.value(QLatin1String("entities")).toArray().first()[QLatin1String("type")].toString(),
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
        for (const auto &[name, value] : {std::pair{"chat_id", kChat}, std::pair{"text", QStringLiteral("hello")}}) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(QLatin1String(name)));
            part.setBody(value.toUtf8());
            multi->append(part);
        }
        QNetworkReply *reply = m_nam->post(QNetworkRequest(methodUrl(QStringLiteral("sendMessage"))), multi);
        multi->setParent(reply);
        const Result r = wait(reply);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_sink->messages(kChat).first().text, QStringLiteral("hello"));
    }

    void idsArePerChat()
    {
        QCOMPARE(idOf(send(QStringLiteral("a"))), 1);
        QCOMPARE(idOf(send(QStringLiteral("b"))), 2);
        QCOMPARE(idOf(send(QStringLiteral("c"), {}, QStringLiteral("@OpsChannel"))), 1);
        QCOMPARE(m_sink->messages(QStringLiteral("@opschannel")).size(), 1);
        QCOMPARE(m_sink->chats().size(), 2);
    }

    void chatChecks()
    {
        const Result missing = call(QStringLiteral("sendMessage"), {{QStringLiteral("text"), QStringLiteral("x")}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.description(), QStringLiteral("Bad Request: chat_id is empty"));
        m_sink->setKnownChats({kChat});
        const Result other = send(QStringLiteral("x"), {}, QStringLiteral("-100999"));
        QCOMPARE(other.status, 400);
        QCOMPARE(other.errorCode(), 400);
        QCOMPARE(other.description(), QStringLiteral("Bad Request: chat not found"));
        QCOMPARE(send(QStringLiteral("x")).status, 200);
    }

    void editLifecycle()
    {
        const qint64 id = idOf(send(QStringLiteral("2 rigs down")));
        m_clock.advanceSecs(30);
        const Result e = edit(id, QStringLiteral("1 rig down"));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.result().value(QLatin1String("text")).toString(), QStringLiteral("1 rig down"));
        QCOMPARE(e.result().value(QLatin1String("edit_date")).toInteger(), m_clock.nowSecs());
        QCOMPARE(m_sink->messages(kChat).first().text, QStringLiteral("1 rig down"));
        QCOMPARE(m_sink->messages(kChat).first().edits, 1);

        const Result same = edit(id, QStringLiteral("1 rig down"));
        QCOMPARE(same.status, 400);
        QCOMPARE(same.description(), kNotModified);
        // Same visible content through different markup is still "not modified".
        QCOMPARE(edit(id, QStringLiteral("1 rig down"), QStringLiteral("HTML")).description(), kNotModified);
        QCOMPARE(edit(id, QStringLiteral("<b>1</b> rig down"), QStringLiteral("HTML")).status, 200);

        const Result unknown = edit(id + 40, QStringLiteral("x"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.description(), QStringLiteral("Bad Request: message to edit not found"));
    }

    void deleteLifecycle()
    {
        const qint64 id = idOf(send(QStringLiteral("down")));
        const Result d = del(id);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.json().value(QLatin1String("result")).toBool(), true);
        QVERIFY(m_sink->messages(kChat).isEmpty());
        const Result again = del(id);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.description(), QStringLiteral("Bad Request: message to delete not found"));
    }

    void deleteOnlyWithin48Hours()
    {
        const qint64 young = idOf(send(QStringLiteral("young")));
        m_clock.advanceSecs(47 * 3600);
        QCOMPARE(del(young).status, 200);

        const qint64 old = idOf(send(QStringLiteral("old")));
        m_clock.advanceSecs(49 * 3600);
        const Result r = del(old);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.description(), QStringLiteral("Bad Request: message can't be deleted for everyone"));
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(edit(old, QStringLiteral("resolved")).status, 200); // editing has no limit

        const qint64 seeded = m_sink->seedMessage(kChat, QStringLiteral("from a previous run"),
                                                  m_clock.nowSecs() - 3 * 86'400);
        QCOMPARE(del(seeded).description(), QStringLiteral("Bad Request: message can't be deleted for everyone"));
    }

    void deleteMessages()
    {
        for (int i = 0; i < 3; ++i)
            send(QStringLiteral("m%1").arg(i));
        const Result r = call(QStringLiteral("deleteMessages"),
                              {{QStringLiteral("chat_id"), kChat},
                               {QStringLiteral("message_ids"), QJsonArray{1, 2, 99}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("result")).toBool(), true);
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(m_sink->messages(kChat).first().id, 3);
        const Result form = call(QStringLiteral("deleteMessages"),
                                 {{QStringLiteral("chat_id"), kChat},
                                  {QStringLiteral("message_ids"), QJsonArray{3}}}, Encoding::Form);
        QCOMPARE(form.status, 200);
        QVERIFY(m_sink->messages(kChat).isEmpty());
        QJsonArray many;
        for (int i = 1; i <= 101; ++i)
            many.append(i);
        QCOMPARE(call(QStringLiteral("deleteMessages"),
                      {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("message_ids"), many}}).status,
                 400);
    }

    void html_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("plain");  // expected text, empty = rejected
        QTest::addColumn<QString>("problem"); // substring of the error
        QTest::newRow("escaped tag") << "&lt;b&gt; is escaped" << "<b> is escaped" << "";
        QTest::newRow("escaped amp") << "Tom &amp; Jerry &quot;ok&quot;" << "Tom & Jerry \"ok\"" << "";
        QTest::newRow("numeric") << "&#9888; &#x26A0;" << "⚠ ⚠" << "";
        QTest::newRow("bare gt") << "a > b" << "a > b" << "";
        QTest::newRow("all tags") << "<b>b</b><i>i</i><u>u</u><s>s</s><code>c</code>"
                                     "<pre>p</pre><a href=\"https://x.io/?a=1&amp;b=2\">a</a>"
                                     "<blockquote>q</blockquote><tg-spoiler>t</tg-spoiler>"
                                  << "biuscpaqt" << "";
        QTest::newRow("raw tag") << "<x>rig</x>" << "" << "Unsupported start tag \"x\"";
        QTest::newRow("br") << "line<br>next" << "" << "Unsupported start tag \"br\"";
        QTest::newRow("span") << "<span>x</span>" << "" << "Unsupported start tag \"span\"";
        QTest::newRow("bare lt") << "hashrate < 100 TH/s" << "" << "Unsupported start tag";
        QTest::newRow("bare amp") << "Tom & Jerry" << "" << "byte offset 4";
        QTest::newRow("unknown entity") << "&nbsp;" << "" << "&";
        QTest::newRow("unclosed") << "<b>down" << "" << "Can't find end tag corresponding to start tag \"b\"";
        QTest::newRow("crossed") << "<b><i>x</b></i>" << "" << "Unmatched end tag";
        QTest::newRow("stray end") << "x</b>" << "" << "Unexpected end tag";
        QTest::newRow("open bracket at end") << "x <" << "" << "Unclosed start tag";
    }

    void html()
    {
        QFETCH(QString, text);
        QFETCH(QString, plain);
        QFETCH(QString, problem);
        const Result r = send(text, QStringLiteral("HTML"));
        if (plain.isEmpty()) {
            QCOMPARE(r.status, 400);
            QVERIFY2(r.description().startsWith(QLatin1String("Bad Request: can't parse entities: ")),
                     qPrintable(r.description()));
            QVERIFY2(r.description().contains(problem), qPrintable(r.description()));
            QVERIFY(m_sink->messages(kChat).isEmpty());
        } else {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.result().value(QLatin1String("text")).toString(), plain);
        }
    }

    void htmlEntitiesUseUtf16Offsets()
    {
        const Result r = send(QStringLiteral("😀 <b>rig-07</b> <a href=\"https://f2pool.com\">pool</a>"),
                              QStringLiteral("HTML"));
        QCOMPARE(r.status, 200);
        const QJsonArray e = r.result().value(QLatin1String("entities")).toArray();
        QCOMPARE(e.size(), 2);
        QCOMPARE(e[0][QLatin1String("type")].toString(), QStringLiteral("bold"));
        QCOMPARE(e[0][QLatin1String("offset")].toInt(), 3); // the emoji is two UTF-16 units
        QCOMPARE(e[0][QLatin1String("length")].toInt(), 6);
        QCOMPARE(e[1][QLatin1String("type")].toString(), QStringLiteral("text_link"));
        QCOMPARE(e[1][QLatin1String("url")].toString(), QStringLiteral("https://f2pool.com"));
    }

    void textLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parseMode");
        QTest::addColumn<QString>("error"); // empty = accepted
        const QString tooLong = QStringLiteral("Bad Request: message is too long");
        const QString a4096(4096, QLatin1Char('a'));
        QTest::newRow("4096 plain") << a4096 << "" << "";
        QTest::newRow("4097 plain") << a4096 + QLatin1Char('a') << "" << tooLong;
        QTest::newRow("4096 inside tags") << QStringLiteral("<b>") + a4096 + QStringLiteral("</b>") << "HTML" << "";
        QTest::newRow("4096 entities") << QStringLiteral("&lt;").repeated(4096) << "HTML" << "";
        QTest::newRow("4097 entities") << QStringLiteral("&lt;").repeated(4097) << "HTML" << tooLong;
        QTest::newRow("2048 emoji") << QStringLiteral("😀").repeated(2048) << "" << "";
        QTest::newRow("2049 emoji") << QStringLiteral("😀").repeated(2049) << "" << tooLong;
        QTest::newRow("empty") << "" << "" << "Bad Request: message text is empty";
        QTest::newRow("empty after parsing") << "<b></b>" << "HTML" << "Bad Request: message text is empty";
    }

    void textLength()
    {
        QFETCH(QString, text);
        QFETCH(QString, parseMode);
        QFETCH(QString, error);
        const Result r = send(text, parseMode);
        if (error.isEmpty()) {
            QCOMPARE(r.status, 200);
        } else {
            QCOMPARE(r.status, 400);
            QCOMPARE(r.description(), error);
        }
    }

    void tooManyRequests()
    {
        m_sink->setRetryAfterSecs(5);
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, 2);
        for (int i = 0; i < 2; ++i) {
            const Result r = send(QStringLiteral("x"));
            QCOMPARE(r.status, 429);
            QCOMPARE(r.errorCode(), 429);
            QCOMPARE(r.description(), QStringLiteral("Too Many Requests: retry after 5"));
            QCOMPARE(r.json()[QLatin1String("parameters")][QLatin1String("retry_after")].toInt(), 5);
            QCOMPARE(r.retryAfter, QByteArray("5"));
        }
        QVERIFY(m_sink->messages(kChat).isEmpty());
        QCOMPARE(send(QStringLiteral("x")).status, 200); // the two calls used the fault up
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
            const Result r = send(QStringLiteral("x"));
            QCOMPARE(r.status, status);
            QCOMPARE(r.errorCode(), status);
            QCOMPARE(r.description(), description);
        }
        if (fault == TelegramSink::Fault::ChatMigrated)
            QCOMPARE(send(QStringLiteral("x")).json()[QLatin1String("parameters")][QLatin1String("migrate_to_chat_id")].toInteger(),
                     -1009876543210);
        m_sink->clearFaults();
        QCOMPARE(send(QStringLiteral("x")).status, 200);
    }

    void deleteFaultsOnlyHitDeletes_data()
    {
        QTest::addColumn<TelegramSink::Fault>("fault");
        QTest::addColumn<QString>("description");
        QTest::newRow("not found") << TelegramSink::Fault::DeleteNotFound
                                   << "Bad Request: message to delete not found";
        QTest::newRow("too old") << TelegramSink::Fault::DeleteTooOld
                                 << "Bad Request: message can't be deleted for everyone";
    }

    void deleteFaultsOnlyHitDeletes()
    {
        QFETCH(TelegramSink::Fault, fault);
        QFETCH(QString, description);
        m_sink->injectFault(fault, 1);
        const qint64 id = idOf(send(QStringLiteral("x")));
        QCOMPARE(edit(id, QStringLiteral("y")).status, 200);
        const Result r = del(id);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.description(), description);
        QCOMPARE(m_sink->messages(kChat).size(), 1);
        QCOMPARE(del(id).status, 200);
    }

    void faultForOneMethod()
    {
        m_sink->injectFault(TelegramSink::Fault::TooManyRequests, -1, QStringLiteral("editMessageText"));
        const qint64 id = idOf(send(QStringLiteral("x")));
        QVERIFY(id > 0);
        QCOMPARE(edit(id, QStringLiteral("y")).status, 429);
        QCOMPARE(del(id).status, 200);
    }

    void badGateway()
    {
        m_sink->injectFault(TelegramSink::Fault::Http502, 1);
        const Result r = send(QStringLiteral("x"));
        QCOMPARE(r.status, 502);
        QVERIFY(QJsonDocument::fromJson(r.body).isNull()); // an HTML page, not the envelope
        QCOMPARE(send(QStringLiteral("x")).status, 200);
    }

    void hangUntilCleared()
    {
        m_sink->injectFault(TelegramSink::Fault::Hang);
        QNetworkReply *reply = start(QStringLiteral("sendMessage"),
                                     {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("x")}});
        QTest::qWait(500);
        QVERIFY(!reply->isFinished());
        QCOMPARE(m_sink->calls().last().httpStatus, 0);
        // Clearing closes what hangs; the client sees the request end (QNAM may even resend
        // it on a fresh connection, which is then answered normally).
        m_sink->clearFaults();
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        QCOMPARE(send(QStringLiteral("x")).status, 200);
    }

    void refusedUntilCleared()
    {
        QCOMPARE(send(QStringLiteral("x")).status, 200);
        m_sink->injectFault(TelegramSink::Fault::Refused);
        QCOMPARE(send(QStringLiteral("x")).error, QNetworkReply::ConnectionRefusedError);
        m_sink->clearFaults();
        QCOMPARE(send(QStringLiteral("x")).status, 200);
    }

    void callLogKeepsNoToken()
    {
        send(QStringLiteral("a"));
        call(QStringLiteral("SENDMESSAGE"), {{QStringLiteral("chat_id"), kChat}, {QStringLiteral("text"), QStringLiteral("b")}});
        call(QStringLiteral("getMe"), {}, Encoding::Query, QStringLiteral("bad"));
        QCOMPARE(m_sink->callCount(QStringLiteral("sendMessage")), 2); // method names ignore case
        QCOMPARE(m_sink->totalCalls(), 3);
        const auto calls = m_sink->calls();
        QCOMPARE(calls[0].params.value(QLatin1String("text")).toString(), QStringLiteral("a"));
        QCOMPARE(calls[0].chat, kChat);
        QCOMPARE(calls[2].httpStatus, 401);
        for (const auto &c : calls) {
            const QByteArray all = QJsonDocument(c.params).toJson() + c.method.toUtf8()
                    + c.chat.toUtf8() + c.description.toUtf8();
            QVERIFY(!all.contains("AAE-secret-token"));
        }
    }

    void pacingIsRecordedAndCanBeEnforced()
    {
        send(QStringLiteral("1"));
        send(QStringLiteral("2"));
        QCOMPARE(m_sink->sendTimesMs(kChat).size(), 2);
        QVERIFY(m_sink->minSendIntervalMs(kChat) < 1000);
        QCOMPARE(m_sink->pacingViolations(), 1);

        m_sink->setEnforcePacing(true);
        const Result fast = send(QStringLiteral("3"));
        QCOMPARE(fast.status, 429);
        QCOMPARE(fast.retryAfter, QByteArray("1"));
        QTest::qWait(1050);
        QCOMPARE(send(QStringLiteral("4")).status, 200);
        QCOMPARE(m_sink->sendTimesMs(kChat).size(), 3); // rejected sends are not counted
        QCOMPARE(m_sink->pacingViolations(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTelegramSink)
#include "tst_telegramsink.moc"
