#include "pool/fast/codekeysearch.h"

#include <QtAlgorithms>
#include <QtGlobal>

#include <cstring>
#include <string_view>

#if defined(__SSE2__) || defined(_M_X64)
#include <immintrin.h>
#define RIGWATCH_SSE2 1
#endif

namespace rw {

namespace {
constexpr char kCodeKey[] = "\"code\"";
constexpr qsizetype kCodeKeyLen = sizeof kCodeKey - 1;

#ifdef RIGWATCH_SSE2
// Whether the key starts at one of the positions of p marked in mask (bit i: p + i).
bool codeKeyAt(const char *p, quint32 mask)
{
    for (; mask != 0; mask &= mask - 1)
        if (std::memcmp(p + qCountTrailingZeroBits(mask), kCodeKey, kCodeKeyLen) == 0)
            return true;
    return false;
}
#endif

#if defined(RIGWATCH_SSE2) && (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define RIGWATCH_AVX2 1
// The same as the SSE2 loop below, 32 bytes at a time, for CPUs that have AVX2 (checked at run
// time: the distribution's build targets plain x86-64). Returns where it stopped.
__attribute__((target("avx2"))) qsizetype findCodeKeyAvx2(const char *p, qsizetype n, bool *found)
{
    qsizetype i = 0;
    const __m256i c = _mm256_set1_epi8('c'), e = _mm256_set1_epi8('e');
    for (; i + 32 + kCodeKeyLen <= n; i += 32) {
        const __m256i atC =
            _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + 1)), c);
        const __m256i atE =
            _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i + 4)), e);
        if (codeKeyAt(p + i, quint32(_mm256_movemask_epi8(_mm256_and_si256(atC, atE))))) {
            *found = true;
            return i;
        }
    }
    return i;
}
#endif
} // namespace

bool containsCodeKey(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype i = 0;
#ifdef RIGWATCH_AVX2
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2) {
        bool found = false;
        i = findCodeKeyAvx2(p, n, &found);
        if (found)
            return true;
    }
#endif
#ifdef RIGWATCH_SSE2
    // Where 'c' stands at i + 1 and 'e' at i + 4, the whole key is compared (Mula's
    // SIMD-friendly substring search); both together are rare in a worker list.
    const __m128i c = _mm_set1_epi8('c'), e = _mm_set1_epi8('e');
    for (; i + 16 + kCodeKeyLen <= n; i += 16) {
        const __m128i atC =
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + 1)), c);
        const __m128i atE =
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + 4)), e);
        if (codeKeyAt(p + i, quint32(_mm_movemask_epi8(_mm_and_si128(atC, atE)))))
            return true;
    }
#endif
    if (n - i < kCodeKeyLen)
        return false;
#ifdef _MSC_VER // no memmem
    return std::string_view(p + i, size_t(n - i)).find(std::string_view(kCodeKey, kCodeKeyLen)) !=
           std::string_view::npos;
#else
    return memmem(p + i, size_t(n - i), kCodeKey, kCodeKeyLen) != nullptr;
#endif
}

} // namespace rw
