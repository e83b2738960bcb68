// TelegramSink: the Bot API methods, their validation and the Message/Chat objects.
#include "telegramhtml.h"
#include "telegramsink.h"

#include <QJsonDocument>

namespace rw::sim {

namespace {
constexpr qint64 kDeleteWindowSecs = 48 * 3600;
constexpr int kMaxTextLength = 4096;

bool hasParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    return !v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty());
}

QString stringParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::optional<qint64> intParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isDouble() && v.toDouble() == double(v.toInteger()))
        return v.toInteger();
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

bool boolParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    const QString s = v.toString().trimmed().toLower();
    return s == QLatin1String("true") || s == QLatin1String("1");
}

// A JSON array, or the JSON text of one (how form and query parameters carry arrays).
QJsonArray arrayParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isArray())
        return v.toArray();
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}

// A JSON object, or the JSON text of one (form and query parameters).
QJsonObject objectParam(const QJsonObject &p, const char *name)
{
    const QJsonValue v = p.value(QLatin1String(name));
    if (v.isObject())
        return v.toObject();
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

quint64 fnv1a(const QByteArray &data)
{
    quint64 h = 1469598103934665603ULL;
    for (const char c : data)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
}
} // namespace

QString TelegramSink::chatKey(const QJsonValue &chatId)
{
    if (chatId.isDouble() && chatId.toDouble() == double(chatId.toInteger()))
        return QString::number(chatId.toInteger());
    const QString s = chatId.toString().trimmed();
    if (s.size() > 1 && s.startsWith(QLatin1Char('@')))
        return s.toLower(); // usernames ignore case
    bool ok = false;
    const qint64 n = s.toLongLong(&ok);
    return ok ? QString::number(n) : QString();
}

TelegramSink::Outcome TelegramSink::dispatch(const QString &method, const QJsonObject &params,
                                             const QString &chat)
{
    if (method == QLatin1String("getMe"))
        return getMe();
    if (method == QLatin1String("answerCallbackQuery"))
        return answerCallbackQuery(params);
    if (method == QLatin1String("setMyCommands"))
        return setMyCommands(params);
    if (!hasParam(params, "chat_id"))
        return error(400, QStringLiteral("Bad Request: chat_id is empty"));
    if (chat.isEmpty() || chat == QLatin1String("?") ||
        (!m_knownChats.isEmpty() && !m_knownChats.contains(chat)))
        return error(400, QStringLiteral("Bad Request: chat not found"));
    if (method == QLatin1String("sendMessage"))
        return sendMessage(params, chat);
    if (method == QLatin1String("editMessageText"))
        return editMessageText(params, chat);
    if (method == QLatin1String("deleteMessage"))
        return deleteMessage(params, chat);
    return deleteMessages(params, chat);
}

TelegramSink::Outcome TelegramSink::getMe() const
{
    bool numeric = false;
    const qint64 id = m_token.section(QLatin1Char(':'), 0, 0).toLongLong(&numeric);
    Outcome o;
    o.result = QJsonObject{{QStringLiteral("id"), numeric ? id : 7000000001LL},
                           {QStringLiteral("is_bot"), true},
                           {QStringLiteral("first_name"), QStringLiteral("RigWatch Sim")},
                           {QStringLiteral("username"), m_botUsername},
                           {QStringLiteral("can_join_groups"), true},
                           {QStringLiteral("can_read_all_group_messages"), false},
                           {QStringLiteral("supports_inline_queries"), false}};
    return o;
}

bool TelegramSink::checkText(const QJsonObject &params, Message &m, Outcome &failure) const
{
    m.text = stringParam(params, "text");
    m.parseMode = stringParam(params, "parse_mode");
    TelegramText parsed;
    const QString mode = m.parseMode.toLower();
    if (mode == QLatin1String("html")) {
        parsed = parseTelegramHtml(m.text, m_strictAmpersand);
        if (!parsed.ok()) {
            failure =
                error(400, QStringLiteral("Bad Request: can't parse entities: ") + parsed.error);
            return false;
        }
    } else if (mode.isEmpty() || mode == QLatin1String("markdown") ||
               mode == QLatin1String("markdownv2")) {
        parsed = plainTelegramText(m.text); // Markdown is accepted but not interpreted here
    } else {
        failure = error(400, QStringLiteral("Bad Request: unsupported parse_mode"));
        return false;
    }
    if (parsed.text.trimmed().isEmpty()) {
        failure = error(400, QStringLiteral("Bad Request: message text is empty"));
        return false;
    }
    if (parsed.text.size() > kMaxTextLength) { // QString::size() counts UTF-16 units
        failure = error(400, QStringLiteral("Bad Request: message is too long"));
        return false;
    }
    m.plainText = parsed.text;
    m.entities = parsed.entities;
    return true;
}

TelegramSink::Outcome TelegramSink::sendMessage(const QJsonObject &params, const QString &chat)
{
    Message m;
    Outcome failure;
    if (!checkText(params, m, failure))
        return failure;
    Chat &c = m_chats[chat];
    m.id = c.nextId++;
    m.date = m_clock->nowSecs();
    m.silent = boolParam(params, "disable_notification");
    m.replyMarkup = objectParam(params, "reply_markup");
    c.messages.append(m);
    Outcome o;
    o.result = messageJson(chat, m);
    return o;
}

TelegramSink::Outcome TelegramSink::editMessageText(const QJsonObject &params, const QString &chat)
{
    const std::optional<qint64> id = intParam(params, "message_id");
    if (!id)
        return error(400, QStringLiteral("Bad Request: message identifier is not specified"));
    auto it = m_chats.find(chat);
    Message *current = nullptr;
    if (it != m_chats.end())
        for (Message &m : it->messages)
            if (m.id == *id)
                current = &m;
    if (!current)
        return error(400, QStringLiteral("Bad Request: message to edit not found"));
    Message edited = *current;
    Outcome failure;
    if (!checkText(params, edited, failure))
        return failure;
    edited.replyMarkup = objectParam(params, "reply_markup"); // none given: the keyboard goes
    if (edited.plainText == current->plainText && edited.entities == current->entities &&
        edited.replyMarkup == current->replyMarkup)
        return error(400, QStringLiteral("Bad Request: message is not modified: specified new "
                                         "message content and reply markup are exactly the same "
                                         "as a current content and reply markup of the message"));
    edited.editDate = m_clock->nowSecs();
    ++edited.edits;
    *current = edited;
    Outcome o;
    o.result = messageJson(chat, edited);
    return o;
}

TelegramSink::Outcome TelegramSink::deleteMessage(const QJsonObject &params, const QString &chat)
{
    const std::optional<qint64> id = intParam(params, "message_id");
    if (!id)
        return error(400, QStringLiteral("Bad Request: message identifier is not specified"));
    auto chatIt = m_chats.find(chat);
    if (chatIt == m_chats.end())
        return error(400, QStringLiteral("Bad Request: message to delete not found"));
    QVector<Message> &list = chatIt->messages;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].id != *id)
            continue;
        if (m_clock->nowSecs() - list[i].date > kDeleteWindowSecs)
            return error(400, QStringLiteral("Bad Request: message can't be deleted for everyone"));
        list.removeAt(i);
        Outcome o;
        o.result = true;
        return o;
    }
    return error(400, QStringLiteral("Bad Request: message to delete not found"));
}

TelegramSink::Outcome TelegramSink::deleteMessages(const QJsonObject &params, const QString &chat)
{
    const QJsonArray ids = arrayParam(params, "message_ids");
    if (ids.isEmpty())
        return error(400, QStringLiteral("Bad Request: message identifiers are not specified"));
    if (ids.size() > 100)
        return error(400, QStringLiteral("Bad Request: too many message identifiers specified"));
    // As documented: messages that cannot be found (or deleted) are skipped.
    QVector<Message> empty;
    auto chatIt = m_chats.find(chat);
    QVector<Message> &list = chatIt == m_chats.end() ? empty : chatIt->messages;
    const qint64 now = m_clock->nowSecs();
    for (const QJsonValue &v : ids) {
        const qint64 id = v.isString() ? v.toString().toLongLong() : v.toInteger();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].id == id && now - list[i].date <= kDeleteWindowSecs) {
                list.removeAt(i);
                break;
            }
        }
    }
    Outcome o;
    o.result = true;
    return o;
}

QJsonObject TelegramSink::chatJson(const QString &chat) const
{
    QJsonObject o;
    bool numeric = false;
    const qint64 id = chat.toLongLong(&numeric);
    QString type;
    if (!numeric) { // @channelname: a stable made-up id
        o.insert(QStringLiteral("id"),
                 -(1'000'000'000'000LL + qint64(fnv1a(chat.toUtf8()) % 1'000'000'000ULL)));
        o.insert(QStringLiteral("username"), chat.mid(1));
        type = QStringLiteral("channel");
    } else {
        o.insert(QStringLiteral("id"), id);
        if (id > 0)
            type = QStringLiteral("private");
        else if (chat.startsWith(QLatin1String("-100")))
            type = QStringLiteral("channel");
        else
            type = QStringLiteral("group");
    }
    o.insert(QStringLiteral("type"), type);
    if (type == QLatin1String("private"))
        o.insert(QStringLiteral("first_name"), QStringLiteral("Operator"));
    else
        o.insert(QStringLiteral("title"), QStringLiteral("RigWatch Sim"));
    return o;
}

QJsonObject TelegramSink::messageJson(const QString &chat, const Message &m) const
{
    const QJsonObject chatObject = chatJson(chat);
    QJsonObject o{{QStringLiteral("message_id"), m.id},
                  {QStringLiteral("date"), m.date},
                  {QStringLiteral("chat"), chatObject},
                  {QStringLiteral("text"), m.plainText}};
    if (chatObject.value(QLatin1String("type")).toString() == QLatin1String("channel")) {
        o.insert(QStringLiteral("sender_chat"), chatObject);
    } else {
        QJsonObject me = getMe().result.toObject();
        o.insert(QStringLiteral("from"),
                 QJsonObject{{QStringLiteral("id"), me.value(QLatin1String("id"))},
                             {QStringLiteral("is_bot"), true},
                             {QStringLiteral("first_name"), me.value(QLatin1String("first_name"))},
                             {QStringLiteral("username"), m_botUsername}});
    }
    if (!m.entities.isEmpty())
        o.insert(QStringLiteral("entities"), m.entities);
    if (!m.replyMarkup.isEmpty())
        o.insert(QStringLiteral("reply_markup"), m.replyMarkup);
    if (m.editDate)
        o.insert(QStringLiteral("edit_date"), m.editDate);
    return o;
}

qint64 TelegramSink::seedMessage(const QString &chat, const QString &text, qint64 date)
{
    const QString key = chatKey(chat);
    Chat &c = m_chats[key];
    Message m;
    m.id = c.nextId++;
    m.text = m.plainText = text;
    m.date = date;
    c.messages.append(m);
    return m.id;
}

} // namespace rw::sim
