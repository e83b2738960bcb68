#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rw {

// Where an update came from, as far as authorization cares (docs/telegram.md, "Receiving
// updates"): the chat, its type and username, and the sender when there is one (a channel post
// has none).
struct CommandOrigin
{
    QString chat;         // chat.id as text
    QString chatType;     // private, group, supergroup, channel
    QString chatUsername; // without '@', may be empty
    qint64 fromId = 0;    // 0 = no sender (a channel post)
    QString fromName;     // "@username", else the first name
    bool channelPost = false;

    static CommandOrigin ofMessage(const QJsonObject &message, bool channelPost);
    static CommandOrigin ofCallback(const QJsonObject &callbackQuery);
};

enum class CommandAccess
{
    Ignore,   // not a chat RigWatch answers in: no reply at all
    ReadOnly, // the configured chat, a sender who is not an admin (or none: a channel post)
    Full,     // an admin, in the configured chat or in a private chat with the bot
};

// configuredChat: [telegram] chat (an id or @channelname) and the supergroup it became, if any.
CommandAccess commandAccess(const CommandOrigin &origin, const QStringList &configuredChats,
                            const QVector<qint64> &admins);

} // namespace rw
