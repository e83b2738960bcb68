#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"
#include "notify/commandaccess.h"
#include "notify/commandparser.h"
#include "notify/messageformatter.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>

namespace rw {

class Clock;
class MuteState;
class TelegramClient;
class TelegramNotifier;
struct MuteRecord;
struct TelegramResult;

// Carries out what arrives from Telegram (UpdateReader's updates): commands and button presses,
// each authorized (commandaccess.h), answered in the channel's language through the notifier's
// paced replies, and acting on the same state the tray uses (MuteState, the notifier's live
// messages). Everything from a chat it does not answer in is ignored without a reply and logged
// once per chat, so the bot cannot be used to spam.
class CommandDesk : public QObject
{
    Q_OBJECT
public:
    // What a command handler gets; its reply is the HTML it returns.
    struct Request
    {
        ParsedCommand command;
        CommandOrigin origin;
        CommandAccess access = CommandAccess::ReadOnly;
    };
    using Handler = std::function<QString(const Request &)>;

    // client: for getMe, setMyCommands and answerCallbackQuery (not paced: they post nothing).
    CommandDesk(const TelegramConfig &config, TelegramClient *client, TelegramNotifier *notifier,
                MuteState *mutes, const Clock *clock, QObject *parent = nullptr);

    // Where /status and /offline read the farm from (Engine::views()).
    void setViews(std::function<QVector<AccountView>()> views) { m_views = std::move(views); }
    // Replaces the handler of a command: /digest and /rebase answer "not available in this
    // version" until the features they need register theirs here.
    void setHandler(const QString &name, Handler handler) { m_handlers[name] = std::move(handler); }

    // Learns the bot's name (getMe) and fills the command menu (setMyCommands, English and
    // Chinese); an API without these is logged once and otherwise ignored.
    void start();
    void handle(const QJsonObject &update);

    // The keyboard of live incident messages: Mute 1 h (mute:1h) and Acknowledge (ack).
    QJsonObject keyboard() const;
    // The texts, for tests and the tray.
    QString statusText() const;
    QString offlineText() const;
    QString helpText() const;
    QString muteLine(const MuteRecord &mute) const;

private:
    void onMessage(const QJsonObject &message, bool channelPost);
    void onCallback(const QJsonObject &query);
    void answerCallback(const QString &id, const QString &text);
    QString run(const Request &r);
    QString mute(const Request &r);
    QString unmute(const Request &r);
    void muteExpired(const MuteRecord &mute);
    QString tr2(const char *source) const { return m_formatter.translated(source); }
    QString fit(const QString &head, const QStringList &lines, const QString &tail) const;
    qint64 nowSecs() const;
    QString hhmm(qint64 ms) const;
    QStringList configuredChats() const;

    TelegramConfig m_config;
    TelegramClient *m_client;
    TelegramNotifier *m_notifier;
    MuteState *m_mutes;
    const Clock *m_clock;
    MessageFormatter m_formatter;
    std::function<QVector<AccountView>()> m_views;
    QHash<QString, Handler> m_handlers;
    QString m_botName;
    QSet<QString> m_ignoredChats; // logged once each
    bool m_menuFailureLogged = false;
};

} // namespace rw
