#pragma once

namespace rw {

// Makes the C library's allocator hand large buffers (128 KiB and more: slices of a worker list,
// the snapshot's array, error pages) straight back to the system when they are freed. glibc's
// default raises that threshold after the first such buffer is freed, and from then on large
// transient buffers are carved from the heap among long-lived small objects (worker names), where
// they keep the process's memory high long after a poll. Call once at start-up, before threads.
// A no-op where the C library is not glibc.
void keepLargeBuffersOutOfTheHeap();

} // namespace rw
