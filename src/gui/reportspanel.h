#pragma once

#include "report/availability.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rw {

class AvailabilityModel;
class EngineHost;

// The Reports tab: availability, downtime, outages and MTTR per account, group or worker over
// a period (yesterday, the last 7 days, last month or two dates), sortable, exported as CSV or
// PDF. Computed and written on the engine thread (EngineHost), as rigwatchd --report does.
class ReportsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsPanel(EngineHost *host, QWidget *parent = nullptr);

    void refresh();
    // Chooses "Custom" with these days (both included), as the two date fields do.
    void setCustomPeriod(const QDate &first, const QDate &last);
    // The period as ReportPeriod::parse() reads it: "yesterday", ... or "YYYY-MM-DD..YYYY-MM-DD".
    QString periodText() const;
    AvailabilityModel *model() const { return m_model; }
    QString summaryText() const;
    // Writes the report shown as CSV or PDF on the engine thread; exported() says how it went.
    void exportTo(const QString &path, bool pdf);

signals:
    void shown(); // a report arrived and is on screen
    void exported(const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onReport(int requestId, const AvailabilityReport &report, const QString &periodLabel,
                  const QString &error);
    void onExported(int requestId, const QString &error);
    void exportClicked(bool pdf);
    void periodChanged();
    void retranslate();
    void updateSummary();

    EngineHost *m_host;
    int m_pending = 0;
    int m_exporting = 0;
    QString m_periodLabel;
    QString m_error;
    AvailabilityModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_period;
    QDateEdit *m_first;
    QDateEdit *m_last;
    QComboBox *m_level;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace rw
