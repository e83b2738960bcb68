#include "pool/toplevellist.h"

#include "pool/jsonspace.h"

namespace rw {

TopLevelListFinder::Verdict TopLevelListFinder::scan(QByteArrayView text, qsizetype from,
                                                     qsizetype *at)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        const char c = text.at(i);
        if (m_inString) {
            if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '"') {
                m_inString = false;
                if (m_keyStart >= 0) {
                    m_key = text.sliced(m_keyStart, i - m_keyStart) == "workers" ? Key::Read
                                                                                 : Key::None;
                    m_keyStart = -1;
                }
            }
            continue;
        }
        if (isJsonSpace(c))
            continue;
        if (c == ':' && m_depth == 1) { // (the name separator is required: fuzz_v1parser)
            m_key = m_key == Key::Read ? Key::Colon : Key::None;
            continue;
        }
        if (m_depth == 0 && c != '{')
            return Verdict::NotHere; // not an object, or something after it
        if (m_depth == 1 && m_key == Key::Colon && c == '[') {
            *at = i;
            return Verdict::Found;
        }
        const bool wasExpectingKey = m_expectKey && m_depth == 1;
        m_key = Key::None;
        m_expectKey = false;
        switch (c) {
        case '"':
            m_inString = true;
            if (wasExpectingKey)
                m_keyStart = i + 1;
            break;
        case '{':
        case '[':
            if (++m_depth == 1)
                m_expectKey = true;
            break;
        case '}':
        case ']':
            if (--m_depth <= 0)
                return Verdict::NotHere;
            break;
        case ',':
            m_expectKey = m_depth == 1;
            break;
        default:
            break;
        }
    }
    return Verdict::More;
}

} // namespace rw
