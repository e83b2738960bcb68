// WorkerTableModel, second part: what each cell shows (text, sort key, icon, colour, font,
// tooltip) and the headers.
#include "workertablemodel.h"

#include "clock.h"
#include "util/units.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace rw {

namespace {
QIcon degradedIcon()
{
    static const QIcon icon(QStringLiteral(":/icons/state-degraded.svg"));
    return icon;
}

QVariant degradedForeground()
{
    static const QVariant amber = QBrush(QColor(0x9a, 0x67, 0x00));
    return amber;
}

std::optional<double> usualPercent(const WorkerState &w)
{
    const double usual = usualRateOf(w);
    if (usual <= 0 || w.status != WorkerStatus::Online)
        return std::nullopt;
    return 100.0 * w.sample.hashRate / usual;
}

QIcon statusIcon(WorkerStatus s)
{
    // Cached: data() is called for every visible cell on every repaint.
    static const QIcon online(QStringLiteral(":/icons/state-online.svg"));
    static const QIcon offline(QStringLiteral(":/icons/state-offline.svg"));
    static const QIcon missing(QStringLiteral(":/icons/state-missing.svg"));
    static const QIcon retired(QStringLiteral(":/icons/state-retired.svg"));
    switch (s) {
    case WorkerStatus::Online:
        return online;
    case WorkerStatus::Offline:
        return offline;
    case WorkerStatus::Missing:
        return missing;
    case WorkerStatus::Retired:
        return retired;
    }
    return {};
}

// Colour is a second cue only: the state column also has a shaped icon and bold text. Made
// once, like the icons: every visible cell asks on every repaint.
QVariant stateForeground(WorkerStatus s)
{
    static const QVariant offline = QBrush(QColor(0xc6, 0x28, 0x28));
    static const QVariant missing = QBrush(QColor(0xb2, 0x5e, 0x00));
    static const QVariant retired = QBrush(QColor(0x80, 0x80, 0x80));
    switch (s) {
    case WorkerStatus::Offline:
        return offline;
    case WorkerStatus::Missing:
        return missing;
    case WorkerStatus::Retired:
        return retired;
    case WorkerStatus::Online:
        return {};
    }
    return {};
}

QVariant stateFont(WorkerStatus s)
{
    static const QVariant bold = [] {
        QFont f;
        f.setBold(true);
        return QVariant(f);
    }();
    static const QVariant italic = [] {
        QFont f;
        f.setItalic(true);
        return QVariant(f);
    }();
    if (s == WorkerStatus::Offline || s == WorkerStatus::Missing)
        return bold;
    return s == WorkerStatus::Retired ? italic : QVariant();
}

// Trouble first when sorting by state ascending: offline, missing, degraded, online, retired.
double statusRank(const WorkerState &w)
{
    if (w.status == WorkerStatus::Online && w.degraded)
        return 1.5;
    switch (w.status) {
    case WorkerStatus::Offline:
        return 0;
    case WorkerStatus::Missing:
        return 1;
    case WorkerStatus::Online:
        return 2;
    case WorkerStatus::Retired:
        return 3;
    }
    return 4;
}

QString shortDateTime(qint64 secs, qint64 nowSecs)
{
    // Today: the time is enough; older: day and month too. Full date and UTC in the tooltip.
    const QDateTime t = QDateTime::fromSecsSinceEpoch(secs).toLocalTime();
    const QDateTime now = QDateTime::fromSecsSinceEpoch(nowSecs).toLocalTime();
    if (t.date() == now.date())
        return t.toString(QStringLiteral("HH:mm:ss"));
    return QLocale().toString(t, QStringLiteral("d MMM HH:mm"));
}

double stalePercent(const WorkerSample &s)
{
    return s.hashRate24h > 0 ? 100.0 * s.staleRate24h / s.hashRate24h : 0.0;
}
} // namespace

qint64 WorkerTableModel::downForSecs(const WorkerState &w, qint64 nowSecs)
{
    if (w.status == WorkerStatus::Online)
        return -1;
    // The outage starts at the last share (as in the incident), not when the poll noticed it.
    const qint64 since = w.sample.lastShareAt > 0 ? w.sample.lastShareAt : w.statusSince;
    return since > 0 ? std::max<qint64>(0, nowSecs - since) : -1;
}

QString WorkerTableModel::statusText(WorkerStatus status)
{
    switch (status) {
    case WorkerStatus::Online:
        return tr("Online");
    case WorkerStatus::Offline:
        return tr("Offline");
    case WorkerStatus::Missing:
        return tr("Missing");
    case WorkerStatus::Retired:
        return tr("Retired");
    }
    return {};
}

QString WorkerTableModel::lastShareText(qint64 secs) const
{
    const qint64 now = m_clock->nowSecs();
    // (checkedAt lies in today: a now before it is before today's start too.)
    if (now < m_today.checkedAt || now - m_today.checkedAt >= 60 || now >= m_today.end) {
        m_today.checkedAt = now;
        const QDate day = QDateTime::fromSecsSinceEpoch(now).toLocalTime().date();
        const QDateTime midnight(day, QTime(0, 0));
        const QDateTime next(day.addDays(1), QTime(0, 0));
        m_today.start = midnight.toSecsSinceEpoch();
        m_today.end = next.toSecsSinceEpoch();
        m_today.evenOffset = midnight.isValid() && next.isValid() &&
                             midnight.offsetFromUtc() == next.addSecs(-1).offsetFromUtc();
    }
    // Today, on a day without a clock change: the time of day is the seconds since midnight.
    if (m_today.evenOffset && secs >= m_today.start && secs < m_today.end) {
        const int t = int(secs - m_today.start);
        const int parts[3] = {t / 3600, t / 60 % 60, t % 60};
        QString hms(8, QLatin1Char(':'));
        for (int i = 0; i < 3; ++i) {
            hms[3 * i] = QLatin1Char(char('0' + parts[i] / 10));
            hms[3 * i + 1] = QLatin1Char(char('0' + parts[i] % 10));
        }
        return hms;
    }
    return shortDateTime(secs, now);
}

// The columns, in the order of Column. A new column is an entry there and a row here.
const WorkerTableModel::ColumnDef &WorkerTableModel::columnDef(int column)
{
    using M = WorkerTableModel;
    using S = WorkerState;
    constexpr Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    constexpr Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    static const ColumnDef defs[ColumnCount] = {
        {QT_TR_NOOP("Worker"), left, [](const M &, const Row &r) -> QVariant { return r.name; },
         nullptr, nullptr},
        {QT_TR_NOOP("Account"), left,
         [](const M &m, const Row &r) -> QVariant { return m.m_accounts[r.account].label; },
         nullptr, nullptr},
        {QT_TR_NOOP("Group"), left,
         [](const M &m, const Row &r) -> QVariant {
             return m.m_groups.labelOf(r.group, QStringLiteral("—"));
         },
         nullptr,
         // The group follows the host (hosts globs): a new host can move the worker.
         [](const S &a, const S &b) { return a.sample.host != b.sample.host; }},
        {QT_TR_NOOP("State"), left,
         [](const M &, const Row &r) -> QVariant {
             // The pool's own word beside RigWatch's state (which the last share decides).
             const WorkerSample &s = r.state.sample;
             QString state = r.state.status == WorkerStatus::Online && r.state.degraded
                                 ? tr("Degraded")
                                 : statusText(r.state.status);
             if (r.state.flapping)
                 state = tr("%1, flapping").arg(state);
             return s.poolState.isEmpty() ? state
                                          : tr("%1 (pool: %2)").arg(state, s.poolState.text());
         },
         [](const M &, const Row &r) -> std::optional<double> { return statusRank(r.state); },
         [](const S &a, const S &b) {
             return a.sample.poolState != b.sample.poolState || a.degraded != b.degraded ||
                    a.flapping != b.flapping;
         }},
        {QT_TR_NOOP("Hashrate"), right,
         [](const M &, const Row &r) -> QVariant {
             return formatHashRate(r.state.sample.hashRate);
         },
         [](const M &, const Row &r) -> std::optional<double> { return r.state.sample.hashRate; },
         [](const S &a, const S &b) { return a.sample.hashRate != b.sample.hashRate; }},
        {QT_TR_NOOP("1 h"), right,
         [](const M &, const Row &r) -> QVariant {
             return formatHashRate(r.state.sample.hashRate1h);
         },
         [](const M &, const Row &r) -> std::optional<double> { return r.state.sample.hashRate1h; },
         [](const S &a, const S &b) { return a.sample.hashRate1h != b.sample.hashRate1h; }},
        {QT_TR_NOOP("24 h"), right,
         [](const M &, const Row &r) -> QVariant {
             return formatHashRate(r.state.sample.hashRate24h);
         },
         [](const M &, const Row &r) -> std::optional<double> {
             return r.state.sample.hashRate24h;
         },
         [](const S &a, const S &b) { return a.sample.hashRate24h != b.sample.hashRate24h; }},
        {QT_TR_NOOP("Usual"), right,
         [](const M &, const Row &r) -> QVariant {
             const double usual = usualRateOf(r.state);
             return usual > 0 ? formatHashRate(usual) : QString();
         },
         [](const M &, const Row &r) -> std::optional<double> { return usualRateOf(r.state); },
         [](const S &a, const S &b) { return usualRateOf(a) != usualRateOf(b); }},
        {QT_TR_NOOP("% of usual"), right,
         [](const M &, const Row &r) -> QVariant {
             const std::optional<double> p = usualPercent(r.state);
             return p ? QLocale().toString(*p, 'f', 0) + QLatin1Char('%') : QString();
         },
         [](const M &, const Row &r) -> std::optional<double> {
             return usualPercent(r.state).value_or(-1);
         },
         [](const S &a, const S &b) { return usualPercent(a) != usualPercent(b); }},
        {QT_TR_NOOP("Stale"), right,
         [](const M &, const Row &r) -> QVariant {
             const WorkerSample &s = r.state.sample;
             return s.hashRate24h > 0
                        ? QLocale().toString(stalePercent(s), 'f', 2) + QLatin1Char('%')
                        : QString();
         },
         [](const M &, const Row &r) -> std::optional<double> {
             return stalePercent(r.state.sample);
         },
         [](const S &a, const S &b) {
             return a.sample.hashRate24h != b.sample.hashRate24h ||
                    a.sample.staleRate24h != b.sample.staleRate24h;
         }},
        {QT_TR_NOOP("Last share"), left,
         [](const M &m, const Row &r) -> QVariant {
             const qint64 at = r.state.sample.lastShareAt;
             return at > 0 ? m.lastShareText(at) : tr("never");
         },
         [](const M &, const Row &r) -> std::optional<double> {
             return double(r.state.sample.lastShareAt);
         },
         [](const S &a, const S &b) { return a.sample.lastShareAt != b.sample.lastShareAt; }},
        {QT_TR_NOOP("Offline for"), left,
         [](const M &m, const Row &r) -> QVariant {
             const qint64 down = downForSecs(r.state, m.poolNow(r));
             return down >= 0 ? formatDuration(down) : QString();
         },
         [](const M &m, const Row &r) -> std::optional<double> {
             return double(downForSecs(r.state, m.poolNow(r)));
         },
         [](const S &a, const S &b) {
             return a.sample.lastShareAt != b.sample.lastShareAt || a.statusSince != b.statusSince;
         }},
        {QT_TR_NOOP("Host"), left,
         [](const M &, const Row &r) -> QVariant { return r.state.sample.host; }, nullptr,
         [](const S &a, const S &b) { return a.sample.host != b.sample.host; }},
    };
    return defs[column];
}

QVariant WorkerTableModel::displayData(const Row &r, int column) const
{
    return column >= 0 && column < ColumnCount ? columnDef(column).text(*this, r) : QVariant();
}

double WorkerTableModel::usualRate(const QString &worker, const QString &account) const
{
    const int row = rowOf(worker, account);
    return row >= 0 ? usualRateOf(m_rows[row].state) : 0;
}

std::optional<double> WorkerTableModel::sortNumber(const Row &r, int column) const
{
    if (column < 0 || column >= ColumnCount || !columnDef(column).sortKey)
        return std::nullopt;
    return columnDef(column).sortKey(*this, r);
}

std::optional<double> WorkerTableModel::sortNumber(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return sortNumber(m_rows[row], column);
}

QVariant WorkerTableModel::sortData(const Row &r, int column) const
{
    if (const std::optional<double> n = sortNumber(r, column))
        return *n;
    return displayData(r, column);
}

QVariant WorkerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const WorkerStatus st = r.state.status;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case SortRole:
        return sortData(r, index.column());
    case StatusRole:
        return int(st);
    case NameRole:
        return r.name;
    case HostRole:
        return r.state.sample.host;
    case AccountRole:
        return m_accounts[r.account].key;
    case GroupRole:
        return r.group;
    case Qt::DecorationRole:
        if (index.column() != ColState)
            return {};
        return st == WorkerStatus::Online && r.state.degraded ? QVariant(degradedIcon())
                                                              : QVariant(statusIcon(st));
    case Qt::ForegroundRole:
        return st == WorkerStatus::Online && r.state.degraded ? degradedForeground()
                                                              : stateForeground(st);
    case Qt::FontRole:
        return stateFont(st);
    case Qt::TextAlignmentRole:
        if (columnDef(index.column()).alignment & Qt::AlignRight)
            return int(columnDef(index.column()).alignment);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ColLastShare && r.state.sample.lastShareAt > 0)
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(r.state.sample.lastShareAt),
                                      QLocale::LongFormat);
        if (st == WorkerStatus::Online && r.state.degraded)
            return tr("Well below its usual hashrate for a while: a failing hash board or fan? "
                      "After a deliberate change, use \"Accept current hashrate as usual\".");
        if (r.state.flapping)
            return tr("Going offline and back again and again: its changes are no longer "
                      "posted one by one.");
        if (st == WorkerStatus::Missing)
            return tr("The pool no longer lists this worker; it is kept here until it is retired.");
        if (st == WorkerStatus::Retired)
            return tr("No share for a long time: shown, but no longer alerted.");
        return {};
    }
    return {};
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return tr(columnDef(section).header);
}

} // namespace rw
