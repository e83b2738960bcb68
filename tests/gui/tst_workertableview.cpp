// The worker table fills its grid instead of letting QTableView stroke it (cheaper repaints),
// and must look exactly as QTableView's grid: the same table in both views gives the same
// pixels, painted whole or a dirty region at a time, scrolled, with a hidden column, right to
// left, and with the grid turned off. Its row header skips QHeaderView's bookkeeping of odd-sized
// rows on layout changes: rows still follow the sorting proxy through polls, filters and sorts.
#include "proxyorder.h"
#include "workerfilterproxy.h"
#include "workeritemdelegate.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include "clock.h"
#include "workerviews.h"

#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QProxyStyle>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>

using namespace rw;
using namespace rw::test;

namespace {

void setUp(QTableView &view, QAbstractItemModel *model)
{
    view.setModel(model);
    view.setItemDelegate(new WorkerItemDelegate(&view));
    view.setAlternatingRowColors(true);
    view.setWordWrap(false);
    view.verticalHeader()->setVisible(false);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(900, 360);
    view.show();
}

// The viewport painted for one region only (a paint event for exactly that region), over a
// background that is neither the table's base nor its grid colour.
QImage paint(QTableView &view, const QRegion &region)
{
    QPixmap pixmap(view.viewport()->size());
    pixmap.fill(Qt::magenta);
    view.viewport()->render(&pixmap, QPoint(), region, QWidget::DrawChildren);
    return pixmap.toImage();
}

// A style that asks for the grid's left and top edges where the headers are hidden (some
// platform styles do; Fusion does not).
class EdgeLinesStyle : public QProxyStyle
{
public:
    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                  QStyleHintReturn *returnData) const override
    {
        if (hint == SH_Table_AlwaysDrawLeftTopGridLines)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};

// Counts who listens to the proxy's layout changes.
class ListenedProxy : public WorkerFilterProxy
{
public:
    int layoutListeners() const
    {
        return receivers(SIGNAL(layoutAboutToBeChanged(QList<QPersistentModelIndex>,
                                                       QAbstractItemModel::LayoutChangeHint)));
    }
};

// Counts the paint events of a widget it filters.
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return -1;
    int differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differing += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    return differing;
}

} // namespace

class TestWorkerTableView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void gridLooksAsQTableViewDrawsIt_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("as shown") << QString();
        QTest::newRow("scrolled") << QStringLiteral("scrolled");
        QTest::newRow("hidden column") << QStringLiteral("hidden column");
        QTest::newRow("right to left") << QStringLiteral("right to left");
        QTest::newRow("vertical header shown") << QStringLiteral("vertical header");
        QTest::newRow("horizontal header hidden") << QStringLiteral("no horizontal header");
        QTest::newRow("fewer rows than fit") << QStringLiteral("few rows");
        QTest::newRow("grid off") << QStringLiteral("grid off");
        QTest::newRow("edge lines, headers hidden") << QStringLiteral("edge lines");
        QTest::newRow("edge lines, right to left") << QStringLiteral("edge lines rtl");
    }

    void gridLooksAsQTableViewDrawsIt()
    {
        QFETCH(QString, setting);
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        if (setting == QLatin1String("few rows"))
            model.applyView(farm(4));
        else
            model.applyView(farmWithEachState(60));
        QTableView qt;
        WorkerTableView ours;
        EdgeLinesStyle edgeLines;
        for (QTableView *view : {&qt, static_cast<QTableView *>(&ours)}) {
            if (setting.startsWith(QLatin1String("edge lines")))
                view->setStyle(&edgeLines);
            if (setting == QLatin1String("right to left") || setting.endsWith(QLatin1String("rtl")))
                view->setLayoutDirection(Qt::RightToLeft);
            setUp(*view, &model);
            if (setting == QLatin1String("hidden column"))
                view->setColumnHidden(WorkerTableModel::ColHashRate1h, true);
            if (setting == QLatin1String("vertical header"))
                view->verticalHeader()->setVisible(true);
            if (setting == QLatin1String("no horizontal header") ||
                setting.startsWith(QLatin1String("edge lines")))
                view->horizontalHeader()->setVisible(false);
            if (setting == QLatin1String("grid off"))
                view->setShowGrid(false);
            QVERIFY(QTest::qWaitForWindowExposed(view));
            if (setting == QLatin1String("scrolled")) {
                view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
                view->horizontalScrollBar()->setValue(37);
            }
            QCoreApplication::processEvents();
        }
        QCOMPARE(ours.showGrid(), setting != QLatin1String("grid off"));

        const QRect all = qt.viewport()->rect();
        const int row = qt.rowHeight(0);
        const QRect cell = qt.visualRect(model.index(3, WorkerTableModel::ColState));
        const QVector<QRegion> regions{
            QRegion(all),
            QRegion(cell),                                          // one cell
            QRegion(0, row * 2 + 3, all.width(), row * 3),          // a band of rows
            QRegion(cell.x() + 5, 0, cell.width(), all.height()),   // a column, off-grid
            QRegion(10, 10, 200, 50) + QRegion(400, 120, 300, 100), // two rectangles
            QRegion(all.width() - 50, all.height() - 30, 50, 30),   // the bottom corner
        };
        for (const QRegion &region : regions) {
            const QImage expected = paint(qt, region);
            const QImage actual = paint(ours, region);
            const int differing = differingPixels(expected, actual);
            if (differing != 0) {
                expected.save(QDir::temp().filePath(QStringLiteral("rigwatch-grid-qt.png")));
                actual.save(QDir::temp().filePath(QStringLiteral("rigwatch-grid-ours.png")));
            }
            QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 pixels differ in %2")
                                                    .arg(differing)
                                                    .arg(QDebug::toString(region.boundingRect()))));
        }
    }

    // The lines are there: a pixel under a row and right of a column has the style's grid
    // colour, and the cells' own pixels do not.
    void gridIsDrawn()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        model.applyView(farm(20));
        WorkerTableView view;
        setUp(view, &model);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = paint(view, view.viewport()->rect());
        QStyleOptionViewItem option;
        option.initFrom(&view);
        const QColor grid = QColor::fromRgba(static_cast<QRgb>(
            view.style()->styleHint(QStyle::SH_Table_GridLineColor, &option, &view)));
        const QRect cell = view.visualRect(model.index(2, WorkerTableModel::ColHashRate));
        QCOMPARE(image.pixelColor(cell.center().x(), cell.bottom() + 1), grid);
        QCOMPARE(image.pixelColor(cell.right() + 1, cell.center().y()), grid);
        QVERIFY(image.pixelColor(cell.left() + 1, cell.bottom()) != grid);
    }

    // The saving: the row header does not walk its rows on the proxy's layout changes (one per
    // worker a poll moves). If a Qt version renamed QHeaderView's private slot this fails, and
    // the table would only be slower.
    void rowHeaderSkipsLayoutBookkeeping()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        ListenedProxy plain, ours;
        plain.setSourceModel(&model);
        ours.setSourceModel(&model);
        QTableView qtView;
        qtView.setModel(&plain);
        WorkerTableView ourView;
        ourView.setModel(&ours);
        QCOMPARE(ours.layoutListeners(), plain.layoutListeners() - 1);
    }

    // A layout change that only moves rows (a poll that moves workers, a sort, a filter) leaves
    // the column header as it was: it is not laid out and painted again for nothing. Any other
    // layout change still repaints it.
    void columnHeaderIgnoresRowMoves()
    {
        QStandardItemModel model(3, 3);
        WorkerTableView view;
        view.setModel(&model);
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        PaintCounter paints;
        PaintCounter rowPaints; // the rows are repainted in the same pass as the header would be
        view.horizontalHeader()->viewport()->installEventFilter(&paints);
        view.viewport()->installEventFilter(&rowPaints);
        QCoreApplication::processEvents();
        paints.count = 0;
        rowPaints.count = 0;

        emit model.layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        emit model.layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        QTRY_VERIFY(rowPaints.count > 0);
        QCOMPARE(paints.count, 0);
        QCOMPARE(view.horizontalHeader()->count(), 3);

        emit model.layoutAboutToBeChanged();
        emit model.layoutChanged();
        QTRY_VERIFY(paints.count > 0);
    }

    // What the view shows row by row: the names at the centre of each row, top to bottom, from
    // the first row to the last one scrolled into view.
    void rowsFollowTheProxy()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        WorkerTableView view;
        setUp(view, &proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(WorkerTableModel::ColState, Qt::AscendingOrder);
        AccountView v = farm(300);
        model.applyView(v);
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const auto shownMatchesProxy = [&]() -> QString {
            QCoreApplication::processEvents();
            if (view.verticalHeader()->count() != proxy.rowCount())
                return QStringLiteral("%1 rows in the header, %2 in the proxy")
                    .arg(view.verticalHeader()->count())
                    .arg(proxy.rowCount());
            for (const bool bottom : {false, true}) {
                if (bottom)
                    view.scrollToBottom();
                else
                    view.scrollToTop();
                QCoreApplication::processEvents();
                const int x = view.columnViewportPosition(WorkerTableModel::ColWorker) + 5;
                for (int y = 2; y < view.viewport()->height(); y += view.rowHeight(0)) {
                    const QModelIndex at = view.indexAt(QPoint(x, y));
                    if (!at.isValid())
                        break;
                    const int row = view.rowAt(y);
                    if (at.row() != row || view.rowViewportPosition(row) > y ||
                        view.rowViewportPosition(row) + view.rowHeight(row) <= y)
                        return QStringLiteral("row %1 is not where the header says").arg(row);
                }
                const int lastRow = proxy.rowCount() - 1;
                const int lastY = view.rowViewportPosition(lastRow);
                if (bottom && lastRow >= 0 &&
                    (lastY < 0 || lastY + view.rowHeight(lastRow) > view.viewport()->height() ||
                     view.rowAt(lastY + 1) != lastRow))
                    return QStringLiteral("the last row is not shown at the bottom");
            }
            return {};
        };
        QCOMPARE(shownMatchesProxy(), QString());

        // A poll moves workers across the sorted table (each a layout change of the proxy).
        AccountView poll = v;
        for (int i = 0; i < 300; i += 7) {
            poll.workers.insert(rigName(i), down(WorkerStatus::Offline, kNow - 900 - i));
            poll.changed << rigName(i);
        }
        model.applyView(poll);
        QCOMPARE(proxyNames(proxy),
                 sortedFromScratch(poll, WorkerTableModel::ColState, Qt::AscendingOrder));
        QCOMPARE(shownMatchesProxy(), QString());
        view.scrollToTop();
        QCOMPARE(view.indexAt(QPoint(5, 2)).data().toString(), rigName(0)); // trouble first

        // Filters and searches shrink and grow the table; a re-sort by another column.
        proxy.setStateFilter(WorkerFilterProxy::Offline);
        QCOMPARE(proxy.rowCount(), 43);
        QCOMPARE(shownMatchesProxy(), QString());
        proxy.setStateFilter(WorkerFilterProxy::All);
        proxy.setSearchText(QStringLiteral("rig-0010")); // rig-00100 ... rig-00109
        QCOMPARE(proxy.rowCount(), 10);
        QCOMPARE(shownMatchesProxy(), QString());
        proxy.setSearchText(QString());
        view.sortByColumn(WorkerTableModel::ColHashRate, Qt::DescendingOrder);
        QCOMPARE(shownMatchesProxy(), QString());
        proxy.invalidate(); // a layout change with everything mapped anew
        QCOMPARE(proxy.rowCount(), 300);
        QCOMPARE(shownMatchesProxy(), QString());
        model.applyView(AccountView{}); // another account, no workers: a reset
        QCOMPARE(shownMatchesProxy(), QString());
    }
};

QTEST_MAIN(TestWorkerTableView)
#include "tst_workertableview.moc"
