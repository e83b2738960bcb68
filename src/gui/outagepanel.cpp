#include "outagepanel.h"

#include "clock.h"
#include "enginehost.h"
#include "outagemodel.h"

#include "util/units.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rw {

OutagePanel::OutagePanel(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_model(new OutageModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_worker(new QLineEdit(this)),
      m_range(new QComboBox(this)), m_export(new QPushButton(this)), m_summary(new QLabel(this)),
      m_view(new QTableView(this)), m_debounce(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OutageModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OutageModel::ColStart, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(OutageModel::ColWorker, 160);
    m_view->setColumnWidth(OutageModel::ColStart, 170);
    m_view->setColumnWidth(OutageModel::ColEnd, 170);
    m_view->setColumnWidth(OutageModel::ColAccount, 170);
    m_view->setColumnHidden(OutageModel::ColAccount, true); // until several accounts
    m_worker->setClearButtonEnabled(true);
    for (qint64 days : {1, 7, 30, 90, 365})
        m_range->addItem(QString(), days);
    m_range->setCurrentIndex(1);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_worker, 1);
    bar->addWidget(m_range);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300); // typing a name queries once, not per keystroke
    connect(m_debounce, &QTimer::timeout, this, &OutagePanel::refresh);
    connect(m_worker, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_range, &QComboBox::currentIndexChanged, this, &OutagePanel::refresh);
    connect(m_export, &QPushButton::clicked, this, &OutagePanel::exportClicked);
    connect(m_host, &EngineHost::outagesReady, this, &OutagePanel::onOutages);
    connect(m_host, &EngineHost::outagesExported, this, &OutagePanel::onExported);
    retranslate();
}

void OutagePanel::retranslate()
{
    m_worker->setPlaceholderText(tr("Filter by worker"));
    const QStringList labels{tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                             tr("Last 90 days"), tr("Last year")};
    for (int i = 0; i < m_range->count() && i < labels.size(); ++i)
        m_range->setItemText(i, labels[i]);
    m_export->setText(tr("Export CSV…"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, OutageModel::ColumnCount - 1);
}

void OutagePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh(); // the summary and the "still offline" cells, in the new language
    }
    QWidget::changeEvent(event);
}

void OutagePanel::showEvent(QShowEvent *event)
{
    refresh(); // cheap, and the log may have grown while the tab was hidden
    QWidget::showEvent(event);
}

void OutagePanel::setAccounts(const QStringList &accountKeys, const QHash<QString, QString> &labels)
{
    QStringList keys = accountKeys;
    keys.removeAll(QString());
    m_model->setAccountLabels(labels);
    m_view->setColumnHidden(OutageModel::ColAccount, keys.size() < 2);
    if (keys == m_accounts)
        return;
    m_accounts = keys;
    m_model->setOutages({}, 0);
    refresh();
}

void OutagePanel::pollArrived()
{
    // A poll may have opened or closed outages; hidden, the next show asks anyway.
    if (isVisible())
        refresh();
}

void OutagePanel::refresh()
{
    if (m_accounts.isEmpty())
        return;
    ++m_requests;
    const Filter f = filter();
    m_pending = m_host->requestOutages(m_accounts, f.from, f.to, f.worker, kShownOutages);
}

OutagePanel::Filter OutagePanel::filter() const
{
    const qint64 now = m_host->clock()->nowSecs();
    const qint64 days = m_range->currentData().toLongLong();
    return {now - days * 86'400, now, m_worker->text().trimmed()};
}

void OutagePanel::onOutages(int requestId, const QVector<Outage> &outages, int matching)
{
    if (requestId != m_pending)
        return;
    m_pending = 0;
    const qint64 now = m_host->clock()->nowSecs();
    m_model->setOutages(outages, now);
    qint64 total = 0;
    int ongoing = 0;
    for (const Outage &o : outages) {
        total += o.durationSecs(now);
        ongoing += o.end ? 0 : 1;
    }
    QString summary =
        tr("%n outage(s), %1 still ongoing, %2 of downtime in total", nullptr, int(outages.size()))
            .arg(ongoing)
            .arg(formatDuration(total));
    if (matching > outages.size())
        summary = tr("The newest %1 of %n outages (narrow the range or the worker filter to see "
                     "the others; the export writes them all): ",
                     nullptr, matching)
                      .arg(outages.size()) +
                  summary;
    m_summary->setText(summary);
    m_export->setEnabled(!outages.isEmpty() && !m_exporting);
}

QString OutagePanel::summaryText() const
{
    return m_summary->text();
}

void OutagePanel::exportCsv(const QString &path)
{
    if (m_accounts.isEmpty())
        return;
    const Filter f = filter();
    m_export->setEnabled(false);
    m_exporting = m_host->requestOutageExport(m_accounts, f.from, f.to, f.worker, path);
}

void OutagePanel::onExported(int requestId, int written, const QString &error)
{
    if (requestId != m_exporting)
        return;
    m_exporting = 0;
    m_export->setEnabled(m_model->rowCount() > 0);
    if (!error.isEmpty() && isVisible()) {
        // Not a nested event loop: the engine's answers keep coming while it is open.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit exported(written, error);
}

void OutagePanel::exportClicked()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("rigwatch-outages-%1.csv")
                             .arg(QDateTime::fromMSecsSinceEpoch(m_host->clock()->nowMs())
                                      .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export outages"), dir + QLatin1Char('/') + name, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

} // namespace rw
