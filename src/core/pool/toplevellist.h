#pragma once

#include <QByteArrayView>

namespace rw {

// Finds where the value of the top-level key "workers" starts, when it is a list, by reading a
// JSON object's text up to it (strings, escapes, nesting) - as it arrives, or all at once. Keys
// are compared as raw bytes: a key spelled with escapes is simply not found, and the caller
// reads the reply another way (same result, more slowly).
class TopLevelListFinder
{
public:
    enum class Verdict
    {
        More,    // not yet: feed what follows
        Found,   // *at is the offset of the list's '['
        NotHere, // the text is not an object, or the object ended before such a list
    };
    // Reads text[from, text.size()): call again with the same text grown and `from` where the
    // last call stopped (text.size() then).
    Verdict scan(QByteArrayView text, qsizetype from, qsizetype *at);

private:
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_expectKey = false;
    enum class Key
    {
        None,
        Read,
        Colon
    }; // the top-level key "workers", then its ':'
    Key m_key = Key::None;
    qsizetype m_keyStart = -1;
};

} // namespace rw
