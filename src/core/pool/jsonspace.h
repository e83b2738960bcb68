#pragma once

namespace rw {

// JSON's four whitespace characters (RFC 8259 "ws"): what may stand between tokens.
constexpr bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace rw
