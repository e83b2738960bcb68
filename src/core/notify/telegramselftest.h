#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

namespace rw {

class TelegramClient;

// "Send test message": getMe (is the token good?), sendMessage (may the bot post in this
// chat?), deleteMessage (may it take alerts back?). Reports the first thing that went wrong in
// plain words, or what worked. Used by the notifier, the GUI button and rigwatchd --test-telegram.
struct TelegramSelfTest
{
    Q_DECLARE_TR_FUNCTIONS(TelegramSelfTest)
public:
    // ok is false when any step failed, including a delete that was refused while
    // deleteRequired (retract = delete needs that right).
    using Done = std::function<void(bool ok, const QString &message)>;
    // gapMs: the delete waits that long after the post's answer (the chat's pacing).
    static void run(TelegramClient *client, const QString &chat, const QString &text,
                    bool deleteRequired, QObject *context, Done done, int gapMs = 0);
};

} // namespace rw
