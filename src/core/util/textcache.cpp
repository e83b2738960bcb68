#include "util/textcache.h"

#include <functional>

namespace rw {

QString TextCache::text(std::string_view utf8)
{
    Slot &slot = m_slots[std::hash<std::string_view>{}(utf8) % kSlots];
    if (slot.bytes != utf8) {
        slot.bytes.assign(utf8.data(), utf8.size());
        slot.text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    }
    return slot.text;
}

} // namespace rw
