#include "notify/commanddesk.h"

#include "clock.h"
#include "notify/mutestate.h"
#include "notify/notifier.h"
#include "notify/telegramclient.h"
#include "util/units.h"

#include <QJsonArray>
#include <QPointer>

#include <algorithm>

namespace rw {

namespace {

QString esc(const QString &text)
{
    return MessageFormatter::escapeHtml(MessageFormatter::displayable(text.left(200)));
}

QString idText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}
} // namespace

CommandDesk::CommandDesk(const TelegramConfig &config, TelegramClient *client,
                         TelegramNotifier *notifier, MuteState *mutes, const Clock *clock,
                         QObject *parent)
    : QObject(parent), m_config(config), m_client(client), m_notifier(notifier), m_mutes(mutes),
      m_clock(clock), m_formatter(config.language)
{
    const auto notYet = [this](const Request &r) {
        return m_formatter
            .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                          "/%1 is not available in this version of RigWatch."))
            .arg(r.command.name);
    };
    m_handlers.insert(QStringLiteral("digest"), notYet);
    m_handlers.insert(QStringLiteral("rebase"), notYet);
    connect(m_mutes, &MuteState::expired, this, &CommandDesk::muteExpired);
}

qint64 CommandDesk::nowSecs() const
{
    return m_clock ? m_clock->nowSecs() : QDateTime::currentSecsSinceEpoch();
}

QString CommandDesk::hhmm(qint64 ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(nowSecs(), Qt::UTC);
    return t.toString(t.date() == now.date() ? QStringLiteral("HH:mm")
                                             : QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QStringList CommandDesk::configuredChats() const
{
    // A group's own chat is where its people are on call: they may ask and silence too.
    return QStringList{m_config.chat, m_notifier->chat()} + m_notifier->router().groupChats();
}

void CommandDesk::start()
{
    QPointer<CommandDesk> self(this);
    m_client->getMe([self](const TelegramResult &r) {
        if (!self || !r.isSuccess())
            return;
        self->m_botName = r.result.toObject().value(QLatin1String("username")).toString();
    });
    for (const QString &lang : {QString(), QStringLiteral("zh")}) {
        QJsonArray list;
        for (const CommandSpec &s : commandSpecs())
            if (s.inMenu)
                list.append(QJsonObject{{QStringLiteral("command"), QLatin1String(s.name)},
                                        {QStringLiteral("description"),
                                         lang.isEmpty() ? QString::fromUtf8(s.english)
                                                        : QString::fromUtf8(s.chinese)}});
        m_client->setMyCommands(list, lang, [self](const TelegramResult &r) {
            if (!self || r.isSuccess() || self->m_menuFailureLogged)
                return;
            self->m_menuFailureLogged = true;
            qCWarning(lcNotify).noquote()
                << "Telegram's command menu could not be filled (setMyCommands:"
                << r.description + QStringLiteral("); commands still work when typed");
        });
    }
}

QJsonObject CommandDesk::keyboard() const
{
    const QString mute =
        QStringLiteral("\U0001F507 ") +
        m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Mute 1 h"));
    const QString ack =
        QStringLiteral("\u2705 ") +
        m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Acknowledge"));
    QJsonObject muteButton;
    muteButton.insert(QStringLiteral("text"), mute);
    muteButton.insert(QStringLiteral("callback_data"), QStringLiteral("mute:1h"));
    QJsonObject ackButton;
    ackButton.insert(QStringLiteral("text"), ack);
    ackButton.insert(QStringLiteral("callback_data"), QStringLiteral("ack"));
    QJsonArray row;
    row.append(muteButton);
    row.append(ackButton);
    QJsonArray rows;
    rows.append(row);
    QJsonObject markup;
    markup.insert(QStringLiteral("inline_keyboard"), rows);
    return markup;
}

void CommandDesk::handle(const QJsonObject &update)
{
    if (update.contains(QLatin1String("message")))
        onMessage(update.value(QLatin1String("message")).toObject(), false);
    else if (update.contains(QLatin1String("channel_post")))
        onMessage(update.value(QLatin1String("channel_post")).toObject(), true);
    else if (update.contains(QLatin1String("callback_query")))
        onCallback(update.value(QLatin1String("callback_query")).toObject());
}

void CommandDesk::onMessage(const QJsonObject &message, bool channelPost)
{
    const ParsedCommand command =
        parseCommand(message.value(QLatin1String("text")).toString(), m_botName);
    if (command.kind == ParsedCommand::NotACommand || command.kind == ParsedCommand::OtherBot)
        return;
    Request r;
    r.command = command;
    r.origin = CommandOrigin::ofMessage(message, channelPost);
    r.access = commandAccess(r.origin, configuredChats(), m_config.admins);
    if (r.access == CommandAccess::Ignore) {
        if (!m_ignoredChats.contains(r.origin.chat)) {
            m_ignoredChats.insert(r.origin.chat);
            qCInfo(lcNotify).noquote() << "ignoring commands from chat" << r.origin.chat
                                       << QStringLiteral("(%1)").arg(r.origin.chatType)
                                       << "- not the configured chat, nor an admin's private chat";
        }
        return;
    }
    qCInfo(lcNotify).noquote() << QStringLiteral("command /%1").arg(command.name) << "from"
                               << (r.origin.fromName.isEmpty() ? QStringLiteral("a channel post")
                                                               : r.origin.fromName)
                               << "in chat" << r.origin.chat;
    const QString text = run(r);
    if (!text.isEmpty())
        m_notifier->reply(r.origin.chat, text);
}

QString CommandDesk::run(const Request &r)
{
    if (r.command.kind == ParsedCommand::Unknown)
        return m_formatter
                   .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Unknown command /%1."))
                   .arg(esc(r.command.name)) +
               QLatin1Char('\n') + helpText();
    const CommandSpec *spec = commandSpec(r.command.name);
    if (spec && spec->changes && r.access != CommandAccess::Full) {
        if (r.origin.fromId == 0)
            return m_formatter
                .translated(QT_TRANSLATE_NOOP(
                    "rw::MessageFormatter",
                    "/%1 changes what RigWatch does: a channel post has no sender, "
                    "so send it from a private chat with the bot (admins only)."))
                .arg(r.command.name);
        return m_formatter
            .translated(QT_TRANSLATE_NOOP(
                "rw::MessageFormatter",
                "Not allowed: only the admins listed in [telegram] admins may use "
                "/%1."))
            .arg(r.command.name);
    }
    auto handler = m_handlers.constFind(r.command.name);
    if (handler != m_handlers.constEnd())
        return (*handler)(r);
    if (r.command.name == QLatin1String("status"))
        return statusText();
    if (r.command.name == QLatin1String("offline"))
        return offlineText();
    if (r.command.name == QLatin1String("mute"))
        return mute(r);
    if (r.command.name == QLatin1String("unmute"))
        return unmute(r);
    return helpText();
}

QString CommandDesk::fit(const QString &head, const QStringList &lines, const QString &tail) const
{
    // Within Telegram's 4096 characters, whatever the farm: the lines that do not fit become
    // "and N more".
    QString out = head;
    const int budget = MessageFormatter::kMaxLength - int(tail.size()) - 40;
    for (int i = 0; i < lines.size(); ++i) {
        if (out.size() + lines.at(i).size() + 1 > budget) {
            out += QStringLiteral("\u2026 ") +
                   m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "and %1 more"))
                       .arg(lines.size() - i) +
                   QLatin1Char('\n');
            break;
        }
        out += lines.at(i) + QLatin1Char('\n');
    }
    return out + tail;
}

QString CommandDesk::muteLine(const MuteRecord &m) const
{
    // The tray's "Pause alerts" is stored as by "tray": named for people in the chat.
    const QString by =
        m.by == QLatin1String("tray")
            ? m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "the desktop app"))
            : esc(m.by);
    if (m.untilMs == 0)
        return QStringLiteral("\U0001F507 ") +
               m_formatter
                   .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                 "Alerts paused by %1 until resumed"))
                   .arg(by);
    return QStringLiteral("\U0001F507 ") +
           m_formatter
               .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Alerts muted by %1 until %2"))
               .arg(by, hhmm(m.untilMs));
}

QString CommandDesk::statusText() const
{
    const qint64 now = nowSecs();
    QStringList lines;
    const QVector<AccountView> views = m_views ? m_views() : QVector<AccountView>();
    for (const AccountView &v : views) {
        const Incident &i = v.incident;
        int online = 0, total = 0;
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it) {
            if (it->status == WorkerStatus::Retired)
                continue;
            ++total;
            online += it->status == WorkerStatus::Online ? 1 : 0;
        }
        QString line =
            (i.isEmpty() ? QStringLiteral("\U0001F7E2 ") : QStringLiteral("\U0001F534 ")) +
            QStringLiteral("<b>") + esc(v.displayName) + QStringLiteral("</b>: ") +
            m_formatter
                .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 of %2 workers online"))
                .arg(online)
                .arg(total) +
            QStringLiteral(", ") + formatHashRate(v.totalHashRate);
        if (v.minHashRate > 0)
            line += QLatin1Char(' ') +
                    m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "(floor %1)"))
                        .arg(formatHashRate(v.minHashRate));
        if (!v.lastPollOk && v.state.lastAttemptAt == 0)
            line += QLatin1Char(' ') + m_formatter.translated(QT_TRANSLATE_NOOP(
                                           "rw::MessageFormatter", "(not polled yet)"));
        lines << line;
        if (i.poolUnreachable)
            lines << QStringLiteral("  ") +
                         m_formatter
                             .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                           "pool not answering for %1: %2"))
                             .arg(m_formatter.duration(now - i.unreachableSince),
                                  esc(i.unreachableReason));
        if (i.hashrateLow)
            lines << QStringLiteral("  ") +
                         m_formatter.translated(
                             QT_TRANSLATE_NOOP("rw::MessageFormatter", "hashrate below the floor"));
        QVector<Incident::Down> down = i.down;
        std::sort(down.begin(), down.end(), [](const Incident::Down &a, const Incident::Down &b) {
            return a.since < b.since;
        });
        for (const Incident::Down &d : down)
            lines << QStringLiteral("  ") +
                         (d.status == WorkerStatus::Missing
                              ? m_formatter.translated(
                                    QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 missing for %2"))
                              : m_formatter.translated(
                                    QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 offline for %2")))
                             .arg(esc(d.worker), m_formatter.duration(now - d.since));
    }
    if (views.isEmpty())
        lines << m_formatter.translated(
            QT_TRANSLATE_NOOP("rw::MessageFormatter", "No account is watched."));
    QString tail;
    for (const MuteRecord &m : m_mutes->all())
        if (m_mutes->active(m.scope))
            tail += muteLine(m) + QLatin1Char('\n');
    const QString head =
        QStringLiteral("<b>") +
        m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "RigWatch status at %1"))
            .arg(m_formatter.utcTime(now) + QStringLiteral(" UTC")) +
        QStringLiteral("</b>\n");
    return fit(head, lines, tail).trimmed();
}

QString CommandDesk::offlineText() const
{
    const qint64 now = nowSecs();
    struct Row
    {
        qint64 since;
        QString text;
    };
    QVector<Row> rows;
    const QVector<AccountView> views = m_views ? m_views() : QVector<AccountView>();
    for (const AccountView &v : views)
        for (const Incident::Down &d : v.incident.down)
            rows.append(
                {d.since, (d.status == WorkerStatus::Missing
                               ? m_formatter.translated(
                                     QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 missing for %2"))
                               : m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                                          "%1 offline for %2")))
                                  .arg(esc(d.worker), m_formatter.duration(now - d.since)) +
                              QStringLiteral(" (") + esc(v.displayName) + QLatin1Char(')')});
    if (rows.isEmpty())
        return QStringLiteral("\U0001F7E2 ") +
               m_formatter.translated(
                   QT_TRANSLATE_NOOP("rw::MessageFormatter", "No worker is offline or missing."));
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.since < b.since; });
    QStringList lines;
    for (const Row &r : rows)
        lines << r.text;
    const QString head =
        QStringLiteral("<b>") +
        m_formatter
            .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 workers offline or missing"))
            .arg(rows.size()) +
        QStringLiteral("</b>\n");
    return fit(head, lines, {}).trimmed();
}

QString CommandDesk::helpText() const
{
    const bool chinese = m_formatter.language().startsWith(QLatin1String("zh"));
    QString out =
        QStringLiteral("<b>") +
        m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "RigWatch answers:")) +
        QStringLiteral("</b>\n");
    for (const CommandSpec &s : commandSpecs())
        if (s.inMenu)
            out += QLatin1Char('/') + QLatin1String(s.name) + QStringLiteral(" \u2014 ") +
                   esc(QString::fromUtf8(chinese ? s.chinese : s.english)) + QLatin1Char('\n');
    return out.trimmed();
}

QString CommandDesk::mute(const Request &r)
{
    qint64 secs = 3600;
    QStringList args = r.command.args;
    if (!args.isEmpty()) {
        if (const auto d = parseDuration(args.first())) {
            secs = *d;
            args.removeFirst();
        } else if (args.first().at(0).isDigit()) {
            return m_formatter
                .translated(QT_TRANSLATE_NOOP(
                    "rw::MessageFormatter",
                    "\"%1\" is not a duration: write 30m, 2h or 1d (at most 30 d)."))
                .arg(esc(args.first()));
        }
    }
    if (!args.isEmpty())
        return m_formatter
            .translated(QT_TRANSLATE_NOOP(
                "rw::MessageFormatter",
                "There is no group \"%1\": this version mutes the whole chat (/mute "
                "2h)."))
            .arg(esc(args.first()));
    MuteRecord m;
    m.untilMs = (nowSecs() + secs) * 1000;
    m.by = r.origin.fromName.isEmpty() ? QString::number(r.origin.fromId) : r.origin.fromName;
    m.replyChat = r.origin.chat;
    m_mutes->mute(m);
    qCInfo(lcNotify).noquote() << "alerts muted by" << m.by << "for" << secs << "s";
    return muteLine(m) + QLatin1Char('\n') +
           m_formatter.translated(QT_TRANSLATE_NOOP(
               "rw::MessageFormatter", "Live messages are still updated; /unmute ends it."));
}

QString CommandDesk::unmute(const Request &r)
{
    if (!r.command.args.isEmpty())
        return m_formatter
            .translated(QT_TRANSLATE_NOOP(
                "rw::MessageFormatter",
                "There is no group \"%1\": this version mutes the whole chat (/mute "
                "2h)."))
            .arg(esc(r.command.args.first()));
    if (!m_mutes->isMuted())
        return m_formatter.translated(
            QT_TRANSLATE_NOOP("rw::MessageFormatter", "Alerts were not muted."));
    m_mutes->unmute(QString());
    qCInfo(lcNotify).noquote() << "alerts unmuted by" << r.origin.fromName;
    return QStringLiteral("\U0001F514 ") +
           m_formatter
               .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                             "Alerts are on again (unmuted by %1)."))
               .arg(esc(r.origin.fromName));
}

void CommandDesk::muteExpired(const MuteRecord &mute)
{
    if (mute.untilMs == 0 || mute.by == QLatin1String("tray"))
        return; // a pause ends where it was set, and the desktop shows that
    const QString chat = mute.replyChat.isEmpty() ? m_notifier->chat() : mute.replyChat;
    m_notifier->reply(chat,
                      QStringLiteral("\U0001F514 ") +
                          m_formatter
                              .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                            "The mute set by %1 has ended; alerts "
                                                            "are on again."))
                              .arg(esc(mute.by)));
}

void CommandDesk::onCallback(const QJsonObject &query)
{
    const QString id = idText(query.value(QLatin1String("id")));
    const QString data = query.value(QLatin1String("data")).toString();
    const CommandOrigin origin = CommandOrigin::ofCallback(query);
    const CommandAccess access = commandAccess(origin, configuredChats(), m_config.admins);
    if (access != CommandAccess::Full) {
        qCInfo(lcNotify).noquote()
            << "button" << data << "pressed by" << origin.fromName << "(not an admin): refused";
        answerCallback(id, m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                                    "Not allowed: admins only.")));
        return;
    }
    if (data == QLatin1String("mute:1h")) {
        MuteRecord m;
        m.untilMs = (nowSecs() + 3600) * 1000;
        m.by = origin.fromName;
        m.replyChat = origin.chat;
        m_mutes->mute(m);
        qCInfo(lcNotify).noquote() << "alerts muted for 1 h by" << m.by << "(button)";
        answerCallback(
            id, m_formatter
                    .translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Alerts muted until %1"))
                    .arg(hhmm(m.untilMs)));
        return;
    }
    if (data == QLatin1String("ack")) {
        const qint64 messageId = query.value(QLatin1String("message"))
                                     .toObject()
                                     .value(QLatin1String("message_id"))
                                     .toInteger();
        QString account;
        if (m_notifier->acknowledge(origin.chat, messageId, origin.fromName, &account))
            answerCallback(id, m_formatter.translated(
                                   QT_TRANSLATE_NOOP("rw::MessageFormatter", "Acknowledged")));
        else
            answerCallback(id, m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter",
                                                                        "This alert is over.")));
        return;
    }
    answerCallback(
        id, m_formatter.translated(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Unknown button.")));
}

void CommandDesk::answerCallback(const QString &id, const QString &text)
{
    // Answered at once, not paced: it posts nothing, and the button spins until it comes.
    m_client->answerCallbackQuery(id, text, [](const TelegramResult &r) {
        if (!r.isSuccess())
            qCInfo(lcNotify).noquote() << "answerCallbackQuery failed:" << r.description;
    });
}

} // namespace rw
