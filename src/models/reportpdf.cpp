#include "reportpdf.h"

#include "report/reportwriter.h"
#include "util/units.h"

#include <QDateTime>
#include <QFile>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace rw {

namespace {

// Page geometry in points (the writer's resolution is set to 72 dpi).
constexpr qreal kMargin = 40;
constexpr qreal kRow = 15;

class Pages
{
public:
    Pages(QPdfWriter *writer, QPainter *painter) : m_writer(writer), m_p(painter)
    {
        m_width = m_writer->width() - 2 * kMargin;
        m_bottom = m_writer->height() - kMargin;
        m_y = kMargin;
    }
    QPainter *painter() const { return m_p; }
    qreal width() const { return m_width; }
    qreal y() const { return m_y; }
    void advance(qreal dy) { m_y += dy; }
    // Starts a new page unless `height` still fits on this one.
    void need(qreal height)
    {
        if (m_y + height <= m_bottom)
            return;
        m_writer->newPage();
        m_y = kMargin;
    }
    void text(const QString &s, qreal size, bool bold = false)
    {
        QFont f = m_p->font();
        f.setPointSizeF(size);
        f.setBold(bold);
        m_p->setFont(f);
        const qreal h = QFontMetricsF(f).height() + 4;
        need(h);
        m_p->drawText(QRectF(kMargin, m_y, m_width, h), Qt::AlignLeft | Qt::AlignVCenter, s);
        m_y += h;
    }

private:
    QPdfWriter *m_writer;
    QPainter *m_p;
    qreal m_width = 0, m_bottom = 0, m_y = 0;
};

// Column widths as fractions of the page: name, workers, availability, downtime, outages,
// MTTR, degraded, average hash rate.
constexpr std::array<qreal, 8> kColumns{0.20, 0.09, 0.11, 0.12, 0.09, 0.12, 0.11, 0.16};

void tableRow(Pages &pages, const QStringList &cells, bool bold, bool shade)
{
    pages.need(kRow);
    QPainter *p = pages.painter();
    QFont f = p->font();
    f.setPointSizeF(8);
    f.setBold(bold);
    p->setFont(f);
    if (shade)
        p->fillRect(QRectF(kMargin, pages.y(), pages.width(), kRow), QColor(238, 241, 245));
    qreal x = kMargin;
    for (int i = 0; i < cells.size() && i < int(kColumns.size()); ++i) {
        const qreal w = kColumns[size_t(i)] * pages.width();
        p->drawText(QRectF(x + 2, pages.y(), w - 4, kRow),
                    (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(cells.at(i), Qt::ElideRight, w - 4));
        x += w;
    }
    pages.advance(kRow);
}

QStringList cellsOf(const QString &name, int workers, const AvailabilityFigures &f, double rate)
{
    return {name,
            QString::number(workers),
            ReportText::availability(f),
            ReportText::duration(f.downSecs),
            QString::number(f.outages),
            f.outages ? ReportText::duration(f.mttrSecs()) : QStringLiteral("—"),
            ReportText::duration(f.degradedSecs),
            formatHashRate(rate)};
}

const QColor kLineColours[] = {QColor(31, 119, 180), QColor(255, 127, 14),  QColor(44, 160, 44),
                               QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75)};

// The groups' hash rates over the period, one line each, with a time axis in days.
void chart(Pages &pages, const AccountAvailability &a, qint64 from, qint64 to)
{
    const qreal height = 190;
    pages.need(height + 30);
    QPainter *p = pages.painter();
    const QRectF box(kMargin + 50, pages.y() + 8, pages.width() - 60, height - 40);
    double top = 0;
    for (const GroupAvailability &g : a.groups)
        for (const SeriesPoint &pt : g.hashRate)
            top = std::max(top, pt.hashRate);
    const HashRateUnit unit = hashRateUnitFor(top);
    top = top > 0 ? top * 1.1 : 1;
    QFont f = p->font();
    f.setPointSizeF(7);
    f.setBold(false);
    p->setFont(f);
    p->setPen(QPen(QColor(200, 200, 200), 0.5));
    for (int i = 0; i <= 4; ++i) {
        const qreal y = box.bottom() - box.height() * i / 4;
        p->drawLine(QPointF(box.left(), y), QPointF(box.right(), y));
        p->setPen(Qt::black);
        p->drawText(QRectF(kMargin, y - 6, 46, 12), Qt::AlignRight | Qt::AlignVCenter,
                    QString::number(top * i / 4 / unit.divisor, 'f', 1));
        p->setPen(QPen(QColor(200, 200, 200), 0.5));
    }
    p->setPen(Qt::black);
    p->drawText(QRectF(kMargin, box.top() - 12, 60, 10), Qt::AlignLeft, unit.symbol);
    const auto xOf = [&](qint64 at) {
        return box.left() +
               box.width() * double(at - from) / double(std::max<qint64>(1, to - from));
    };
    // Date ticks: a few, at bucket boundaries, in UTC like the buckets.
    const int ticks = 6;
    for (int i = 0; i <= ticks; ++i) {
        const qint64 at = from + (to - from) * i / ticks;
        p->drawText(QRectF(xOf(at) - 40, box.bottom() + 2, 80, 10), Qt::AlignHCenter,
                    QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc())
                        .toString(to - from > 3 * 86400 ? QStringLiteral("MM-dd")
                                                        : QStringLiteral("MM-dd hh:mm")));
    }
    p->drawRect(box);
    qreal legendX = box.left();
    int colour = 0;
    for (const GroupAvailability &g : a.groups) {
        const QColor c = kLineColours[colour++ % int(std::size(kLineColours))];
        QPainterPath path;
        for (const SeriesPoint &pt : g.hashRate) {
            const QPointF at(xOf(std::max(pt.at, from)),
                             box.bottom() - box.height() * pt.hashRate / top);
            if (path.elementCount() == 0)
                path.moveTo(at);
            else
                path.lineTo(at);
        }
        p->setPen(QPen(c, 1.2));
        p->drawPath(path);
        p->fillRect(QRectF(legendX, box.bottom() + 16, 8, 8), c);
        p->setPen(Qt::black);
        const QString label = g.label;
        p->drawText(QRectF(legendX + 11, box.bottom() + 14, 110, 12), Qt::AlignLeft, label);
        legendX += 120;
    }
    pages.advance(height);
}

} // namespace

bool ReportPdf::write(const AvailabilityReport &report, const Header &header, const QString &path,
                      QString *error)
{
    {
        // QPdfWriter reports no error of its own: find out first whether the file can be made.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = tr("cannot write %1: %2").arg(path, probe.errorString());
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator(QStringLiteral("RigWatch"));
    QStringList farms;
    for (const AccountAvailability &a : report.accounts)
        farms << a.label;
    const QString farm = header.farm.isEmpty() ? farms.join(QStringLiteral(", ")) : header.farm;
    const QString title = tr("Availability report");
    writer.setTitle(title + QStringLiteral(": ") + farm);
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = tr("cannot write %1: the PDF writer could not start").arg(path);
        return false;
    }
    Pages pages(&writer, &painter);
    pages.text(title, 18, true);
    pages.text(tr("Farm: %1").arg(farm), 11);
    if (!header.group.isEmpty())
        pages.text(tr("Group: %1").arg(header.group), 11);
    pages.text(tr("Period: %1").arg(header.period), 11);
    pages.text(tr("Availability = worker-minutes online / worker-minutes expected; MTTR = downtime "
                  "per outage."),
               8);
    pages.advance(6);
    const QStringList heading{tr("Name"),     tr("Workers"),      tr("Availability"),
                              tr("Downtime"), tr("Outages"),      tr("MTTR"),
                              tr("Degraded"), tr("Avg. hashrate")};
    for (const AccountAvailability &a : report.accounts) {
        pages.need(80);
        pages.text(a.label, 13, true);
        tableRow(pages, heading, true, true);
        tableRow(pages, cellsOf(tr("Account total"), a.workerCount, a.figures, a.averageHashRate),
                 true, false);
        for (const GroupAvailability &g : a.groups)
            tableRow(pages, cellsOf(g.label, g.workerCount, g.figures, g.averageHashRate), false,
                     false);
        pages.advance(8);
        pages.text(tr("Hashrate by group"), 10, true);
        chart(pages, a, report.from, report.to);
        pages.advance(6);
        pages.text(tr("Workers"), 10, true);
        tableRow(pages, heading, true, true);
        bool shade = false;
        for (const WorkerAvailability &w : a.workers) {
            tableRow(pages,
                     cellsOf(w.worker + QStringLiteral("  (") + ReportText::groupLabel(a, w.group) +
                                 QLatin1Char(')'),
                             1, w.figures, w.averageHashRate),
                     false, shade);
            shade = !shade;
        }
        pages.advance(12);
    }
    if (report.accounts.isEmpty())
        pages.text(tr("No account is configured."), 10);
    pages.text(tr("Generated by RigWatch on %1")
                   .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
               7);
    if (!painter.end()) {
        *error = tr("cannot write %1: the PDF could not be finished").arg(path);
        return false;
    }
    return true;
}

} // namespace rw
