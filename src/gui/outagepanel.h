#pragma once

#include "store/store.h"

#include <QHash>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace rw {

class EngineHost;
class OutageModel;

// The outage history of one account, or of several together (the whole farm, with an Account
// column), from the store: filter by worker and time range, sort, export to CSV. Queries run on
// the engine thread; a new filter supersedes the old query.
class OutagePanel : public QWidget
{
    Q_OBJECT
public:
    explicit OutagePanel(EngineHost *host, QWidget *parent = nullptr);

    void setAccount(const QString &accountKey) { setAccounts({accountKey}, {}); }
    // The accounts whose outages are shown together, and the Account column's label of each
    // (shown when there are several).
    void setAccounts(const QStringList &accountKeys, const QHash<QString, QString> &labels);
    QStringList accounts() const { return m_accounts; }
    void refresh();
    // After each poll of the shown account: asks the store again while the panel is on screen.
    void pollArrived();
    int requestCount() const { return m_requests; } // queries sent to the engine so far
    OutageModel *model() const { return m_model; }
    QString summaryText() const;
    // Writes every outage matching the filters (not only the rows shown) to path, as CSV, on the
    // engine thread; exported() reports the outcome.
    void exportCsv(const QString &path);

    // Rows shown at most: a year of a large farm can hold hundreds of thousands, and the table
    // sorts on the GUI thread. The summary says when more match; the export writes them all.
    static constexpr int kShownOutages = 5000;

signals:
    void exported(int written, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Filter // what the range and the worker box select now
    {
        qint64 from;
        qint64 to;
        QString worker;
    };
    Filter filter() const;
    void onOutages(int requestId, const QVector<Outage> &outages, int matching);
    void onExported(int requestId, int written, const QString &error);
    void exportClicked();
    void retranslate();

    EngineHost *m_host;
    QStringList m_accounts;
    int m_pending = 0;
    int m_requests = 0;
    int m_exporting = 0;
    OutageModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_worker;
    QComboBox *m_range;
    QPushButton *m_export;
    QLabel *m_summary;
    QTableView *m_view;
    QTimer *m_debounce;
};

} // namespace rw
