#include "reportspanel.h"

#include "availabilitymodel.h"
#include "clock.h"
#include "enginehost.h"

#include "report/reportwriter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace rw {

namespace {
enum Preset
{
    Yesterday,
    Last7Days,
    LastMonth,
    Custom
};
} // namespace

ReportsPanel::ReportsPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_model(new AvailabilityModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_period(new QComboBox(this)),
      m_first(new QDateEdit(this)), m_last(new QDateEdit(this)), m_level(new QComboBox(this)),
      m_csv(new QPushButton(this)), m_pdf(new QPushButton(this)), m_summary(new QLabel(this)),
      m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AvailabilityModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AvailabilityModel::Availability, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AvailabilityModel::Name, 160);
    for (int i = 0; i <= Custom; ++i)
        m_period->addItem(QString(), i);
    for (int i = 0; i <= AvailabilityModel::Workers; ++i)
        m_level->addItem(QString(), i);
    m_level->setCurrentIndex(AvailabilityModel::Groups);
    const QDate today = QDateTime::fromSecsSinceEpoch(m_host->clock()->nowSecs()).date();
    for (QDateEdit *d : {m_first, m_last}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    m_first->setDate(today.addDays(-7));
    m_last->setDate(today.addDays(-1));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_period);
    bar->addWidget(m_first);
    bar->addWidget(m_last);
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(m_csv);
    bar->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsPanel::periodChanged);
    connect(m_first, &QDateEdit::dateChanged, this, &ReportsPanel::refresh);
    connect(m_last, &QDateEdit::dateChanged, this, &ReportsPanel::refresh);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_model->setLevel(AvailabilityModel::Level(i)); });
    connect(m_csv, &QPushButton::clicked, this, [this] { exportClicked(false); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { exportClicked(true); });
    connect(m_host, &EngineHost::availabilityReady, this, &ReportsPanel::onReport);
    connect(m_host, &EngineHost::availabilityExported, this, &ReportsPanel::onExported);
    retranslate();
}

void ReportsPanel::retranslate()
{
    const QStringList periods{tr("Yesterday"), tr("Last 7 days"), tr("Last month"), tr("Custom")};
    for (int i = 0; i < m_period->count() && i < periods.size(); ++i)
        m_period->setItemText(i, periods[i]);
    const QStringList levels{tr("Per account"), tr("Per group"), tr("Per worker")};
    for (int i = 0; i < m_level->count() && i < levels.size(); ++i)
        m_level->setItemText(i, levels[i]);
    m_first->setToolTip(tr("First day"));
    m_last->setToolTip(tr("Last day"));
    m_csv->setText(tr("Export CSV…"));
    m_pdf->setText(tr("Export PDF…"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, AvailabilityModel::ColumnCount - 1);
    updateSummary();
}

void ReportsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh(); // the default group's label comes from the engine thread
    }
    QWidget::changeEvent(event);
}

void ReportsPanel::showEvent(QShowEvent *event)
{
    refresh(); // the history may have grown while the tab was hidden
    QWidget::showEvent(event);
}

void ReportsPanel::periodChanged()
{
    const bool custom = m_period->currentIndex() == Custom;
    m_first->setEnabled(custom);
    m_last->setEnabled(custom);
    refresh();
}

void ReportsPanel::setCustomPeriod(const QDate &first, const QDate &last)
{
    const QSignalBlocker a(m_first), b(m_last), c(m_period);
    m_first->setDate(first);
    m_last->setDate(last);
    m_period->setCurrentIndex(Custom);
    m_first->setEnabled(true);
    m_last->setEnabled(true);
    refresh();
}

QString ReportsPanel::periodText() const
{
    switch (m_period->currentIndex()) {
    case Yesterday:
        return QStringLiteral("yesterday");
    case Last7Days:
        return QStringLiteral("last-7-days");
    case LastMonth:
        return QStringLiteral("last-month");
    default:
        return m_first->date().toString(Qt::ISODate) + QStringLiteral("..") +
               m_last->date().toString(Qt::ISODate);
    }
}

void ReportsPanel::refresh()
{
    if (!m_host->isRunning())
        return;
    m_pending = m_host->requestAvailability(periodText());
}

void ReportsPanel::onReport(int requestId, const AvailabilityReport &report,
                            const QString &periodLabel, const QString &error)
{
    if (requestId != m_pending)
        return;
    m_pending = 0;
    m_periodLabel = periodLabel;
    m_error = error;
    m_model->setReport(report);
    updateSummary();
    emit shown();
}

QString ReportsPanel::summaryText() const
{
    return m_summary->text();
}

void ReportsPanel::updateSummary()
{
    if (!m_error.isEmpty()) {
        m_summary->setText(m_error);
        return;
    }
    if (m_periodLabel.isEmpty()) {
        m_summary->clear();
        return;
    }
    AvailabilityFigures all;
    int workers = 0;
    for (const AccountAvailability &a : m_model->report().accounts) {
        all.add(a.figures);
        workers += a.workerCount;
    }
    m_summary->setText(
        tr("%1: availability %2 over %n worker(s), %3 down in %4 outage(s), MTTR %5.", nullptr,
           workers)
            .arg(m_periodLabel, ReportText::availability(all), ReportText::duration(all.downSecs))
            .arg(all.outages)
            .arg(all.outages ? ReportText::duration(all.mttrSecs()) : QStringLiteral("—")));
}

void ReportsPanel::exportTo(const QString &path, bool pdf)
{
    m_exporting = m_host->requestAvailabilityExport(m_model->report(), m_periodLabel, pdf, path);
}

void ReportsPanel::exportClicked(bool pdf)
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("rigwatch-availability-%1.%2")
                          .arg(periodText(), pdf ? QStringLiteral("pdf") : QStringLiteral("csv")));
    const QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Export PDF") : tr("Export CSV"), suggested,
                                     pdf ? tr("PDF documents (*.pdf)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, pdf);
}

void ReportsPanel::onExported(int requestId, const QString &error)
{
    if (requestId != m_exporting)
        return;
    m_exporting = 0;
    if (!error.isEmpty() && isVisible()) {
        // Not a nested event loop: the engine's answers keep coming while it is open.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit exported(error);
}

} // namespace rw
