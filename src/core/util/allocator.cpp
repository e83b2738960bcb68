// allocator.h's <cstddef> comes first: it is what defines __GLIBC__ on glibc.
#include "util/allocator.h"

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#if defined(MADV_HUGEPAGE)
#define RIGWATCH_HUGE_HEAP 1
#endif
#endif

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace rw {

namespace {
constexpr size_t kHuge = 2 * 1024 * 1024;
} // namespace

void growHeapInHugePages(size_t bytes)
{
#if defined(RIGWATCH_HUGE_HEAP)
    // Blocks under glibc's largest mmap threshold (32 MiB) come from the heap when it is raised,
    // as few as can be: allocating one writes a header where the next begins, and the huge
    // page holding it then starts as small pages.
    constexpr size_t kStep = 30 * 1024 * 1024;
    constexpr size_t kMaxBlocks = 34; // 1 GiB: far beyond any farm's table
    constexpr int kLargeBuffer = 4 * 1024 * 1024;
    if (bytes < 2 * kHuge)
        return;
    // Freed, the blocks stay the heap's top (not given back) and the table is carved from them.
    mallopt(M_TRIM_THRESHOLD, int(std::min(bytes, kStep * kMaxBlocks) + kStep));
    mallopt(M_MMAP_THRESHOLD, int(kStep + kHuge));
    void *blocks[kMaxBlocks] = {};
    size_t n = 0;
    std::uintptr_t low = UINTPTR_MAX, high = 0;
    for (size_t got = 0; got < bytes && n < kMaxBlocks; got += kStep) {
        void *p = std::malloc(kStep);
        if (!p)
            break;
        blocks[n++] = p;
        low = std::min(low, std::uintptr_t(p));
        high = std::max(high, std::uintptr_t(p) + kStep);
    }
    // Across the blocks where they lie end to end (the heap's top, the usual case), else each
    // on its own: the advice never reaches memory between them.
    if (n > 0 && high - low <= n * (kStep + 64)) {
        adviseHugePages(reinterpret_cast<void *>(low), high - low);
    } else {
        for (size_t i = 0; i < n; ++i)
            adviseHugePages(blocks[i], kStep);
    }
    while (n > 0)
        std::free(blocks[--n]);
    mallopt(M_MMAP_THRESHOLD, kLargeBuffer);
#else
    (void)bytes;
#endif
}

void adviseHugePages(void *data, size_t bytes)
{
#if defined(RIGWATCH_HUGE_HEAP)
    // Whole huge pages only: the edges may share their pages with other allocations.
    const std::uintptr_t from = (std::uintptr_t(data) + kHuge - 1) & ~std::uintptr_t(kHuge - 1);
    const std::uintptr_t to = (std::uintptr_t(data) + bytes) & ~std::uintptr_t(kHuge - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace rw
