#include "notify/telegramselftest.h"

#include "notify/telegramclient.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace rw {

namespace {

QString sendFailure(const TelegramResult &r, const QString &chat)
{
    switch (r.kind) {
    case TelegramResult::ChatNotFound:
        return TelegramSelfTest::tr("Chat not found: \"%1\" does not exist or the bot was never "
                                    "added to it (a channel is @name or -100…)")
            .arg(chat);
    case TelegramResult::Forbidden:
        return TelegramSelfTest::tr("The bot is not a member of \"%1\" or may not post there: "
                                    "add it as an administrator that can post messages")
                   .arg(chat) +
               (r.description.isEmpty()
                    ? QString()
                    : TelegramResult::tr(" (Telegram said: \"%1\")").arg(r.description));
    case TelegramResult::Migrated:
        return TelegramSelfTest::tr("The group became a supergroup: set chat = %1")
            .arg(r.migrateToChatId);
    default:
        return TelegramSelfTest::tr("Could not post the test message: %1").arg(r.explanation());
    }
}

} // namespace

void TelegramSelfTest::run(TelegramClient *client, const QString &chat, const QString &text,
                           bool deleteRequired, QObject *context, Done done, int gapMs)
{
    QPointer<QObject> guard(context);
    auto finish = [guard, done](bool ok, const QString &message) {
        if (guard && done)
            done(ok, message);
    };
    QPointer<TelegramClient> c(client);
    client->getMe([=](const TelegramResult &me) {
        if (!me.isSuccess()) {
            finish(false, me.kind == TelegramResult::Transient
                              ? tr("Telegram could not be reached: %1").arg(me.description)
                              : me.explanation());
            return;
        }
        const QString bot =
            QLatin1Char('@') + me.result.toObject().value(QLatin1String("username")).toString();
        if (!c)
            return;
        c->sendMessage(chat, text, true, [=](const TelegramResult &sent) {
            if (!sent.isSuccess() || sent.messageId() == 0) {
                finish(false, sendFailure(sent, chat));
                return;
            }
            if (!c)
                return;
            QTimer::singleShot(std::max(0, gapMs), c, [=] {
                if (!c)
                    return;
                c->deleteMessage(chat, sent.messageId(), [=](const TelegramResult &del) {
                    if (del.isSuccess() || del.kind == TelegramResult::NotFound) {
                        finish(true,
                               tr("%1 posted a test message in %2 and deleted it").arg(bot, chat));
                    } else if (del.kind == TelegramResult::CantDelete) {
                        finish(!deleteRequired,
                               tr("%1 can post in %2 but may not delete messages, so alerts "
                                  "cannot be taken back: give it the \"Delete messages\" right or "
                                  "set retract = edit. The test message is still in the chat")
                                   .arg(bot, chat));
                    } else {
                        finish(false,
                               tr("%1 posted a test message in %2 but deleting it failed: %3")
                                   .arg(bot, chat, del.explanation()));
                    }
                });
            });
        });
    });
}

} // namespace rw
