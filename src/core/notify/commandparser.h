#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace rw {

// The commands RigWatch answers, and how one is read from a message's text. Pure: no I/O.
//
// A command is text starting with '/', its name 1-32 letters, digits or '_', optionally
// followed by "@BotName" (how groups address one of several bots; matched without regard to
// case), then arguments separated by white space (docs/telegram.md).
struct ParsedCommand
{
    enum Kind
    {
        NotACommand, // ordinary text: ignored without a word
        OtherBot,    // "/status@SomeoneElsesBot": not for us
        Known,
        Unknown, // "/frobnicate": answered with the list of commands
    };
    Kind kind = NotACommand;
    QString name; // lower case, without '/' and "@bot"
    QStringList args;
};

struct CommandSpec
{
    const char *name;
    bool changes;        // changes something: admins only
    bool inMenu;         // offered by setMyCommands
    const char *english; // the menu's description
    const char *chinese;
};

// Every command, in the order /help lists them. /digest and /rebase wait for features that have
// not landed; they are known (so they get a clear answer) but not in the menu.
const QVector<CommandSpec> &commandSpecs();
const CommandSpec *commandSpec(const QString &name);

// botUsername: the bot's own @username (without '@'); empty = not known yet, any suffix passes.
ParsedCommand parseCommand(const QString &text, const QString &botUsername);

// "30m", "2h", "1d" (also "90s", "1h30m" is not accepted): seconds, or nothing when the text is
// no duration or is zero or beyond kMaxMuteSecs.
inline constexpr qint64 kMaxMuteSecs = 30LL * 86400;
std::optional<qint64> parseDuration(const QString &text);

} // namespace rw
