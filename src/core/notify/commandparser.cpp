#include "notify/commandparser.h"

#include <QRegularExpression>

namespace rw {

const QVector<CommandSpec> &commandSpecs()
{
    static const QVector<CommandSpec> specs = {
        {"status", false, true, "How the farm is now: workers online, what is down",
         "矿场现状：在线矿机与掉线情况"},
        {"offline", false, true, "Only the offline and missing workers, longest first",
         "仅列出离线和缺失的矿机，最久的在前"},
        {"mute", true, true, "Silence new alerts: /mute 2h (admins)",
         "暂停新告警：/mute 2h（管理员）"},
        {"unmute", true, true, "End the mute now (admins)", "立即结束静音（管理员）"},
        {"digest", false, false, "Send the daily digest now", "立即发送每日摘要"},
        {"rebase", true, false, "Accept a worker's hashrate as its usual (admins)",
         "将矿机当前算力设为常态（管理员）"},
        {"help", false, true, "What RigWatch answers", "RigWatch 支持的命令"},
    };
    return specs;
}

const CommandSpec *commandSpec(const QString &name)
{
    for (const CommandSpec &s : commandSpecs())
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

ParsedCommand parseCommand(const QString &text, const QString &botUsername)
{
    ParsedCommand c;
    const QString t = text.trimmed();
    static const QRegularExpression re(
        QStringLiteral("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(t);
    if (!m.hasMatch())
        return c;
    const QString bot = m.captured(2);
    if (!bot.isEmpty() && !botUsername.isEmpty() &&
        bot.compare(botUsername, Qt::CaseInsensitive) != 0) {
        c.kind = ParsedCommand::OtherBot;
        return c;
    }
    c.name = m.captured(1).toLower();
    c.args = m.captured(3).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    c.kind = commandSpec(c.name) ? ParsedCommand::Known : ParsedCommand::Unknown;
    return c;
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,7})([smhd])$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0).toLower();
    const qint64 secs = unit == QLatin1Char('s')   ? n
                        : unit == QLatin1Char('m') ? n * 60
                        : unit == QLatin1Char('h') ? n * 3600
                                                   : n * 86400;
    if (secs <= 0 || secs > kMaxMuteSecs)
        return std::nullopt;
    return secs;
}

} // namespace rw
