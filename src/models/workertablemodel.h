#pragma once

#include "engine/accountview.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <optional>
#include <utility>

namespace rw {

class Clock;

// The worker table of one account. Fed whole AccountViews but applies only what changed
// (the view's changed/added/removed lists): dataChanged for the changed cells of changed rows
// (nothing for a listed worker whose shown data is the same), row inserts and
// removals for new and vanished workers — never a reset per poll, so selection and scroll
// position survive every poll. "Offline for" is computed live from the clock; refreshLive()
// lets the view ask for the visible rows whose "offline for" text has changed to be repainted.
class WorkerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ColWorker,
        ColState,
        ColHashRate,
        ColHashRate1h,
        ColHashRate24h,
        ColStale,
        ColLastShare,
        ColOfflineFor,
        ColHost,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // numbers for numeric columns, text otherwise
        StatusRole,                  // int(WorkerStatus)
        NameRole,
        HostRole,
    };

    explicit WorkerTableModel(const Clock *clock, QObject *parent = nullptr);

    // Applies one update. The first view of an account (or a view of another account) loads
    // every worker; later ones apply only view.changed/added/removed.
    void applyView(const AccountView &view);
    void clear();
    void retranslate(); // headers and state words after a language switch

    // Emits dataChanged for the "offline for" cell of each given source row that is down and
    // whose text differs from what it read at the previous call: after the first minute the
    // text changes once a minute, so a once-a-second caller repaints almost nothing.
    void refreshLive(const QVector<int> &rows);
    // Rows whose "offline for" runs (every state but online): none, and nothing ticks.
    int liveRowCount() const { return m_liveRows; }

    int rowOf(const QString &worker) const { return m_index.value(worker, -1); }
    QString workerAt(int row) const;
    WorkerState stateAt(int row) const;
    // Every row's state by worker name: the account's worker table as this model holds it.
    QHash<QString, WorkerState> states() const;
    QString account() const { return m_account; } // the account whose workers these are

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(WorkerStatus status);

    // The sort key of a numeric column's cell (what SortRole holds there) without a QVariant,
    // for a sorting proxy's comparisons; nullopt for the text columns (worker, host).
    std::optional<double> sortNumber(int row, int column) const;

    // Seconds the worker has been down at nowSecs, or -1 when it is online.
    static qint64 downForSecs(const WorkerState &w, qint64 nowSecs);

signals:
    // A poll's (or a tick's) dataChanged signals come between these two, so that a sorting
    // proxy (WorkerFilterProxy) can place all the changed rows at once instead of one by one.
    void batchStarted();
    void batchFinished();

private:
    struct Row
    {
        QString name;
        WorkerState state;
    };
    void loadAll(const AccountView &view);
    void removeWorkers(const QStringList &names);
    void insertWorkers(const QStringList &names, const QHash<QString, WorkerState> &workers);
    void updateWorkers(const QStringList &names, const QHash<QString, WorkerState> &workers);
    void reindexFrom(int row);
    static bool isLive(const WorkerState &w) { return w.status != WorkerStatus::Online; }
    // The columns whose text, sort key or look differ between the two states, as
    // {first, last}; last < 0 when nothing shown changed.
    static std::pair<int, int> shownChange(const WorkerState &was, const WorkerState &is);
    QVariant displayData(const Row &r, int column) const;
    QString lastShareText(qint64 secs) const;
    QVariant sortData(const Row &r, int column) const;
    std::optional<double> sortNumber(const Row &r, int column) const;

    const Clock *m_clock;
    qint64 m_clockSkewSecs = 0; // the pool's clock minus ours (AccountView::clockSkewSecs)
    qint64 poolNow() const;
    QString m_account;
    QVector<Row> m_rows;
    QHash<QString, int> m_index; // worker name -> row
    int m_liveRows = 0;
    // Today in local time, for the last-share column: every visible row asks on every repaint,
    // and a conversion to local time reads the time zone anew (a stat() of /etc/localtime each).
    struct LocalDay
    {
        qint64 start = 0;        // local midnight, UTC seconds
        qint64 end = -1;         // the next one
        bool evenOffset = false; // one UTC offset all day (no daylight-saving switch)
        qint64 checkedAt = 0;    // when it was worked out: again after a minute, should the
                                 // machine's time zone have changed
    };
    mutable LocalDay m_today;
    qint64 m_liveCheckedAt = -1; // pool time of the last refreshLive(); -1: repaint all
};

} // namespace rw
