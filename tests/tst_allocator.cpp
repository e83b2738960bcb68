// The one-shot run's memory policy (util/allocator.h) must take effect: an earlier version's
// preprocessor test compiled it to nothing, and no figure showed it. Asked of the kernel: is
// the memory a table is carved from eligible for transparent huge pages?
#include "util/allocator.h"

#include <QFile>
#include <QTest>

#include <cstdlib>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

using namespace rw;

namespace {

// The mode in /sys/kernel/mm/transparent_hugepage/enabled ("always", "madvise", "never"), or
// empty where the kernel has none.
QByteArray hugePageMode()
{
    QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    const int open = line.indexOf('['), close = line.indexOf(']');
    return open >= 0 && close > open ? line.mid(open + 1, close - open - 1) : QByteArray();
}

// The "THPeligible" of the mapping holding `p` in /proc/self/smaps: 1, 0, or -1 when unknown.
int hugePageEligible(const void *p)
{
    QFile f(QStringLiteral("/proc/self/smaps"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const quintptr at = quintptr(p);
    bool inside = false;
    // Read whole: a /proc file has no size, so QFile::atEnd() would be true from the start.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.startsWith("THPeligible")) {
            bool ok1 = false, ok2 = false;
            const quintptr from = line.left(dash).toULongLong(&ok1, 16);
            const quintptr to = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (ok1 && ok2) {
                inside = from <= at && at < to;
                continue;
            }
        }
        if (inside && line.startsWith("THPeligible:"))
            return line.mid(12).trimmed().toInt();
    }
    return -1;
}

} // namespace

class TestAllocator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void largeArrayIsAdvised();
    void heapGrowsInHugePages();
};

void TestAllocator::init()
{
#if !defined(__GLIBC__) || !defined(__linux__)
    QSKIP("the policy is for glibc on Linux");
#endif
    const QByteArray mode = hugePageMode();
    if (mode != "madvise" && mode != "always")
        QSKIP(qPrintable(QStringLiteral("this kernel offers no transparent huge pages (%1)")
                             .arg(QString::fromLatin1(mode.isEmpty() ? "none" : mode))));
    if (hugePageEligible(&mode) < 0)
        QSKIP("this kernel's /proc/self/smaps does not say THPeligible");
}

// An array mapped apart (a reply's samples), advised before it is filled.
void TestAllocator::largeArrayIsAdvised()
{
#if defined(__linux__)
    constexpr size_t kBytes = 8 * 1024 * 1024;
    void *array = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(array != MAP_FAILED);
    char *middle = static_cast<char *>(array) + kBytes / 2;
    if (hugePageMode() == "madvise")
        QCOMPARE(hugePageEligible(middle), 0); // what the advice changes
    adviseHugePages(array, kBytes);
    QCOMPARE(hugePageEligible(middle), 1);
    munmap(array, kBytes);
#endif
}

// The heap a one-shot run restores its table into: the small objects allocated after the call
// (a hash's spans, names) lie in memory eligible for huge pages, well into the 48 MiB asked for.
void TestAllocator::heapGrowsInHugePages()
{
    growHeapInHugePages(48 * 1024 * 1024);
    std::vector<void *> table;
    for (int i = 0; i < 2500; ++i) // ~25 MB of spans
        table.push_back(std::malloc(10 * 1024));
    const void *middle = table[table.size() / 2];
    const int eligible = hugePageEligible(middle);
    for (void *p : table)
        std::free(p);
    QCOMPARE(eligible, 1);
}

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
