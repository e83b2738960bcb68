#include "util/allocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rw {

void keepLargeBuffersOutOfTheHeap()
{
#if defined(__GLIBC__)
    // Setting it at all turns off the dynamic adjustment; 128 KiB is glibc's own default.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

} // namespace rw
