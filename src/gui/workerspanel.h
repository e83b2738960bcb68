#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace rw {

class Clock;
class WorkerFilterProxy;
class WorkerTableModel;

// The farm's worker table (every account's workers, an Account column once there are several
// accounts; a Group column and filter once groups are configured) with its search box and
// state filter. Keeps the live "offline for" column
// ticking for the rows on screen only — and only while the table is on screen and some worker
// is down — and remembers the column layout.
class WorkersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WorkersPanel(const Clock *clock, QWidget *parent = nullptr);
    ~WorkersPanel() override;

    void applyView(const AccountView &view);
    // The configured accounts: labels of the Account column, shown only when there are two or
    // more; rows of accounts no longer configured go.
    void setAccounts(const QVector<AccountConfig> &accounts);
    // The groups of the Group column and filter, in order; the column shows while there are any.
    void setGroups(const QVector<GroupConfig> &groups);
    // Only this account's workers (its key); empty: the whole farm.
    void setAccountFilter(const QString &accountKey);
    void clear();
    QString selectedWorker() const;
    QString selectedAccount() const; // the selected row's account key
    WorkerTableModel *model() const { return m_model; }
    WorkerFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

    void saveLayout() const;
    void restoreLayout();
    bool isTicking() const { return m_tick.isActive(); }

signals:
    // A row was selected: its account's key and the worker; both empty: selection cleared.
    void workerSelected(const QString &account, const QString &worker);
    // "Accept current hashrate as usual" from a row's context menu.
    void acceptUsualRequested(const QString &account, const QString &worker);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void tick();
    void updateTicking(); // the timer runs only when a tick could change what is seen
    void updateCount();
    void showContextMenu(const QPoint &at);

    WorkerTableModel *m_model;
    WorkerFilterProxy *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_state;
    QComboBox *m_group; // All groups, each group, No group
    QLabel *m_count;
    QTableView *m_view;
    QTimer m_tick;
};

} // namespace rw
