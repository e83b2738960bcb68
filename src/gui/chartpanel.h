#pragma once

#include "chartdata.h"
#include "config/accountconfig.h"

#include <QHash>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace rw {

class EngineHost;

// The hashrate chart of the farm, of one account or of one group of workers: total hashrate from
// the store over 1 h … 30 d (the farm's total and a thinner curve per account when several accounts
// are shown), one account's floor as a dashed line when set, the online-worker count on a second
// axis, and the selected worker's own curve. Data comes from EngineHost (queried and downsampled on
// the engine thread); answers to superseded requests are dropped.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    enum Range
    {
        Hour,
        SixHours,
        Day,
        Week,
        Month
    };

    explicit ChartPanel(EngineHost *host, QWidget *parent = nullptr);

    // The accounts shown together (the farm), with their labels for the legend.
    void setAccounts(const QStringList &accountKeys, const QHash<QString, QString> &labels);
    // One account alone, with its floor (0: none).
    void setAccount(const QString &accountKey, double minHashRate);
    void setWorker(const QString &accountKey, const QString &worker);
    // The configured groups: a selector beside the ranges shows one group's total (its own
    // floor dashed) instead of the accounts'; hidden while there are none.
    void setGroups(const QVector<GroupConfig> &groups);
    // The group shown by its NAME; empty: every worker.
    void setGroup(const QString &name);
    QString group() const { return m_group; }
    // The selected worker's usual hashrate, drawn as a dashed line beside its curve; 0 = none.
    void setWorkerUsual(double usual);
    double workerUsual() const { return m_workerUsual; }
    void setRange(Range range);
    Range range() const { return m_range; }
    // Asks for fresh data (after a poll); ignored while an answer is still pending. While the
    // chart is not on screen (window in the tray) nothing is asked: it is brought up to date
    // when it is shown again.
    void refresh();

    int pointCount() const;                         // points on the total curve, for tests
    QStringList accountCurves() const;              // legend names of the per-account curves
    int requestCount() const { return m_requests; } // data requests sent, for tests
    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void request();
    void onData(const ChartData &data);
    void retranslate();
    static qint64 rangeSecs(Range r);

    void setScope(const QStringList &accountKeys, double floor);
    QString workerName() const;

    EngineHost *m_host;
    QStringList m_accounts;
    QHash<QString, QString> m_labels;
    QString m_workerAccount;
    QString m_worker;
    QVector<GroupConfig> m_groups;
    QString m_group;
    double m_floor = 0;
    double m_workerUsual = 0;
    Range m_range = Day;
    int m_pending = 0; // request id we wait for, 0 = none
    bool m_again = false;
    bool m_stale = false; // a poll came while hidden
    int m_requests = 0;

    QButtonGroup *m_buttons;
    QComboBox *m_groupBox;
    QLabel *m_note;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_total;
    QLineSeries *m_online;
    QLineSeries *m_floorLine;
    QLineSeries *m_workerLine;
    QLineSeries *m_usualLine;
    QVector<QLineSeries *> m_accountLines;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QValueAxis *m_yOnline;
};

} // namespace rw
