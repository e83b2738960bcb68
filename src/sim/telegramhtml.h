#pragma once

#include <QJsonArray>
#include <QString>

namespace rw::sim {

// Telegram's HTML parse mode as the Bot API applies it (modelled on tdlib's parse_html):
// tags become entities, HTML entities are decoded, and anything malformed is an error whose
// text follows "can't parse entities: ...". Offsets and lengths are UTF-16 units, as in the API.
struct TelegramText
{
    QString text;        // plain text after parsing
    QJsonArray entities; // MessageEntity objects, sorted by offset
    QString error;       // empty on success; the part after "can't parse entities: "
    bool ok() const { return error.isEmpty(); }
};

// Only b i u s code pre a blockquote tg-spoiler are accepted (docs/telegram.md, HTML parse mode).
// strictAmpersand: an '&' that starts no entity is an error (the documented rule; tdlib itself
// keeps it).
TelegramText parseTelegramHtml(const QString &html, bool strictAmpersand = true);

// Text that is sent without parse_mode.
TelegramText plainTelegramText(const QString &text);

} // namespace rw::sim
