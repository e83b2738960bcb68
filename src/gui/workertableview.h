#pragma once

#include <QTableView>

namespace rw {

// The worker table's view: a QTableView made cheaper where a 10,000-row table made it costly,
// looking and behaving the same.
// - The grid is filled, not stroked. QTableView draws it as fractional cosmetic lines, which the
//   raster engine plots a pixel at a time (a row's line across a wide window is a thousand
//   blends): the repaint after every poll paid more for the grid than for some columns' text.
//   Here the same lines, in the same places and the style's grid colour, are 1-pixel rectangles
//   filled in one go. The grid is always solid: gridStyle() reports Qt::NoPen (that is what
//   keeps QTableView from stroking it); showGrid() turns it off as usual.
// - The row header (hidden; every row the same fixed height, none hidden) skips the per-row
//   bookkeeping QHeaderView does on every layout change of the model: a poll that moves 50
//   workers in a sorted table is 50 layout changes, each a walk over all 10,000 rows to find
//   rows of non-default size or hidden ones, of which this header has none. What is left of it
//   (a new row count, a repaint) the header's own delayed layout does.
// - The column header skips the layout and repaint every item view does on a layout change of
//   the model when the change only moves rows (QAbstractItemModel::VerticalSortHint): its
//   sections are the same, and a poll that moves workers repainted the whole header.
class WorkerTableView : public QTableView
{
    Q_OBJECT
public:
    explicit WorkerTableView(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void fillGrid(QPaintEvent *event);
};

} // namespace rw
