#include "notify/commandaccess.h"

#include <QJsonValue>
#include <QStringList>

namespace rw {

namespace {
QString idText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

QString nameOf(const QJsonObject &from)
{
    const QString user = from.value(QLatin1String("username")).toString();
    if (!user.isEmpty())
        return QLatin1Char('@') + user;
    return from.value(QLatin1String("first_name")).toString();
}
} // namespace

CommandOrigin CommandOrigin::ofMessage(const QJsonObject &message, bool channelPost)
{
    CommandOrigin o;
    const QJsonObject chat = message.value(QLatin1String("chat")).toObject();
    o.chat = idText(chat.value(QLatin1String("id")));
    o.chatType = chat.value(QLatin1String("type")).toString();
    o.chatUsername = chat.value(QLatin1String("username")).toString();
    o.channelPost = channelPost || o.chatType == QLatin1String("channel");
    const QJsonObject from = message.value(QLatin1String("from")).toObject();
    // A channel post may carry no sender, or (signed posts, anonymous admins) a stand-in: the
    // only sender trusted is a user's own id in a message that is not a channel post.
    if (!o.channelPost && !from.isEmpty() && !from.value(QLatin1String("is_bot")).toBool()) {
        o.fromId = from.value(QLatin1String("id")).toInteger();
        o.fromName = nameOf(from);
    }
    return o;
}

CommandOrigin CommandOrigin::ofCallback(const QJsonObject &callbackQuery)
{
    CommandOrigin o = ofMessage(callbackQuery.value(QLatin1String("message")).toObject(), false);
    o.channelPost = false; // a press always names the user who pressed
    const QJsonObject from = callbackQuery.value(QLatin1String("from")).toObject();
    o.fromId = from.value(QLatin1String("id")).toInteger();
    o.fromName = nameOf(from);
    return o;
}

CommandAccess commandAccess(const CommandOrigin &origin, const QStringList &configuredChats,
                            const QVector<qint64> &admins)
{
    const bool admin = origin.fromId > 0 && admins.contains(origin.fromId);
    bool configured = false;
    for (const QString &c : configuredChats) {
        if (c.isEmpty())
            continue;
        if (c.startsWith(QLatin1Char('@'))
                ? c.mid(1).compare(origin.chatUsername, Qt::CaseInsensitive) == 0
                : c == origin.chat)
            configured = true;
    }
    if (configured)
        return admin ? CommandAccess::Full : CommandAccess::ReadOnly;
    // A private chat's id is its user's id; the type is checked when the update carries it.
    if ((origin.chatType == QLatin1String("private") || origin.chatType.isEmpty()) && admin &&
        origin.chat == QString::number(origin.fromId))
        return CommandAccess::Full;
    return CommandAccess::Ignore;
}

} // namespace rw
