#pragma once

#include <cstddef>

namespace rw {

// For a process that builds one large table in this thread and then ends (rigwatchd --once
// restoring a farm's workers): the next `bytes` of the heap are advised for transparent huge
// pages, so the table's first touch costs a page fault per 2 MiB instead of one per 4 KiB. On
// the virtual machines the benchmarks ran on a 4 KiB fault costs 6-12 µs, and a 100,000-worker
// table is ~30 MB: more time than building it. Size it to what the table takes: a huge page
// is resident whole once touched, so room left over would be filled by the run's short-lived
// buffers and count in its memory (docs/benchmarks.md, figure 9).
//
// It fixes glibc's thresholds to do so (setting them ends their adapting): the heap keeps the
// block (no trim below it), and blocks of 4 MiB and more (a reply's samples) are mapped apart.
// Not for the long-running programs, whose heap keeps glibc's own policy. Nothing under 4 MiB,
// where huge pages are disabled, or off glibc and Linux.
void growHeapInHugePages(size_t bytes);

// Advises the whole huge pages inside [data, data + bytes) for transparent huge pages: for a
// large array about to be filled from start to end (a reply's samples), whose first touch
// would otherwise fault every 4 KiB. Those pages are the array's alone while it lives; an array
// carved from the heap leaves them eligible after it is freed, so keep it to arrays a process
// keeps or maps apart.
void adviseHugePages(void *data, size_t bytes);

} // namespace rw
