#pragma once

namespace rw {

// How a Telegram text is written and sent: HTML parse mode (the normal case), or plain text
// without a parse mode, the fallback when Telegram refuses the HTML text itself ("message is too
// long", "can't parse entities").
enum class TextFormat
{
    Html,
    Plain,
};

} // namespace rw
