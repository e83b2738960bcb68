// TelegramSink: inbound updates. getUpdates with long polling and offsets, commands and button
// presses injected by tests (or over /sim/update and /sim/press), answerCallbackQuery and
// setMyCommands, as docs/telegram.md describes them.
#include "controlsurface.h"
#include "telegramsink.h"

#include <QJsonDocument>

namespace rw::sim {

namespace {
constexpr int kMaxUpdates = 100; // getUpdates' limit, as documented
constexpr int kMaxPollSecs = 50; // what Telegram holds a call at most

qint64 numberParam(const QJsonObject &p, const char *name, qint64 fallback)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isDouble())
        return v.toInteger();
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok ? n : fallback;
}

QJsonObject userJson(qint64 id, const QString &username)
{
    QJsonObject u{{QStringLiteral("id"), id},
                  {QStringLiteral("is_bot"), false},
                  {QStringLiteral("first_name"),
                   username.isEmpty() ? QStringLiteral("User%1").arg(id) : username}};
    if (!username.isEmpty())
        u.insert(QStringLiteral("username"), username);
    return u;
}
} // namespace

qint64 TelegramSink::addUpdate(QJsonObject update)
{
    const qint64 id = m_nextUpdateId++;
    update.insert(QStringLiteral("update_id"), id);
    m_updates.append(update);
    m_allUpdates.append(update);
    answerWaiting();
    return id;
}

qint64 TelegramSink::injectMessage(const QString &chat, const QString &text, qint64 fromId,
                                   const QString &username, const QString &chatType)
{
    const QString key = chatKey(chat);
    QJsonObject chatObject = chatJson(key);
    if (!chatType.isEmpty()) {
        chatObject.insert(QStringLiteral("type"), chatType);
        if (chatType != QLatin1String("private"))
            chatObject.insert(QStringLiteral("title"), QStringLiteral("RigWatch Sim"));
    }
    const bool channel =
        chatObject.value(QLatin1String("type")).toString() == QLatin1String("channel");
    Chat &c = m_chats[key];
    QJsonObject message{{QStringLiteral("message_id"), c.nextId++},
                        {QStringLiteral("date"), m_clock->nowSecs()},
                        {QStringLiteral("chat"), chatObject},
                        {QStringLiteral("text"), text}};
    if (text.startsWith(QLatin1Char('/'))) {
        const qsizetype end = text.indexOf(QLatin1Char(' '));
        message.insert(
            QStringLiteral("entities"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("bot_command")},
                                   {QStringLiteral("offset"), 0},
                                   {QStringLiteral("length"), int(end < 0 ? text.size() : end)}}});
    }
    if (channel) {
        message.insert(QStringLiteral("sender_chat"), chatObject); // no "from" in a channel
        return addUpdate({{QStringLiteral("channel_post"), message}});
    }
    message.insert(QStringLiteral("from"), userJson(fromId, username));
    return addUpdate({{QStringLiteral("message"), message}});
}

qint64 TelegramSink::injectCallback(const QString &chat, qint64 messageId, const QString &data,
                                    qint64 fromId, const QString &username)
{
    const QString key = chatKey(chat);
    QJsonObject message;
    if (const auto m = this->message(key, messageId))
        message = messageJson(key, *m);
    else
        message = {{QStringLiteral("message_id"), messageId},
                   {QStringLiteral("date"), m_clock->nowSecs()},
                   {QStringLiteral("chat"), chatJson(key)}};
    return addUpdate({{QStringLiteral("callback_query"),
                       QJsonObject{{QStringLiteral("id"), QString::number(m_nextCallbackId++)},
                                   {QStringLiteral("from"), userJson(fromId, username)},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("chat_instance"), QStringLiteral("1")},
                                   {QStringLiteral("data"), data}}}});
}

QJsonArray TelegramSink::deliverable(qint64 offset) const
{
    QJsonArray out;
    const QVector<QJsonObject> &from = m_fault == Fault::UpdatesAgain ? m_allUpdates : m_updates;
    for (const QJsonObject &u : from) {
        if (m_fault != Fault::UpdatesAgain &&
            u.value(QLatin1String("update_id")).toInteger() < offset)
            continue;
        out.append(u);
        if (out.size() >= kMaxUpdates)
            break;
    }
    return out;
}

bool TelegramSink::getUpdates(const QJsonObject &params, Call &call, HttpResponder &responder)
{
    const qint64 offset = numberParam(params, "offset", 0);
    m_lastOffset = offset;
    // An offset confirms every update below it: they are never handed out again.
    for (qsizetype i = 0; i < m_updates.size(); ++i)
        if (m_updates.at(i).value(QLatin1String("update_id")).toInteger() < offset)
            m_updates.removeAt(i--);
    const int timeout = int(std::clamp<qint64>(numberParam(params, "timeout", 0), 0, kMaxPollSecs));
    const QJsonArray now = deliverable(offset);
    if (!now.isEmpty() || timeout == 0 || m_fault == Fault::UpdatesAtOnce) {
        Outcome o;
        o.result = now;
        answer(responder, o, call);
        return true;
    }
    // Held until an update comes or the timeout passes, as Telegram does.
    auto *w = new Waiting;
    w->reply = responder.defer();
    w->offset = offset;
    w->call = call;
    w->timer = new QTimer(this);
    w->timer->setSingleShot(true);
    connect(w->timer, &QTimer::timeout, this, [this, w] {
        m_waiting.removeAll(w);
        Outcome o;
        o.result = QJsonArray();
        HttpDeferred reply = w->reply;
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                          {QStringLiteral("result"), QJsonArray()}})
                                    .toJson(QJsonDocument::Compact);
        reply.respond(200, body, {{"Content-Type", "application/json"}});
        w->call.httpStatus = 200;
        m_calls.append(w->call);
        w->timer->deleteLater();
        delete w;
        Q_EMIT called(QStringLiteral("getUpdates"));
    });
    w->timer->start(timeout * 1000);
    m_waiting.append(w);
    return true;
}

void TelegramSink::answerWaiting()
{
    const QVector<Waiting *> waiting = std::exchange(m_waiting, {});
    for (Waiting *w : waiting) {
        w->timer->stop();
        w->timer->deleteLater();
        const QJsonArray updates = deliverable(w->offset);
        HttpDeferred reply = w->reply;
        reply.respond(200,
                      QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                {QStringLiteral("result"), updates}})
                          .toJson(QJsonDocument::Compact),
                      {{"Content-Type", "application/json"}});
        w->call.httpStatus = 200;
        m_calls.append(w->call);
        delete w;
        Q_EMIT called(QStringLiteral("getUpdates"));
    }
}

TelegramSink::Outcome TelegramSink::answerCallbackQuery(const QJsonObject &params)
{
    const QJsonValue id = params.value(QLatin1String("callback_query_id"));
    const QString idText = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    if (idText.isEmpty())
        return error(400, QStringLiteral("Bad Request: query is too old and response timeout "
                                         "expired or query ID is invalid"));
    m_callbackAnswers.append({idText, params.value(QLatin1String("text")).toString()});
    Outcome o;
    o.result = true;
    return o;
}

TelegramSink::Outcome TelegramSink::setMyCommands(const QJsonObject &params)
{
    QJsonValue v = params.value(QLatin1String("commands"));
    const QJsonArray commands =
        v.isArray() ? v.toArray() : QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &c : commands) {
        const QString name = c.toObject().value(QLatin1String("command")).toString();
        const QString description = c.toObject().value(QLatin1String("description")).toString();
        if (name.isEmpty() || name.size() > 32 || description.isEmpty() || description.size() > 256)
            return error(400, QStringLiteral("Bad Request: BOT_COMMAND_INVALID"));
    }
    m_myCommands.insert(params.value(QLatin1String("language_code")).toString(), commands);
    Outcome o;
    o.result = true;
    return o;
}

void TelegramSink::handleUpdateControl(const HttpRequest &request, HttpResponder &responder)
{
    const QString chat = request.queryValue(QStringLiteral("chat"));
    const qint64 from = request.queryValue(QStringLiteral("from")).toLongLong();
    const QString username = request.queryValue(QStringLiteral("username"));
    if (chatKey(chat).isEmpty())
        return refuseControl(responder, QStringLiteral("chat must be a chat id or @name"));
    qint64 id = 0;
    if (request.path == QLatin1String("/sim/update")) {
        const QString text = request.queryValue(QStringLiteral("text"));
        if (text.isEmpty())
            return refuseControl(responder, QStringLiteral("text is required"));
        id = injectMessage(chat, text, from, username, request.queryValue(QStringLiteral("type")));
    } else {
        bool ok = false;
        const qint64 messageId = request.queryValue(QStringLiteral("message_id")).toLongLong(&ok);
        const QString data = request.queryValue(QStringLiteral("data"));
        if (!ok || data.isEmpty() || from <= 0)
            return refuseControl(responder,
                                 QStringLiteral("message_id, data and from are required"));
        id = injectCallback(chat, messageId, data, from, username);
    }
    answerJson(responder, 200, {{QStringLiteral("ok"), true}, {QStringLiteral("update_id"), id}});
}

} // namespace rw::sim
