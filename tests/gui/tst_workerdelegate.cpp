// The worker table's delegate paints its own cells to be cheap, but must look like the style's
// item painting: the same table drawn with it and with a plain QStyledItemDelegate gives the
// same pixels (states with their icons, fonts and colours, right-aligned numbers, a selected
// row, an elided cell).
#include "workerfilterproxy.h"
#include "workeritemdelegate.h"
#include "workertablemodel.h"

#include "clock.h"
#include "workerviews.h"

#include <QHeaderView>
#include <QImage>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QtTest>

using namespace rw;
using namespace rw::test;

namespace {

AccountView someOfEach()
{
    AccountView v = farmWithEachState(12);
    WorkerState longHost = online(123.456e12, QStringLiteral("a-rather-long-host-name.example"));
    v.workers.insert(rigName(9), longHost);
    return v;
}

QImage render(QTableView &view, QAbstractItemDelegate *delegate)
{
    view.setItemDelegate(delegate);
    view.viewport()->update();
    QCoreApplication::processEvents();
    return view.viewport()->grab().toImage();
}

} // namespace

class TestWorkerDelegate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void looksLikeTheStylesPainting()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(WorkerTableModel::ColState, Qt::AscendingOrder);
        model.applyView(someOfEach());
        QTableView view;
        view.setModel(&proxy);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setAlternatingRowColors(true);
        view.setWordWrap(false);
        view.verticalHeader()->setVisible(false);
        view.setColumnWidth(WorkerTableModel::ColHost, 60); // too narrow: elided
        view.resize(1100, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectionModel()->select(proxy.index(5, 0), QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);

        QStyledItemDelegate styled;
        WorkerItemDelegate ours;
        const QImage expected = render(view, &styled);
        // Twice: the second time every line comes from the delegate's cache of laid-out lines.
        for (const char *pass : {"laid out", "from the cache"}) {
            const QImage actual = render(view, &ours);
            QCOMPARE(actual.size(), expected.size());
            int differing = 0;
            for (int y = 0; y < expected.height(); ++y)
                for (int x = 0; x < expected.width(); ++x)
                    differing += actual.pixel(x, y) != expected.pixel(x, y) ? 1 : 0;
            if (differing != 0) {
                expected.save(QDir::temp().filePath(QStringLiteral("rigwatch-delegate-style.png")));
                actual.save(QDir::temp().filePath(QStringLiteral("rigwatch-delegate-ours.png")));
            }
            QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 pixels differ (%2)")
                                                    .arg(differing)
                                                    .arg(QLatin1String(pass))));
        }
        view.setItemDelegate(nullptr);
    }
};

QTEST_MAIN(TestWorkerDelegate)
#include "tst_workerdelegate.moc"
