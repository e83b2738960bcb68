// TelegramSink: routing, parameters, faults, envelope and the accessors for tests.
// The Bot API methods themselves are in telegrammethods.cpp.
#include "telegramsink.h"

#include <algorithm>
#include <utility>

#include <QJsonDocument>

namespace rw::sim {

namespace {
const QStringList kMethods = {QStringLiteral("getMe"),
                              QStringLiteral("sendMessage"),
                              QStringLiteral("editMessageText"),
                              QStringLiteral("deleteMessage"),
                              QStringLiteral("deleteMessages"),
                              QStringLiteral("getUpdates"),
                              QStringLiteral("answerCallbackQuery"),
                              QStringLiteral("setMyCommands")};

QByteArray headerParam(const QByteArray &header, const QByteArray &name)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.toLower().startsWith(QByteArray(name + '='))) {
            QByteArray v = p.mid(name.size() + 1).trimmed();
            if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
                v = v.mid(1, v.size() - 2);
            return v;
        }
    }
    return {};
}

// Telegram's wording for a tag it will not take, pointing at the first tag of the text (byte
// offset in UTF-8, as Telegram counts).
QString badEntitiesDescription(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('<'));
    QString tag = QStringLiteral("b");
    if (at >= 0) {
        qsizetype end = at + 1;
        while (end < text.size() && text.at(end).isLetterOrNumber())
            ++end;
        if (end > at + 1)
            tag = text.mid(at + 1, end - at - 1);
    }
    return QStringLiteral("Bad Request: can't parse entities: Unsupported start tag \"%1\" at byte "
                          "offset %2")
        .arg(tag)
        .arg(at < 0 ? 0 : text.left(at).toUtf8().size());
}

// multipart/form-data, enough for text fields (what a Bot API client sends without files).
bool parseMultipart(const QByteArray &body, const QByteArray &boundary, QJsonObject &params)
{
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true;
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            return false;
        QByteArray part = body.mid(pos, next - pos);
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        if (part.endsWith("\r\n"))
            part.chop(2);
        const qsizetype split = part.indexOf("\r\n\r\n");
        if (split < 0)
            return false;
        QByteArray name;
        for (const QByteArray &line : part.left(split).split('\n'))
            if (line.trimmed().toLower().startsWith("content-disposition:"))
                name = headerParam(line.trimmed(), "name");
        if (!name.isEmpty())
            params.insert(QString::fromUtf8(name), QString::fromUtf8(part.mid(split + 4)));
        pos = next;
    }
    return false;
}
} // namespace

TelegramSink::TelegramSink(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_server(new HttpServer(this))
{
    m_monotonic.start();
    m_server->setDateSource([this] { return m_clock->nowSecs(); });
    m_server->setHandler([this](const HttpRequest &request, HttpResponder &responder) {
        handle(request, responder);
    });
}

bool TelegramSink::listen(quint16 port)
{
    if (!m_server->listen(port)) {
        qCWarning(lcSim) << "Telegram sink cannot listen on port" << port
                         << m_server->errorString();
        return false;
    }
    return true;
}

void TelegramSink::setKnownChats(const QStringList &chats)
{
    m_knownChats.clear();
    for (const QString &c : chats)
        m_knownChats.insert(chatKey(c));
}

void TelegramSink::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path.startsWith(QLatin1String("/sim/"))) {
        handleControl(request, responder);
        return;
    }
    Call call;
    call.clockMs = m_clock->nowMs();
    call.monotonicMs = m_monotonic.elapsed();

    // The path carries the token: it is compared here and goes nowhere else.
    const QString &path = request.path;
    if (!path.startsWith(QLatin1String("/bot"))) {
        answer(responder, error(404, QStringLiteral("Not Found")), call);
        return;
    }
    const qsizetype slash = path.indexOf(QLatin1Char('/'), 4);
    const QString token = path.mid(4, slash < 0 ? -1 : slash - 4);
    const QString methodName = slash < 0 ? QString() : path.mid(slash + 1);
    for (const QString &m : kMethods)
        if (m.compare(methodName, Qt::CaseInsensitive) == 0) // method names ignore case
            call.method = m;
    if (token != m_token) {
        answer(responder, error(401, QStringLiteral("Unauthorized")), call);
        return;
    }
    if (call.method.isEmpty()) {
        answer(responder, error(404, QStringLiteral("Not Found")), call);
        return;
    }
    QString parseError;
    if (!parseParams(request, call.params, parseError)) {
        answer(responder, error(400, parseError), call);
        return;
    }
    const QJsonValue chatId = call.params.value(QLatin1String("chat_id"));
    call.chat = chatKey(chatId);
    if (call.chat.isEmpty() && !chatId.isUndefined())
        call.chat = chatId.isString() ? chatId.toString() : QStringLiteral("?");
    if (applyFault(call.method, call, responder))
        return;
    if (call.method == QLatin1String("getUpdates") && getUpdates(call.params, call, responder))
        return;

    if (m_enforcePacing && call.method == QLatin1String("sendMessage") && !call.chat.isEmpty() &&
        m_lastSendMs.contains(call.chat) &&
        call.monotonicMs - m_lastSendMs.value(call.chat) < 1000) {
        Outcome o = error(429, QStringLiteral("Too Many Requests: retry after 1"));
        o.parameters.insert(QStringLiteral("retry_after"), 1);
        answer(responder, o, call);
        return;
    }
    const Outcome outcome = dispatch(call.method, call.params, call.chat);
    if (outcome.status == 200 && call.method == QLatin1String("sendMessage"))
        m_lastSendMs.insert(call.chat, call.monotonicMs);
    const Fault after = std::exchange(m_afterDispatch, Fault::None);
    if (after == Fault::CarriedOutNoAnswer) {
        responder.hang();
        m_calls.append(call); // httpStatus 0: never answered, yet carried out
        return;
    }
    if (after == Fault::CarriedOutGarbage) {
        responder.respond(200, "<html><body>Service temporarily unavailable</body></html>",
                          {{"Content-Type", "text/html"}});
        call.httpStatus = 200;
        call.description = QStringLiteral("not a Bot API answer");
        m_calls.append(call);
        Q_EMIT called(call.method);
        return;
    }
    answer(responder, outcome, call, after == Fault::CarriedOutSlowly ? m_answerDelayMs : 0);
}

bool TelegramSink::parseParams(const HttpRequest &request, QJsonObject &params,
                               QString &error) const
{
    for (const auto &item : request.queryItems())
        params.insert(item.first, item.second);
    if (request.body.isEmpty())
        return true;
    const QByteArray contentType = request.header("content-type").toLower();
    if (contentType.startsWith("application/json")) {
        QJsonParseError jsonError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &jsonError);
        if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
            error = QStringLiteral("Bad Request: can't parse JSON object");
            return false;
        }
        const QJsonObject body = doc.object();
        for (auto it = body.begin(); it != body.end(); ++it)
            params.insert(it.key(), it.value());
        return true;
    }
    if (contentType.startsWith("multipart/form-data")) {
        if (!parseMultipart(request.body, headerParam(request.header("content-type"), "boundary"),
                            params)) {
            error = QStringLiteral("Bad Request: can't parse multipart/form-data body");
            return false;
        }
        return true;
    }
    for (const auto &item : HttpRequest::parseForm(request.body))
        params.insert(item.first, item.second);
    return true;
}

void TelegramSink::injectFault(Fault fault, int calls, const QString &method)
{
    clearFaults();
    m_fault = fault;
    m_faultCalls = calls;
    m_faultMethod = method;
    if (fault == Fault::Refused)
        m_server->stopListening();
}

void TelegramSink::clearFaults()
{
    const Fault previous = m_fault;
    m_fault = Fault::None;
    m_faultCalls = -1;
    m_faultMethod.clear();
    if (previous == Fault::Refused)
        m_server->resumeListening();
    if (previous == Fault::Hang)
        m_server->closeAllConnections(); // let hung requests fail now
}

bool TelegramSink::applyFault(const QString &method, Call &call, HttpResponder &responder)
{
    if (m_fault == Fault::None)
        return false;
    if (m_fault == Fault::Refused) { // a request that raced the listener closing
        responder.closeWithoutAnswer();
        return true;
    }
    const bool updatesFault = m_fault == Fault::Conflict || m_fault == Fault::UpdatesAtOnce ||
                              m_fault == Fault::UpdatesAgain;
    if (updatesFault && method != QLatin1String("getUpdates"))
        return false;
    if (m_fault == Fault::NoSetMyCommands && method != QLatin1String("setMyCommands"))
        return false;
    if (m_fault == Fault::UpdatesAtOnce || m_fault == Fault::UpdatesAgain)
        return false; // ways of answering, read by getUpdates()
    if (!m_faultMethod.isEmpty() && m_faultMethod.compare(method, Qt::CaseInsensitive) != 0)
        return false;
    if ((m_fault == Fault::DeleteNotFound || m_fault == Fault::DeleteTooOld) &&
        !method.startsWith(QLatin1String("deleteMessage")))
        return false;
    if ((m_fault == Fault::TextTooLong || m_fault == Fault::BadEntities) &&
        method != QLatin1String("sendMessage") && method != QLatin1String("editMessageText"))
        return false;
    if (m_fault == Fault::BadEntities &&
        call.params.value(QLatin1String("parse_mode")).toString().isEmpty())
        return false;
    const Fault fault = m_fault;
    if (m_faultCalls > 0 && --m_faultCalls == 0) {
        m_fault = Fault::None;
        m_faultMethod.clear();
        m_faultCalls = -1;
    }
    Outcome o;
    switch (fault) {
    case Fault::None:
    case Fault::Refused:
    case Fault::UpdatesAtOnce:
    case Fault::UpdatesAgain:
        return false;
    case Fault::Conflict:
        o = error(409, QStringLiteral("Conflict: terminated by other getUpdates request; make sure "
                                      "that only one bot instance is running"));
        break;
    case Fault::NoSetMyCommands:
        o = error(404, QStringLiteral("Not Found"));
        break;
    case Fault::CarriedOutNoAnswer:
    case Fault::CarriedOutGarbage:
    case Fault::CarriedOutSlowly:
        m_afterDispatch = fault; // the call is carried out first, see handle()
        return false;
    case Fault::TooManyRequests:
        o = error(429, QStringLiteral("Too Many Requests: retry after %1").arg(m_retryAfter));
        o.parameters.insert(QStringLiteral("retry_after"), m_retryAfter);
        break;
    case Fault::DeleteNotFound:
        o = error(400, QStringLiteral("Bad Request: message to delete not found"));
        break;
    case Fault::DeleteTooOld:
        o = error(400, QStringLiteral("Bad Request: message can't be deleted for everyone"));
        break;
    case Fault::BotKicked:
        o = error(403, QStringLiteral("Forbidden: bot was kicked from the channel chat"));
        break;
    case Fault::ChatMigrated:
        o = error(400, QStringLiteral("Bad Request: group chat was upgraded to a supergroup chat"));
        o.parameters.insert(QStringLiteral("migrate_to_chat_id"), m_migrateTo);
        break;
    case Fault::Http500:
        o = error(500, QStringLiteral("Internal Server Error"));
        break;
    case Fault::TextTooLong:
        o = error(400, QStringLiteral("Bad Request: message is too long"));
        break;
    case Fault::BadEntities:
        o = error(400, badEntitiesDescription(call.params.value(QLatin1String("text")).toString()));
        break;
    case Fault::Hang:
        responder.hang();
        m_calls.append(call); // httpStatus 0: never answered
        return true;
    case Fault::OversizedAnswer:
        streamOversized(responder, call);
        return true;
    case Fault::Http502:
        responder.respond(502,
                          "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                          "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>"
                          "\r\n</body>\r\n</html>\r\n",
                          {{"Content-Type", "text/html"}});
        call.httpStatus = 502;
        call.description = QStringLiteral("Bad Gateway");
        m_calls.append(call);
        return true;
    }
    answer(responder, o, call);
    return true;
}

void TelegramSink::answer(HttpResponder &responder, const Outcome &outcome, Call &call, int delayMs)
{
    QJsonObject envelope;
    HttpHeaders headers{{"Content-Type", "application/json"}};
    if (outcome.status == 200) {
        envelope.insert(QStringLiteral("ok"), true);
        envelope.insert(QStringLiteral("result"), outcome.result);
    } else {
        envelope.insert(QStringLiteral("ok"), false);
        envelope.insert(QStringLiteral("error_code"), outcome.status);
        envelope.insert(QStringLiteral("description"), outcome.description);
        if (!outcome.parameters.isEmpty())
            envelope.insert(QStringLiteral("parameters"), outcome.parameters);
        const QJsonValue retryAfter = outcome.parameters.value(QLatin1String("retry_after"));
        if (!retryAfter.isUndefined())
            headers.append({"Retry-After", QByteArray::number(retryAfter.toInt())});
    }
    const QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    if (delayMs > 0) // headers at once, the body a byte at a time until delayMs have passed
        responder.drip(outcome.status, body, headers,
                       std::max(1, int(delayMs / std::max<qsizetype>(1, body.size()))), true);
    else
        responder.respond(outcome.status, body, headers);
    call.httpStatus = outcome.status;
    call.description = outcome.description;
    if (!call.method.isEmpty())
        qCDebug(lcSim) << "telegram sink:" << call.method << "->" << outcome.status;
    m_calls.append(call);
    Q_EMIT called(call.method);
}

void TelegramSink::streamOversized(HttpResponder &responder, Call &call)
{
    // {"ok":true,"result":{"message_id":1,"text":"xxx...xxx"}} of m_oversizedBytes in all,
    // made a piece at a time as the socket drains.
    const QByteArray head = R"({"ok":true,"result":{"message_id":1,"text":")";
    const QByteArray tail = R"("}})";
    const qint64 total = std::max<qint64>(m_oversizedBytes, head.size() + tail.size());
    m_oversizedSent = 0;
    auto next = [this, head, tail, total]() -> QByteArray {
        if (m_oversizedSent >= total)
            return {};
        constexpr qint64 kPiece = 64 * 1024;
        QByteArray piece = m_oversizedSent == 0 ? head : QByteArray();
        const qint64 fill =
            std::min<qint64>(kPiece, total - tail.size() - m_oversizedSent - piece.size());
        if (fill > 0)
            piece += QByteArray(fill, 'x');
        if (m_oversizedSent + piece.size() + tail.size() >= total)
            piece += tail;
        m_oversizedSent += piece.size();
        return piece;
    };
    responder.stream(m_oversizedStatus, {{"Content-Type", "application/json"}},
                     m_oversizedFraming == Framing::ContentLength ? total : -1, std::move(next));
    call.httpStatus = m_oversizedStatus;
    call.description = QStringLiteral("an answer of %1 bytes").arg(total);
    m_calls.append(call);
    Q_EMIT called(call.method);
}

TelegramSink::Outcome TelegramSink::error(int status, const QString &description)
{
    Outcome o;
    o.status = status;
    o.description = description;
    return o;
}

// ---- accessors -----------------------------------------------------------------------------

QVector<TelegramSink::Message> TelegramSink::messages(const QString &chat) const
{
    return m_chats.value(chatKey(chat)).messages;
}

std::optional<TelegramSink::Message> TelegramSink::message(const QString &chat, qint64 id) const
{
    for (const Message &m : m_chats.value(chatKey(chat)).messages)
        if (m.id == id)
            return m;
    return std::nullopt;
}

QStringList TelegramSink::chats() const
{
    return m_chats.keys();
}

int TelegramSink::callCount(const QString &method) const
{
    int n = 0;
    for (const Call &c : m_calls)
        n += c.method == method ? 1 : 0;
    return n;
}

QVector<qint64> TelegramSink::sendTimesMs(const QString &chat) const
{
    const QString key = chatKey(chat);
    QVector<qint64> times;
    for (const Call &c : m_calls)
        if (c.method == QLatin1String("sendMessage") && c.chat == key && c.httpStatus == 200)
            times.append(c.monotonicMs);
    return times;
}

qint64 TelegramSink::minSendIntervalMs(const QString &chat) const
{
    const QVector<qint64> times = sendTimesMs(chat);
    qint64 best = -1;
    for (qsizetype i = 1; i < times.size(); ++i)
        if (best < 0 || times[i] - times[i - 1] < best)
            best = times[i] - times[i - 1];
    return best;
}

int TelegramSink::pacingViolations() const
{
    int violations = 0;
    QHash<QString, qint64> last;
    for (const Call &c : m_calls) {
        if (c.method != QLatin1String("sendMessage") || c.httpStatus != 200)
            continue;
        if (last.contains(c.chat) && c.monotonicMs - last.value(c.chat) < 1000)
            ++violations;
        last.insert(c.chat, c.monotonicMs);
    }
    return violations;
}

} // namespace rw::sim
