#pragma once

#include <QByteArrayView>

namespace rw {

// Whether the bytes hold the text "code" (with its quotes): the quick test for an f2pool error
// body (f2poolErrorMessage, WorkerListStream), run over every byte of every worker list, so a
// large worker list is never parsed a second time just to look for an error. 32 bytes at a time
// where the CPU has AVX2 (checked at run time), 16 with SSE2, memmem elsewhere; the same answer
// as a plain substring search on every path (tst_fastparser).
bool containsCodeKey(QByteArrayView bytes);

} // namespace rw
