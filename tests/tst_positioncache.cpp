// The monitor's position cache: whatever happens to the table between and during polls (the
// same order, another order, inserts, erases, a copy held and detached, a table replaced), the
// state it finds for a worker is that worker's state in the table as it is now.
#include "monitor/positioncache.h"

#include <algorithm>

#include <QSet>
#include <QTest>

using namespace rw;

namespace {

using States = PositionCache::States;

WorkerSample sample(const QString &name)
{
    WorkerSample s;
    s.name = name;
    return s;
}

QVector<WorkerSample> names(int from, int count)
{
    QVector<WorkerSample> list;
    for (int i = from; i < from + count; ++i)
        list.append(sample(QStringLiteral("rig-%1").arg(i)));
    return list;
}

// One poll as Monitor::applySnapshot makes it: each worker found, or inserted when new, then
// the workers not listed erased (forgotten); the first difference from the table in words.
QString poll(PositionCache &cache, States &states, const QVector<WorkerSample> &workers)
{
    states.detach();
    const bool firstPoll = states.isEmpty();
    cache.begin(states, workers.size());
    for (const WorkerSample &w : workers) {
        if (w.name.isEmpty()) {
            cache.skip();
            continue;
        }
        WorkerState *found = cache.find(states, w.name);
        const auto it = states.find(w.name);
        if (it == states.end()) {
            if (found)
                return QStringLiteral("%1: found a state the table does not hold").arg(w.name);
            WorkerState st;
            st.sample = w;
            states.insert(w.name, st);
            cache.moved();
            continue;
        }
        if (found != &*it)
            return QStringLiteral("%1: found %2, the table holds it at %3")
                .arg(w.name)
                .arg(quintptr(found), 0, 16)
                .arg(quintptr(&*it), 0, 16);
    }
    QSet<QString> listed;
    for (const WorkerSample &w : workers)
        listed.insert(w.name);
    for (auto it = states.begin(); it != states.end();) {
        if (listed.contains(it.key())) {
            ++it;
            continue;
        }
        it = states.erase(it);
        cache.moved();
    }
    cache.finish(states, workers, firstPoll);
    return {};
}

} // namespace

class TestPositionCache : public QObject
{
    Q_OBJECT

private slots:
    void findsEachWorkersOwnState();
    void seededFromStoreIds();
};

void TestPositionCache::findsEachWorkersOwnState()
{
    PositionCache cache;
    States states;
    const QVector<WorkerSample> farm = names(0, 500);
    QVERIFY(poll(cache, states, farm).isEmpty()); // the first poll inserts them all
    for (int round = 0; round < 2; ++round) {     // the same order: by position
        const QString diff = poll(cache, states, farm);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    QVector<WorkerSample> reversed(farm.crbegin(), farm.crend());
    reversed.insert(10, sample(QString())); // a worker without a name
    QString diff = poll(cache, states, reversed);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // A copy held across a poll: the write detaches, and every state moves.
    const States held = states;
    diff = poll(cache, states, farm);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(held.size(), states.size());

    // Grown during a poll (a rehash), then shrunk during one (erased), each followed by a poll
    // in the same order.
    for (const QVector<WorkerSample> &list : {names(0, 5000), names(4000, 1000)}) {
        for (int round = 0; round < 2; ++round) {
            diff = poll(cache, states, list);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QCOMPARE(states.size(), list.size());
        }
    }

    // Another table altogether.
    States other;
    for (const WorkerSample &w : names(0, 300))
        other.insert(w.name, WorkerState{w});
    cache.clear();
    diff = poll(cache, other, names(0, 300));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// States just restored (Monitor::restore) have no last snapshot; their store ids, given in the
// order of the account's first reply, stand for it: the workers the last reply listed, in id
// order, with an unlisted (missing) one left out. Whatever the next reply's order, each worker
// gets its own state.
void TestPositionCache::seededFromStoreIds()
{
    const QVector<WorkerSample> workers = names(0, 50);
    States states;
    for (qsizetype i = 0; i < workers.size(); ++i) {
        WorkerState st;
        st.sample = workers[i];
        st.storeId = int(i + 1);
        st.lastListedAt = i == 7 ? 100 : 200; // rig-7 was missing from the last reply
        states.insert(workers[i].name, st);
    }
    PositionCache cache;
    cache.seed(states, 200);
    QCOMPARE(cache.last().size(), size_t(49));
    for (size_t i = 0; i < cache.last().size(); ++i)
        QCOMPARE(cache.last()[i]->storeId, int(i < 7 ? i + 1 : i + 2));
    QVector<WorkerSample> next = workers;
    next.remove(7);
    QCOMPARE(poll(cache, states, next), QString());
    std::reverse(next.begin(), next.end());
    cache.seed(states, 200);
    QCOMPARE(poll(cache, states, next), QString());
}

QTEST_GUILESS_MAIN(TestPositionCache)
#include "tst_positioncache.moc"
