#include "chartpanel.h"

#include "clock.h"
#include "enginehost.h"

#include "util/units.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace rw {

namespace {
QList<QPointF> scaled(const QVector<QPointF> &pts, double divisor)
{
    QList<QPointF> out;
    out.reserve(pts.size());
    for (const QPointF &p : pts)
        out << QPointF(p.x(), p.y() / divisor);
    return out;
}
double maxY(const QVector<QPointF> &pts)
{
    double m = 0;
    for (const QPointF &p : pts)
        m = std::max(m, p.y());
    return m;
}
} // namespace

ChartPanel::ChartPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_buttons(new QButtonGroup(this)),
      m_groupBox(new QComboBox(this)), m_note(new QLabel(this)), m_chart(new QChart),
      m_view(new QChartView(m_chart, this)), m_total(new QLineSeries), m_online(new QLineSeries),
      m_floorLine(new QLineSeries), m_workerLine(new QLineSeries), m_usualLine(new QLineSeries),
      m_x(new QDateTimeAxis), m_y(new QValueAxis), m_yOnline(new QValueAxis)
{
    auto *bar = new QHBoxLayout;
    for (int r = Hour; r <= Month; ++r) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setAutoRaise(true);
        m_buttons->addButton(b, r);
        bar->addWidget(b);
    }
    m_range = Range(std::clamp(QSettings().value(QStringLiteral("ui/chartRange"), int(Day)).toInt(),
                               int(Hour), int(Month)));
    m_buttons->button(m_range)->setChecked(true);
    bar->addSpacing(12);
    m_groupBox->setObjectName(QStringLiteral("chartGroup"));
    m_groupBox->setVisible(false);
    bar->addWidget(m_groupBox);
    bar->addWidget(m_note, 1);
    connect(m_groupBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            setGroup(m_groupBox->itemData(i).toString());
    });
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });

    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_total->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    m_online->setPen(QPen(QColor(0x43, 0xa0, 0x47), 1.5));
    QPen floorPen(QColor(0xc6, 0x28, 0x28), 1.5, Qt::DashLine);
    m_floorLine->setPen(floorPen);
    m_workerLine->setPen(QPen(QColor(0x8e, 0x24, 0xaa), 2));
    m_usualLine->setPen(QPen(QColor(0x8e, 0x24, 0xaa), 1.2, Qt::DashLine));
    m_usualLine->setObjectName(QStringLiteral("usualLine"));
    for (QLineSeries *s : {m_total, m_workerLine, m_usualLine, m_floorLine, m_online})
        m_chart->addSeries(s);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_chart->addAxis(m_yOnline, Qt::AlignRight);
    for (QLineSeries *s : {m_total, m_workerLine, m_usualLine, m_floorLine}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_online->attachAxis(m_x);
    m_online->attachAxis(m_yOnline);
    m_yOnline->setLabelFormat(QStringLiteral("%d"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setObjectName(QStringLiteral("hashrateChart"));
    m_view->setMinimumHeight(220);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_host, &EngineHost::chartReady, this, &ChartPanel::onData);
    retranslate();
}

void ChartPanel::retranslate()
{
    const char *labels[] = {QT_TR_NOOP("1 h"), QT_TR_NOOP("6 h"), QT_TR_NOOP("24 h"),
                            QT_TR_NOOP("7 d"), QT_TR_NOOP("30 d")};
    for (int r = Hour; r <= Month; ++r)
        m_buttons->button(r)->setText(tr(labels[r]));
    m_total->setName(tr("Total hashrate"));
    m_online->setName(tr("Online workers"));
    m_floorLine->setName(tr("Floor"));
    m_usualLine->setName(tr("Usual for the worker"));
    m_yOnline->setTitleText(tr("Workers online"));
    m_workerLine->setName(workerName());
    if (m_groupBox->count() > 0)
        m_groupBox->setItemText(0, tr("All workers"));
    m_groupBox->setToolTip(tr("Show the total hashrate of one group of workers"));
}

QString ChartPanel::workerName() const
{
    return m_worker.isEmpty() ? QString() : tr("Worker %1").arg(m_worker);
}

void ChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

qint64 ChartPanel::rangeSecs(Range r)
{
    switch (r) {
    case Hour:
        return 3600;
    case SixHours:
        return 6 * 3600;
    case Day:
        return 86'400;
    case Week:
        return 7 * 86'400;
    case Month:
        return 30 * 86'400;
    }
    return 86'400;
}

void ChartPanel::setAccounts(const QStringList &accountKeys, const QHash<QString, QString> &labels)
{
    m_labels = labels;
    setScope(accountKeys, 0);
}

void ChartPanel::setAccount(const QString &accountKey, double minHashRate)
{
    setScope(accountKey.isEmpty() ? QStringList() : QStringList{accountKey}, minHashRate);
}

void ChartPanel::setScope(const QStringList &accountKeys, double floor)
{
    const bool changed = accountKeys != m_accounts;
    m_accounts = accountKeys;
    m_floor = floor;
    if (changed) {
        if (!m_workerAccount.isEmpty() && !m_accounts.contains(m_workerAccount)) {
            m_worker.clear();
            m_workerAccount.clear();
        }
        m_workerLine->setName(workerName());
        m_pending = 0;
        request();
    }
}

void ChartPanel::setWorker(const QString &accountKey, const QString &worker)
{
    if (worker == m_worker && accountKey == m_workerAccount)
        return;
    m_worker = worker;
    m_workerAccount = worker.isEmpty() ? QString() : accountKey;
    m_workerLine->setName(workerName());
    m_pending = 0; // the old answer would show the wrong worker
    request();
}

void ChartPanel::setGroups(const QVector<GroupConfig> &groups)
{
    m_groups = groups;
    {
        const QSignalBlocker block(m_groupBox);
        m_groupBox->clear();
        m_groupBox->addItem(tr("All workers"), QString());
        for (const GroupConfig &g : groups)
            m_groupBox->addItem(g.displayLabel(), g.name);
        const int i = m_groupBox->findData(m_group);
        m_groupBox->setCurrentIndex(std::max(0, i));
    }
    m_groupBox->setVisible(!groups.isEmpty());
    setGroup(m_groupBox->currentData().toString());
}

void ChartPanel::setGroup(const QString &name)
{
    if (name == m_group)
        return;
    m_group = name;
    {
        const QSignalBlocker block(m_groupBox);
        m_groupBox->setCurrentIndex(std::max(0, m_groupBox->findData(name)));
    }
    m_pending = 0; // the old answer is another group's
    request();
}

void ChartPanel::setWorkerUsual(double usual)
{
    if (usual == m_workerUsual)
        return;
    m_workerUsual = usual;
    refresh();
}

void ChartPanel::setRange(Range range)
{
    m_range = range;
    QSettings().setValue(QStringLiteral("ui/chartRange"), int(range));
    m_buttons->button(range)->setChecked(true);
    m_pending = 0;
    request();
}

void ChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void ChartPanel::refresh()
{
    // Hidden in the tray, a chart redrawn after every poll is CPU for nobody.
    m_stale = !isVisible();
    if (m_stale)
        return;
    if (m_pending) {
        m_again = true; // one more round when the current answer is in
        return;
    }
    request();
}

void ChartPanel::request()
{
    if (m_accounts.isEmpty())
        return;
    const qint64 to = m_host->clock()->nowSecs();
    m_again = false;
    ++m_requests;
    m_pending = m_host->requestChart(m_accounts, m_workerAccount, m_worker, to - rangeSecs(m_range),
                                     to, 2000, m_group);
}

int ChartPanel::pointCount() const
{
    return int(m_total->count());
}

QStringList ChartPanel::accountCurves() const
{
    QStringList names;
    for (const QLineSeries *s : m_accountLines)
        if (s->isVisible())
            names << s->name();
    return names;
}

void ChartPanel::onData(const ChartData &d)
{
    if (d.requestId != m_pending)
        return; // superseded by another range, worker or account
    m_pending = 0;
    const double usual = d.worker.isEmpty() ? 0 : m_workerUsual;
    // A group's own floor ([group.NAME] min_hashrate) with its total; else the account's.
    double floor = m_floor;
    QString groupLabel;
    for (const GroupConfig &g : std::as_const(m_groups))
        if (!d.group.isEmpty() && g.name == d.group) {
            floor = g.minHashRate;
            groupLabel = g.displayLabel();
        }
    const double top = std::max({maxY(d.total), maxY(d.workerRate), floor, usual});
    const HashRateUnit unit = hashRateUnitFor(top);
    m_total->replace(scaled(d.total, unit.divisor));
    m_total->setName(!groupLabel.isEmpty()    ? tr("Hashrate of %1").arg(groupLabel)
                     : d.perAccount.isEmpty() ? tr("Total hashrate")
                                              : tr("Farm hashrate"));
    // A thinner curve per account under the farm's total, in colours of their own.
    static const QColor kAccountColours[] = {QColor(0xfb, 0x8c, 0x00), QColor(0x00, 0x89, 0x7b),
                                             QColor(0x6d, 0x4c, 0x41), QColor(0xd8, 0x1b, 0x60),
                                             QColor(0x54, 0x6e, 0x7a), QColor(0x7c, 0xb3, 0x42)};
    while (m_accountLines.size() < d.perAccount.size()) {
        auto *line = new QLineSeries;
        const QColor c = kAccountColours[m_accountLines.size() % std::size(kAccountColours)];
        line->setPen(QPen(c, 1.2));
        m_chart->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(m_y);
        m_accountLines << line;
    }
    for (qsizetype i = 0; i < m_accountLines.size(); ++i) {
        QLineSeries *line = m_accountLines[i];
        if (i < d.perAccount.size()) {
            const ChartData::Curve &c = d.perAccount[i];
            line->setName(m_labels.value(c.account, c.account));
            line->replace(scaled(c.points, unit.divisor));
            line->setVisible(true);
        } else {
            line->clear();
            line->setVisible(false);
        }
    }
    m_online->replace(d.online.toList());
    m_workerLine->replace(scaled(d.workerRate, unit.divisor));
    m_workerLine->setVisible(!d.worker.isEmpty());
    const double fromMs = double(d.fromSecs) * 1000.0, toMs = double(d.toSecs) * 1000.0;
    if (floor > 0)
        m_floorLine->replace(
            {QPointF(fromMs, floor / unit.divisor), QPointF(toMs, floor / unit.divisor)});
    else
        m_floorLine->clear();
    m_floorLine->setVisible(floor > 0);
    if (usual > 0)
        m_usualLine->replace(
            {QPointF(fromMs, usual / unit.divisor), QPointF(toMs, usual / unit.divisor)});
    else
        m_usualLine->clear();
    m_usualLine->setVisible(usual > 0);

    m_x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(fromMs)),
                  QDateTime::fromMSecsSinceEpoch(qint64(toMs)));
    m_x->setFormat(m_range <= Day ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm"));
    m_x->setTickCount(m_range <= Day ? 7 : 8);
    m_y->setRange(0, top > 0 ? top / unit.divisor * 1.1 : 1);
    m_y->setTitleText(unit.symbol);
    m_y->applyNiceNumbers();
    m_yOnline->setRange(0, std::max(1.0, maxY(d.online) * 1.1));
    m_note->setText(d.total.isEmpty() ? tr("No data for this range yet: the chart fills in as "
                                           "polls come in.")
                                      : QString());
    if (m_again)
        refresh(); // not while hidden: a poll that came during the query asked for it
}

} // namespace rw
