#pragma once

#include <QString>

#include <array>
#include <string>
#include <string_view>

namespace rw {

// Texts that many records repeat, decoded from UTF-8 once: the hosts of a farm's rigs are a few
// public addresses (one NAT), so a reply or a store of 100,000 workers holds a few hundred
// distinct ones. Direct-mapped: a text evicts the one in its slot, so records of unique texts
// cost one hash and one decode each, no more, and the memory stays fixed.
class TextCache
{
public:
    QString text(std::string_view utf8);

private:
    static constexpr size_t kSlots = 256;
    struct Slot
    {
        std::string bytes;
        QString text;
    };
    std::array<Slot, kSlots> m_slots;
};

} // namespace rw
