// TelegramClient: every answer sorted into the right kind (pure table), then the real calls
// against the simulated Bot API: hard deadline, faults, and a token that never leaks.
#include "clock.h"
#include "httpserver.h"
#include "notify/telegramclient.h"
#include "telegramsink.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

using namespace rw;
using rw::sim::TelegramSink;

Q_DECLARE_METATYPE(rw::TelegramResult::Kind)

namespace {

const QString kToken = QStringLiteral("123456:SECRET-bot-token-xyz");
const QString kChat = QStringLiteral("-1001234567890");

QStringList g_log;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    g_log << QString::fromUtf8(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg;
    if (g_previous && type != QtDebugMsg)
        g_previous(type, ctx, msg);
}

// The process's peak resident memory in KiB (VmHWM), or -1 where /proc does not say.
qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

QByteArray err(int code, const char *description, const char *params = nullptr)
{
    QByteArray b = "{\"ok\":false,\"error_code\":" + QByteArray::number(code) +
                   ",\"description\":\"" + description + '"';
    if (params)
        b += QByteArray(",\"parameters\":") + params;
    return b + '}';
}

} // namespace

class TestTelegramClient : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<TelegramSink> m_sink;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    TelegramConfig config(const QString &token = kToken) const
    {
        TelegramConfig c;
        c.url = m_sink->baseUrl();
        c.token = token;
        c.chat = kChat;
        c.timeoutSecs = 1;
        return c;
    }

    // Runs one call and waits for its single result.
    template <typename Call>
    TelegramResult run(TelegramClient &client, Call call, int waitMs = 5000)
    {
        int calls = 0;
        TelegramResult out;
        call(client, [&](const TelegramResult &r) {
            ++calls;
            out = r;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(calls > 0, waitMs); }();
        QTest::qWait(20);
        if (calls != 1)
            qWarning() << "callback ran" << calls << "times";
        return out;
    }

private slots:
    void initTestCase()
    {
        g_previous = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("rigwatch.notify.debug=true"));
    }
    void init()
    {
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        QVERIFY(m_sink->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_nam.reset();
        m_sink.reset();
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QStringLiteral("SECRET-bot-token")), qPrintable(line));
        g_log.clear();
    }

    void classify_data();
    void classify();
    void sendEditDelete();
    void badToken();
    void chatNotFound();
    void faults_data();
    void faults();
    void hangFailsWithinDeadline();
    void drippingServerFailsWithinDeadline();
    void refusedConnection();
    void abortAllIsSilent();
    void retryAfterForms_data();
    void retryAfterForms();
    void unreadableAnswerToSendMayHaveBeenDelivered_data();
    void unreadableAnswerToSendMayHaveBeenDelivered();
    void oversizedAnswerIsCutOffWhileItStreams_data();
    void oversizedAnswerIsCutOffWhileItStreams();
    void endlessChunkedAnswerIsCutOff();
    void endlessHeaderEndsWithinTheTimeout();
};

void TestTelegramClient::classify_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryHeader");
    QTest::addColumn<TelegramResult::Kind>("kind");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("migrateTo");

    using R = TelegramResult;
    const QString send = QStringLiteral("sendMessage"), edit = QStringLiteral("editMessageText"),
                  del = QStringLiteral("deleteMessage");
    QTest::newRow("ok") << send << 200 << QByteArray(R"({"ok":true,"result":{"message_id":5}})")
                        << QByteArray() << R::Ok << 0 << QString();
    QTest::newRow("not modified") << edit << 400
                                  << err(400,
                                         "Bad Request: message is not modified: specified new "
                                         "message content and reply markup are exactly the same")
                                  << QByteArray() << R::NotModified << 0 << QString();
    QTest::newRow("delete not found")
        << del << 400 << err(400, "Bad Request: message to delete not found") << QByteArray()
        << R::NotFound << 0 << QString();
    QTest::newRow("edit not found")
        << edit << 400 << err(400, "Bad Request: message to edit not found") << QByteArray()
        << R::NotFound << 0 << QString();
    QTest::newRow("48 h") << del << 400
                          << err(400, "Bad Request: message can't be deleted for everyone")
                          << QByteArray() << R::CantDelete << 0 << QString();
    QTest::newRow("cant delete") << del << 400 << err(400, "Bad Request: message can't be deleted")
                                 << QByteArray() << R::CantDelete << 0 << QString();
    QTest::newRow("admin rights delete")
        << del << 400 << err(400, "Bad Request: need administrator rights in the channel chat")
        << QByteArray() << R::CantDelete << 0 << QString();
    QTest::newRow("admin rights send")
        << send << 400 << err(400, "Bad Request: need administrator rights in the channel chat")
        << QByteArray() << R::Forbidden << 0 << QString();
    QTest::newRow("cant edit") << edit << 400 << err(400, "Bad Request: message can't be edited")
                               << QByteArray() << R::CantEdit << 0 << QString();
    QTest::newRow("chat not found") << send << 400 << err(400, "Bad Request: chat not found")
                                    << QByteArray() << R::ChatNotFound << 0 << QString();
    QTest::newRow("too long") << send << 400 << err(400, "Bad Request: message is too long")
                              << QByteArray() << R::TooLong << 0 << QString();
    QTest::newRow("bad html") << send << 400
                              << err(400, "Bad Request: can't parse entities: Unsupported start "
                                          "tag \\\"br\\\" at byte offset 3")
                              << QByteArray() << R::BadHtml << 0 << QString();
    QTest::newRow("401") << QStringLiteral("getMe") << 401 << err(401, "Unauthorized")
                         << QByteArray() << R::Unauthorized << 0 << QString();
    QTest::newRow("404 malformed token") << QStringLiteral("getMe") << 404 << err(404, "Not Found")
                                         << QByteArray() << R::Unauthorized << 0 << QString();
    QTest::newRow("kicked") << send << 403
                            << err(403, "Forbidden: bot was kicked from the channel chat")
                            << QByteArray() << R::Forbidden << 0 << QString();
    QTest::newRow("not a member") << send << 403
                                  << err(403, "Forbidden: bot is not a member of the channel chat")
                                  << QByteArray() << R::Forbidden << 0 << QString();
    QTest::newRow("429 body") << send << 429
                              << err(429, "Too Many Requests: retry after 17",
                                     "{\"retry_after\":17}")
                              << QByteArray("17") << R::TooManyRequests << 17 << QString();
    QTest::newRow("429 header only") << send << 429 << QByteArray("Too Many Requests")
                                     << QByteArray("9") << R::TooManyRequests << 9 << QString();
    QTest::newRow("migrated") << send << 400
                              << err(400,
                                     "Bad Request: group chat was upgraded to a supergroup chat",
                                     "{\"migrate_to_chat_id\":-1001999999999}")
                              << QByteArray() << R::Migrated << 0
                              << QStringLiteral("-1001999999999");
    QTest::newRow("500 json") << send << 500 << err(500, "Internal Server Error") << QByteArray()
                              << R::Transient << 0 << QString();
    QTest::newRow("502 html") << send << 502
                              << QByteArray("<html><body>502 Bad Gateway</body></html>")
                              << QByteArray() << R::Transient << 0 << QString();
    QTest::newRow("200 garbage") << send << 200 << QByteArray("{\"ok\":tru") << QByteArray()
                                 << R::Transient << 0 << QString();
    QTest::newRow("other 400") << send << 400 << err(400, "Bad Request: message text is empty")
                               << QByteArray() << R::OtherClientError << 0 << QString();
}

void TestTelegramClient::classify()
{
    QFETCH(QString, method);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryHeader);
    QFETCH(TelegramResult::Kind, kind);
    QFETCH(int, retryAfter);
    QFETCH(QString, migrateTo);
    const TelegramResult r = classifyTelegramReply(method, status, body, retryHeader);
    QCOMPARE(TelegramResult::kindName(r.kind), TelegramResult::kindName(kind));
    QCOMPARE(r.isSuccess(), kind == TelegramResult::Ok || kind == TelegramResult::NotModified);
    QCOMPARE(r.retryAfterSecs, retryAfter);
    QCOMPARE(r.migrateToChatId, migrateTo);
    QVERIFY(!r.explanation().isEmpty());
}

void TestTelegramClient::sendEditDelete()
{
    TelegramClient c(config(), m_nam.get());
    const TelegramResult me = run(c, [](TelegramClient &cl, auto done) { cl.getMe(done); });
    QVERIFY(me.isSuccess());
    QCOMPARE(me.result.toObject().value(QStringLiteral("username")).toString(),
             QStringLiteral("rigwatch_sim_bot"));

    const TelegramResult sent = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("<b>rig</b> &amp; co"), true, done);
    });
    QCOMPARE(sent.kind, TelegramResult::Ok);
    QVERIFY(sent.messageId() > 0);
    QCOMPARE(m_sink->messages(kChat).size(), 1);
    QCOMPARE(m_sink->messages(kChat).first().plainText, QStringLiteral("rig & co"));
    QVERIFY(m_sink->messages(kChat).first().silent);
    const auto call = m_sink->calls().last();
    QCOMPARE(call.params.value(QStringLiteral("parse_mode")).toString(), QStringLiteral("HTML"));
    QVERIFY(call.params.value(QStringLiteral("chat_id")).isDouble()); // numeric chat ids as numbers

    const qint64 id = sent.messageId();
    const TelegramResult edited = run(c, [id](TelegramClient &cl, auto done) {
        cl.editMessageText(kChat, id, QStringLiteral("fixed"), done);
    });
    QCOMPARE(edited.kind, TelegramResult::Ok);
    QCOMPARE(m_sink->messages(kChat).first().plainText, QStringLiteral("fixed"));
    const TelegramResult same = run(c, [id](TelegramClient &cl, auto done) {
        cl.editMessageText(kChat, id, QStringLiteral("fixed"), done);
    });
    QCOMPARE(same.kind, TelegramResult::NotModified);
    QVERIFY(same.isSuccess());

    const TelegramResult deleted =
        run(c, [id](TelegramClient &cl, auto done) { cl.deleteMessage(kChat, id, done); });
    QCOMPARE(deleted.kind, TelegramResult::Ok);
    QVERIFY(m_sink->messages(kChat).isEmpty());
    const TelegramResult again =
        run(c, [id](TelegramClient &cl, auto done) { cl.deleteMessage(kChat, id, done); });
    QCOMPARE(again.kind, TelegramResult::NotFound);
    // Every request was logged with the token cut out of the URL; cleanup() checks every line.
    QCOMPARE(g_log.filter(QStringLiteral("/bot<redacted>/")).size(), 6);
}

void TestTelegramClient::badToken()
{
    TelegramClient c(config(QStringLiteral("999:WRONG-SECRET-bot-token")), m_nam.get());
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) { cl.getMe(done); });
    QCOMPARE(r.kind, TelegramResult::Unauthorized);
    QVERIFY(r.explanation().startsWith(QStringLiteral("Unauthorized")));
    QVERIFY(!r.explanation().contains(QStringLiteral("WRONG-SECRET")));
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(QStringLiteral("WRONG-SECRET")), qPrintable(line));
}

void TestTelegramClient::chatNotFound()
{
    m_sink->setKnownChats({QStringLiteral("@other")});
    TelegramClient c(config(), m_nam.get());
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QCOMPARE(r.kind, TelegramResult::ChatNotFound);
    QVERIFY(r.explanation().contains(QStringLiteral("Chat not found")));
}

void TestTelegramClient::faults_data()
{
    QTest::addColumn<TelegramSink::Fault>("fault");
    QTest::addColumn<TelegramResult::Kind>("kind");
    QTest::newRow("429") << TelegramSink::Fault::TooManyRequests << TelegramResult::TooManyRequests;
    QTest::newRow("kicked") << TelegramSink::Fault::BotKicked << TelegramResult::Forbidden;
    QTest::newRow("migrated") << TelegramSink::Fault::ChatMigrated << TelegramResult::Migrated;
    QTest::newRow("500") << TelegramSink::Fault::Http500 << TelegramResult::Transient;
    QTest::newRow("502") << TelegramSink::Fault::Http502 << TelegramResult::Transient;
}

void TestTelegramClient::faults()
{
    QFETCH(TelegramSink::Fault, fault);
    QFETCH(TelegramResult::Kind, kind);
    m_sink->setRetryAfterSecs(7);
    m_sink->injectFault(fault, 1);
    TelegramClient c(config(), m_nam.get());
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QCOMPARE(TelegramResult::kindName(r.kind), TelegramResult::kindName(kind));
    if (kind == TelegramResult::TooManyRequests)
        QCOMPARE(r.retryAfterSecs, 7);
    if (kind == TelegramResult::Migrated)
        QCOMPARE(r.migrateToChatId, QStringLiteral("-1001999999999"));
    QVERIFY(m_sink->messages(kChat).isEmpty());
}

void TestTelegramClient::hangFailsWithinDeadline()
{
    m_sink->injectFault(TelegramSink::Fault::Hang);
    TelegramClient c(config(), m_nam.get()); // timeout 1 s
    QElapsedTimer t;
    t.start();
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    const qint64 ms = t.elapsed();
    QCOMPARE(r.kind, TelegramResult::Transient);
    QVERIFY2(ms >= 900 && ms < 2000, qPrintable(QString::number(ms)));
    QVERIFY(r.description.contains(QStringLiteral("1 s")));
    QCOMPARE(c.inFlight(), 0);
}

void TestTelegramClient::drippingServerFailsWithinDeadline()
{
    // Headers at once, then a byte every 300 ms: never idle long enough for an inactivity
    // timeout, so only the hard deadline ends it.
    sim::HttpServer server;
    server.setHandler([](const sim::HttpRequest &, sim::HttpResponder &r) {
        r.drip(200, QByteArray(R"({"ok":true,"result":{"message_id":1}})"), {}, 300, true);
    });
    QVERIFY(server.listen());
    TelegramConfig cfg = config();
    cfg.url = server.baseUrl();
    TelegramClient c(cfg, m_nam.get());
    QElapsedTimer t;
    t.start();
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QCOMPARE(r.kind, TelegramResult::Transient);
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
}

void TestTelegramClient::refusedConnection()
{
    m_sink->injectFault(TelegramSink::Fault::Refused);
    TelegramClient c(config(), m_nam.get());
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) { cl.getMe(done); });
    QCOMPARE(r.kind, TelegramResult::Transient);
    QVERIFY(!r.description.isEmpty());
    QVERIFY(!r.description.contains(QStringLiteral("SECRET")));
}

void TestTelegramClient::abortAllIsSilent()
{
    m_sink->injectFault(TelegramSink::Fault::Hang);
    TelegramClient c(config(), m_nam.get());
    int calls = 0;
    c.sendMessage(kChat, QStringLiteral("x"), false, [&](const TelegramResult &) { ++calls; });
    QTRY_COMPARE(m_sink->totalCalls(), 1);
    c.abortAll();
    QCOMPARE(c.inFlight(), 0);
    QTest::qWait(1500); // past the deadline: the timer went with the request
    QCOMPARE(calls, 0);
}

void TestTelegramClient::retryAfterForms_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("secs");
    const QByteArray tooMany = "Too Many Requests";
    QTest::newRow("number") << err(429, "Too Many Requests", "{\"retry_after\":5}") << QByteArray()
                            << 5;
    QTest::newRow("numeric string")
        << err(429, "Too Many Requests", "{\"retry_after\":\"5\"}") << QByteArray() << 5;
    QTest::newRow("fraction rounds up")
        << err(429, "Too Many Requests", "{\"retry_after\":5.5}") << QByteArray() << 6;
    QTest::newRow("fraction string rounds up")
        << err(429, "Too Many Requests", "{\"retry_after\":\"0.2\"}") << QByteArray() << 1;
    QTest::newRow("header seconds") << tooMany << QByteArray(" 12 ") << 12;
    QTest::newRow("header fraction") << tooMany << QByteArray("2.5") << 3;
    // 2026-01-01T00:00:00Z is the "now" below: the header asks for 90 s.
    QTest::newRow("header HTTP-date")
        << tooMany << QByteArray("Thu, 01 Jan 2026 00:01:30 GMT") << 90;
    QTest::newRow("header HTTP-date with a Bot API body")
        << err(429, "Too Many Requests") << QByteArray("Thu, 01 Jan 2026 00:00:40 GMT") << 40;
    QTest::newRow("header HTTP-date in the past")
        << tooMany << QByteArray("Wed, 31 Dec 2025 23:00:00 GMT") << 1;
    QTest::newRow("body and header: the longer wins")
        << err(429, "Too Many Requests", "{\"retry_after\":\"3\"}")
        << QByteArray("Thu, 01 Jan 2026 00:00:20 GMT") << 20;
}

// retry_after comes as a number, a numeric string or (in the header) an HTTP-date; each is
// honoured, never read as 0.
void TestTelegramClient::retryAfterForms()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(int, secs);
    const TelegramResult r =
        classifyTelegramReply(QStringLiteral("sendMessage"), 429, body, header, 1'767'225'600);
    QCOMPARE(TelegramResult::kindName(r.kind),
             TelegramResult::kindName(TelegramResult::TooManyRequests));
    QCOMPARE(r.retryAfterSecs, secs);
}

void TestTelegramClient::unreadableAnswerToSendMayHaveBeenDelivered_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("maybeDelivered");
    const QString send = QStringLiteral("sendMessage");
    QTest::newRow("200 garbage") << send << 200 << QByteArray("{\"ok\":tru") << true;
    QTest::newRow("200 html") << send << 200 << QByteArray("<html>portal</html>") << true;
    QTest::newRow("504 html: forwarded, then given up on")
        << send << 504 << QByteArray("<html>504 Gateway Time-out</html>") << true;
    QTest::newRow("502 html: the proxy never reached Telegram")
        << send << 502 << QByteArray("<html>502</html>") << false;
    QTest::newRow("503 html") << send << 503 << QByteArray("<html>503</html>") << false;
    QTest::newRow("edit 200 garbage")
        << QStringLiteral("editMessageText") << 200 << QByteArray("garbage") << false;
    QTest::newRow("send 500 Bot API") << send << 500 << err(500, "Internal Server Error") << false;
    QTest::newRow("send 401 html") << send << 401 << QByteArray("<html>no</html>") << false;
}

// A server answered a sendMessage with something that is not a Bot API answer: the message may
// be in the chat, so the notifier must not treat it as certainly not sent.
void TestTelegramClient::unreadableAnswerToSendMayHaveBeenDelivered()
{
    QFETCH(QString, method);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, maybeDelivered);
    const TelegramResult r = classifyTelegramReply(method, status, body, QByteArray());
    QVERIFY(!r.isSuccess());
    QCOMPARE(r.maybeDelivered, maybeDelivered);
}

void TestTelegramClient::oversizedAnswerIsCutOffWhileItStreams_data()
{
    QTest::addColumn<TelegramSink::Framing>("framing");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("maybeDelivered");
    QTest::newRow("Content-Length announced")
        << TelegramSink::Framing::ContentLength << 200 << true;
    QTest::newRow("close-delimited") << TelegramSink::Framing::Close << 200 << true;
    QTest::newRow("502 page without a length") << TelegramSink::Framing::Close << 502 << false;
}

// A 1 GiB answer (an API proxy gone wrong) is counted while it streams and cut off once past
// 1 MiB: a clear failure at once, not the whole body in memory, not a wait for the deadline.
// Chunked answers: endlessChunkedAnswerIsCutOff().
void TestTelegramClient::oversizedAnswerIsCutOffWhileItStreams()
{
    QFETCH(TelegramSink::Framing, framing);
    QFETCH(int, status);
    QFETCH(bool, maybeDelivered);
    m_sink->setOversizedAnswer(qint64(1) << 30, framing, status);
    m_sink->injectFault(TelegramSink::Fault::OversizedAnswer, 1);
    TelegramConfig cfg = config();
    cfg.timeoutSecs = 20; // the cap must end it, not the deadline
    TelegramClient c(cfg, m_nam.get());
    const qint64 peakBefore = peakRssKiB();
    QElapsedTimer t;
    t.start();
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QVERIFY2(t.elapsed() < 10'000, qPrintable(QString::number(t.elapsed())));
    if (peakBefore > 0)
        QVERIFY2(
            peakRssKiB() - peakBefore < 64 * 1024,
            qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
    QCOMPARE(r.explanation(), QStringLiteral("Telegram's answer exceeded 1 MiB"));
    QCOMPARE(r.description, QStringLiteral("Telegram's answer exceeded 1 MiB"));
    QCOMPARE(TelegramResult::kindName(r.kind), TelegramResult::kindName(TelegramResult::Transient));
    QVERIFY(r.oversized);
    QCOMPARE(r.httpStatus, status);
    QCOMPARE(r.maybeDelivered, maybeDelivered);
    QCOMPARE(c.inFlight(), 0);
    QTest::qWait(100); // the sink notices the closed connection
    QVERIFY2(m_sink->oversizedBytesSent() < 64 * 1024 * 1024,
             qPrintable(QString::number(m_sink->oversizedBytesSent())));
    QVERIFY(g_log.filter(QStringLiteral("exceeded 1 MiB")).size() == 1); // logged once
}

namespace {

// A server that misbehaves below HTTP: once a request has arrived it writes `head`, then
// `piece` over and over (every intervalMs, or as fast as the socket takes it with 0) until the
// client goes away.
class EndlessServer : public QTcpServer
{
public:
    EndlessServer(QByteArray head, QByteArray piece, int intervalMs)
        : m_head(std::move(head)), m_piece(std::move(piece)), m_intervalMs(intervalMs)
    {
        connect(this, &QTcpServer::newConnection, this, &EndlessServer::accept);
    }
    qint64 sent() const { return m_sent; }

private:
    void accept()
    {
        QTcpSocket *s = nextPendingConnection();
        auto pump = [this, s] {
            do {
                if (s->state() != QAbstractSocket::ConnectedState ||
                    s->bytesToWrite() >= 1024 * 1024)
                    return;
                s->write(m_piece);
                m_sent += m_piece.size();
            } while (m_intervalMs == 0);
        };
        connect(s, &QTcpSocket::readyRead, s, [this, s, pump, started = false]() mutable {
            s->readAll();
            if (std::exchange(started, true))
                return;
            s->write(m_head);
            if (m_intervalMs == 0) {
                connect(s, &QTcpSocket::bytesWritten, s, pump);
            } else {
                auto *timer = new QTimer(s);
                connect(timer, &QTimer::timeout, s, pump);
                timer->start(m_intervalMs);
            }
            pump();
        });
    }

    QByteArray m_head;
    QByteArray m_piece;
    int m_intervalMs;
    qint64 m_sent = 0;
};

} // namespace

// An endless chunked answer at a fast network's pace (64 KiB every 4 ms, 16 MB/s), as an API
// proxy far away would send it: cut off once past the cap, long before the deadline.
void TestTelegramClient::endlessChunkedAnswerIsCutOff()
{
    const QByteArray data(64 * 1024, 'x');
    EndlessServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"
                         "2c\r\n{\"ok\":true,\"result\":{\"message_id\":1,\"text\":\"\r\n",
                         QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n", 4);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TelegramConfig cfg = config();
    cfg.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    cfg.timeoutSecs = 20; // the cap must end it, not the deadline
    TelegramClient c(cfg, m_nam.get());
    const qint64 peakBefore = peakRssKiB();
    QElapsedTimer t;
    t.start();
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(r.explanation(), QStringLiteral("Telegram's answer exceeded 1 MiB"));
    QVERIFY(r.maybeDelivered);
    QTest::qWait(100);
    QVERIFY2(server.sent() < 8 * 1024 * 1024, qPrintable(QString::number(server.sent())));
    if (peakBefore > 0)
        QVERIFY2(
            peakRssKiB() - peakBefore < 64 * 1024,
            qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
}

// A server that starts an answer and never ends its header line: Qt hands nothing over, so the
// client's own deadline ends it, within the timeout and without growing.
void TestTelegramClient::endlessHeaderEndsWithinTheTimeout()
{
    EndlessServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ",
                         QByteArray(64 * 1024, 'a'), 0);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TelegramConfig cfg = config(); // timeout 1 s
    cfg.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    TelegramClient c(cfg, m_nam.get());
    const qint64 peakBefore = peakRssKiB();
    QElapsedTimer t;
    t.start();
    const TelegramResult r = run(c, [](TelegramClient &cl, auto done) {
        cl.sendMessage(kChat, QStringLiteral("x"), false, done);
    });
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(server.sent() > 0);
    QCOMPARE(TelegramResult::kindName(r.kind), TelegramResult::kindName(TelegramResult::Transient));
    QCOMPARE(r.explanation(), QStringLiteral("Telegram could not be reached (Telegram said: "
                                             "\"no answer within 1 s\")"));
    QVERIFY(r.maybeDelivered); // the request went out: a sendMessage may have been carried out
    if (peakBefore > 0)
        QVERIFY2(
            peakRssKiB() - peakBefore < 64 * 1024,
            qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
}

QTEST_GUILESS_MAIN(TestTelegramClient)
#include "tst_telegramclient.moc"
