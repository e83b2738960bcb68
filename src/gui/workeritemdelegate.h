#pragma once

#include <QCache>
#include <QFont>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTextOption>
#include <QVector>

namespace rw {

// Paints the worker table's cells. A cell that is one line of plain text (all but the state
// column's icon cell and the focused cell) is laid out once and drawn: the style's generic
// item painting lays the same text out three times (size, elision, drawing), which made
// repainting the table cost more than the poll it shows. Looks the same: background, selection,
// font, colour, alignment and elision come from the same option and model roles. The laid-out
// lines are kept (by text, font, width and alignment) for the next repaint: a poll or the
// one-second tick changes a few cells, and shaping the text was most of what a repaint cost.
class WorkerItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    // The model's font for a row (bold for trouble) resolved against the view's: kept, so cells
    // in the same font share one QFont and its font engine instead of looking it up each time.
    const QFont &resolvedFont(const QFont &roleFont, const QFont &base) const;
    // One line of text laid out for a width, from the cache or made now.
    QTextLayout *line(const QString &text, const QFont &font, const QTextOption &option,
                      int width) const;
    mutable QCache<QString, QTextLayout> m_lines{1024}; // a few screens of cells
    mutable QVector<QFont> m_fonts;                     // the fonts seen, by index in keys
    mutable QFont m_roleFont;
    mutable QFont m_baseFont;
    mutable QFont m_resolvedFont;
};

} // namespace rw
