#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"
#include "monitor/groupmatcher.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <optional>
#include <utility>

namespace rw {

class Clock;

// The worker table of the whole farm: every account's workers in one table, a row per worker
// and account (a name on two accounts is two rows), the account and its pool in the Account
// column. Fed whole AccountViews but applies only what changed (the view's
// changed/added/removed lists): dataChanged for the changed cells of changed rows (nothing for
// a listed worker whose shown data is the same), row inserts and removals for new and vanished
// workers — never a reset per poll, so selection and scroll position survive every poll.
// "Offline for" is computed live from the clock, on each account's pool clock; refreshLive()
// lets the view ask for the visible rows whose "offline for" text has changed to be repainted.
//
// Columns are declared in one table (columnDefs() in workertablemodeldata.cpp): a column is an
// entry of Column and a row of that table with its header, alignment, text, sort key and what
// change of a worker's state repaints it.
class WorkerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ColWorker,
        ColAccount,
        ColGroup, // the worker's [group.NAME] label (issue #20); "—" for the default group
        ColState,
        ColHashRate,
        ColHashRate1h,
        ColHashRate24h,
        ColUsual,        // the worker's usual hashrate (issue #19)
        ColUsualPercent, // the current hashrate as a percentage of it
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
        AccountRole, // the account's key (AccountConfig::key())
        GroupRole,   // the worker's group: its index among groups(), -1 = the default group
    };

    explicit WorkerTableModel(const Clock *clock, QObject *parent = nullptr);

    // Applies one update. The first view of an account adds every worker of it; later ones
    // apply only view.changed/added/removed. Other accounts' rows are left as they are.
    void applyView(const AccountView &view);
    // The configured accounts: their labels for the Account column ("East hall (f2pool)");
    // the rows of an account no longer among them go.
    void setAccounts(const QVector<AccountConfig> &accounts);
    // The configured groups, in order (first match wins: monitor/groupmatcher.h); every row's
    // group is worked out again.
    void setGroups(const QVector<GroupConfig> &groups);
    const QVector<GroupConfig> &groups() const { return m_groups.groups(); }
    int groupAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].group : -1; }
    void clear();
    void retranslate(); // headers and state words after a language switch

    // Emits dataChanged for the "offline for" cell of each given source row that is down and
    // whose text differs from what it read at the previous call: after the first minute the
    // text changes once a minute, so a once-a-second caller repaints almost nothing.
    void refreshLive(const QVector<int> &rows);
    // Rows whose "offline for" runs (every state but online): none, and nothing ticks.
    int liveRowCount() const { return m_liveRows; }

    // The row of a worker of an account; without an account, of the first account that has a
    // worker of that name. -1: none.
    int rowOf(const QString &worker, const QString &account = {}) const;
    // The worker's usual hashrate (usualRateOf()); 0 when unknown or not in the table.
    double usualRate(const QString &worker, const QString &account) const;
    QString workerAt(int row) const;
    QString accountAt(int row) const; // the row's account key
    WorkerState stateAt(int row) const;
    // One account's rows' states by worker name: its worker table as this model holds it.
    QHash<QString, WorkerState> states(const QString &account) const;
    QStringList accounts() const; // keys of the accounts with rows or views, in order of arrival
    // "East hall (f2pool)": an account's name and its pool, as the Account column shows it.
    static QString accountLabel(const AccountConfig &account);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(WorkerStatus status);

    // The sort key of a numeric column's cell (what SortRole holds there) without a QVariant,
    // for a sorting proxy's comparisons; nullopt for the text columns (worker, account, host).
    std::optional<double> sortNumber(int row, int column) const;
    // Ties in a sort: by worker name, then by account, so equal values keep a stable order.
    bool tieBefore(int leftRow, int rightRow) const;
    // The row's account index among accounts(), for a quick account filter.
    int accountSlotAt(int row) const;
    int accountSlot(const QString &account) const { return m_slotOf.value(account, -1); }

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
        int account = 0; // index into m_accounts
        int group = -1;  // index into m_groups' groups; -1 = the default group
    };
    struct Account
    {
        QString key;
        QString label;
        qint64 clockSkewSecs = 0;  // the pool's clock minus ours (AccountView::clockSkewSecs)
        bool loaded = false;       // a view of it came: later views carry deltas
        QHash<QString, int> index; // worker name -> row
    };
    // One column: the table columnDefs() holds one of these per Column, in order.
    struct ColumnDef
    {
        const char *header; // QT_TR_NOOP
        Qt::Alignment alignment;
        QVariant (*text)(const WorkerTableModel &m, const Row &r);
        // The numeric sort key; nullptr: the column sorts by its text.
        std::optional<double> (*sortKey)(const WorkerTableModel &m, const Row &r);
        // Whether the cell shows something else after this change of the worker's state
        // (a change of state repaints the whole row anyway).
        bool (*changed)(const WorkerState &was, const WorkerState &is);
    };
    static const ColumnDef &columnDef(int column);

    int slotFor(const AccountView &view);
    void loadAccount(int slot, const QHash<QString, WorkerState> &workers);
    void removeRows(QVector<int> rows);
    void removeWorkers(int slot, const QStringList &names);
    void insertWorkers(int slot, const QStringList &names,
                       const QHash<QString, WorkerState> &workers);
    void updateWorkers(int slot, const QStringList &names,
                       const QHash<QString, WorkerState> &workers);
    void reindexFrom(int row);
    static bool isLive(const WorkerState &w) { return w.status != WorkerStatus::Online; }
    // The columns whose text, sort key or look differ between the two states, as
    // {first, last}; last < 0 when nothing shown changed.
    static std::pair<int, int> shownChange(const WorkerState &was, const WorkerState &is);
    QVariant displayData(const Row &r, int column) const;
    QString lastShareText(qint64 secs) const;
    QVariant sortData(const Row &r, int column) const;
    std::optional<double> sortNumber(const Row &r, int column) const;

    Row makeRow(const QString &name, const WorkerState &state, int slot) const
    {
        return {name, state, slot, m_groups.groupOf(name, state.sample.host)};
    }

    const Clock *m_clock;
    GroupMatcher m_groups;
    qint64 poolNow(const Row &r) const;
    QVector<Account> m_accounts;
    QHash<QString, int> m_slotOf;     // account key -> index into m_accounts
    QHash<QString, QString> m_labels; // account key -> label, from setAccounts()
    QVector<Row> m_rows;
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
    qint64 m_liveCheckedAt = -1; // our time of the last refreshLive(); -1: repaint all
};

} // namespace rw
