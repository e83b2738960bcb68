#include "workertableview.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace rw {

namespace {

// Rows of one fixed height, never hidden or moved, so QHeaderView's saving and restoring of
// non-default rows around a layout change finds nothing, after walking every row to find it.
// Its slots for that are private: they are disconnected by name (if a Qt version names them
// otherwise, nothing is disconnected and the header does what QHeaderView does).
class FixedRowHeader : public QHeaderView
{
public:
    explicit FixedRowHeader(QWidget *parent) : QHeaderView(Qt::Vertical, parent)
    {
        setSectionResizeMode(QHeaderView::Fixed);
    }

    void setModel(QAbstractItemModel *model) override
    {
        QHeaderView::setModel(model);
        if (!model)
            return;
        disconnect(model,
                   SIGNAL(layoutAboutToBeChanged(QList<QPersistentModelIndex>,
                                                 QAbstractItemModel::LayoutChangeHint)),
                   this,
                   SLOT(_q_sectionsAboutToBeChanged(QList<QPersistentModelIndex>,
                                                    QAbstractItemModel::LayoutChangeHint)));
        disconnect(model,
                   SIGNAL(layoutChanged(QList<QPersistentModelIndex>,
                                        QAbstractItemModel::LayoutChangeHint)),
                   this,
                   SLOT(_q_sectionsChanged(QList<QPersistentModelIndex>,
                                           QAbstractItemModel::LayoutChangeHint)));
    }
};

// The column header, laid out and repainted again on every layout change of the model, as any
// item view is, though a change that only moves rows (QAbstractItemModel::VerticalSortHint: a
// poll that moves workers, a sort, a filter) leaves its sections as they were: a repaint of the
// whole header per poll. It skips those; any other layout change lays it out as before.
class ColumnHeader : public QHeaderView
{
public:
    explicit ColumnHeader(QWidget *parent) : QHeaderView(Qt::Horizontal, parent) {}

    void setModel(QAbstractItemModel *model) override
    {
        QHeaderView::setModel(model);
        if (!model)
            return;
        // Private slot, disconnected by name: if a Qt version names it otherwise, nothing is
        // disconnected and the header is laid out twice as often, as QHeaderView would be.
        if (disconnect(model, SIGNAL(layoutChanged()), this, SLOT(_q_layoutChanged())))
            connect(model, &QAbstractItemModel::layoutChanged, this,
                    [this](const QList<QPersistentModelIndex> &,
                           QAbstractItemModel::LayoutChangeHint hint) {
                        if (hint != QAbstractItemModel::VerticalSortHint)
                            scheduleDelayedItemsLayout();
                    });
    }
};

} // namespace

WorkerTableView::WorkerTableView(QWidget *parent) : QTableView(parent)
{
    setHorizontalHeader(new ColumnHeader(this));
    // Every layout change also schedules the header's delayed layout (QAbstractItemView), which
    // takes a changed row count, as the disconnected slot would have.
    setVerticalHeader(new FixedRowHeader(this));
    setGridStyle(Qt::NoPen); // QTableView still leaves the grid's pixels free; fillGrid fills them
}

void WorkerTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (showGrid())
        fillGrid(event);
}

// Where QTableView::paintEvent strokes its grid, for each rectangle of the dirty region: under
// each visible row, right of each visible column (left of it, right to left), clipped to the
// rows and columns that exist; the left and top edges too when the style asks for them and the
// header there is hidden.
void WorkerTableView::fillGrid(QPaintEvent *event)
{
    const QHeaderView *vertical = verticalHeader();
    const QHeaderView *horizontal = horizontalHeader();
    if (horizontal->count() == 0 || vertical->count() == 0 || !model())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QColor color = QColor::fromRgba(
        static_cast<QRgb>(style()->styleHint(QStyle::SH_Table_GridLineColor, &option, this)));
    const bool leftTopLines =
        style()->styleHint(QStyle::SH_Table_AlwaysDrawLeftTopGridLines, &option, this);
    const bool rightToLeft = isRightToLeft();
    const int x = horizontal->length() - horizontal->offset() - (rightToLeft ? 0 : 1);
    const int y = vertical->length() - vertical->offset() - 1;

    const QPoint offset = dirtyRegionOffset(); // as QTableView: non-zero only mid-scroll
    QPainter painter(viewport());
    for (QRect dirty : event->region().translated(offset)) {
        dirty.setBottom(qMin(dirty.bottom(), y));
        if (rightToLeft)
            dirty.setLeft(qMax(dirty.left(), viewport()->width() - x));
        else
            dirty.setRight(qMin(dirty.right(), x));
        if (!dirty.isValid())
            continue;
        int left = horizontal->visualIndexAt(dirty.left());
        int right = horizontal->visualIndexAt(dirty.right());
        if (rightToLeft)
            std::swap(left, right);
        if (left == -1)
            left = 0;
        if (right == -1)
            right = horizontal->count() - 1;
        int bottom = vertical->visualIndexAt(dirty.bottom());
        if (bottom == -1)
            bottom = vertical->count() - 1;
        int top = vertical->visualIndexAt(dirty.top());
        if (top == -1 || top > bottom)
            continue;
        while (bottom > top && vertical->isSectionHidden(vertical->logicalIndex(bottom)))
            --bottom;
        for (int v = top; v <= bottom; ++v) {
            const int row = vertical->logicalIndex(v);
            if (vertical->isSectionHidden(row))
                continue;
            const int lineY = rowViewportPosition(row) + offset.y() + rowHeight(row) - 1;
            painter.fillRect(QRect(dirty.left(), lineY, dirty.width(), 1), color);
        }
        for (int h = left; h <= right; ++h) {
            const int column = horizontal->logicalIndex(h);
            if (horizontal->isSectionHidden(column))
                continue;
            int lineX = columnViewportPosition(column) + offset.x();
            if (!rightToLeft)
                lineX += columnWidth(column) - 1;
            painter.fillRect(QRect(lineX, dirty.top(), 1, dirty.height()), color);
        }
        if (leftTopLines && horizontal->isHidden()) {
            const int row = vertical->logicalIndex(top);
            if (!vertical->isSectionHidden(row) &&
                rowViewportPosition(row) + offset.y() == dirty.top())
                painter.fillRect(QRect(dirty.left(), dirty.top(), dirty.width(), 1), color);
        }
        if (leftTopLines && vertical->isHidden()) {
            const int column = horizontal->logicalIndex(left);
            if (!horizontal->isSectionHidden(column)) {
                int lineX = columnViewportPosition(column) + offset.x();
                if (rightToLeft)
                    lineX += columnWidth(left) - 1;
                if ((!rightToLeft && lineX == dirty.left()) ||
                    (rightToLeft && lineX == dirty.right()))
                    painter.fillRect(QRect(lineX, dirty.top(), 1, dirty.height()), color);
            }
        }
    }
}

} // namespace rw
