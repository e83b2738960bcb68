#include "pool/poolstate.h"

#include <QHash>
#include <QMutex>
#include <QVector>

namespace rw {
namespace {

// Words are only ever added. A pool that sent a new word for every worker would fill the table
// once (bounded by its size); later words then show as the last one kept.
struct Words
{
    QMutex lock;
    QVector<QString> texts{QString()}; // [0]: no word
    QHash<QString, quint16> ids;
};

Words &words()
{
    static Words w;
    return w;
}

constexpr qsizetype kMaxWords = 65535;
constexpr qsizetype kMaxWordLength = 64; // a pool's state word, not a message

} // namespace

PoolState::PoolState(const QString &text)
{
    if (text.isEmpty())
        return;
    const QString word = text.left(kMaxWordLength);
    Words &w = words();
    QMutexLocker locker(&w.lock);
    if (const auto it = w.ids.constFind(word); it != w.ids.cend()) {
        m_id = *it;
        return;
    }
    if (w.texts.size() > kMaxWords) {
        m_id = quint16(w.texts.size() - 1);
        return;
    }
    m_id = quint16(w.texts.size());
    w.texts.append(word);
    w.ids.insert(word, m_id);
}

QString PoolState::text() const
{
    if (m_id == 0)
        return {};
    Words &w = words();
    QMutexLocker locker(&w.lock);
    return w.texts.value(m_id);
}

} // namespace rw
