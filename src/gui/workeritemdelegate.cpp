#include "workeritemdelegate.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QTextLayout>
#include <QtMath>

#include <array>

namespace rw {

namespace {
enum RoleSlot
{
    Display,
    Decoration,
    CheckState,
    Font,
    Alignment,
    Foreground,
    Background
};
} // namespace

const QFont &WorkerItemDelegate::resolvedFont(const QFont &roleFont, const QFont &base) const
{
    if (roleFont != m_roleFont || roleFont.resolveMask() != m_roleFont.resolveMask() ||
        base != m_baseFont || base.resolveMask() != m_baseFont.resolveMask()) {
        m_roleFont = roleFont;
        m_baseFont = base;
        m_resolvedFont = roleFont.resolve(base);
    }
    return m_resolvedFont;
}

QTextLayout *WorkerItemDelegate::line(const QString &text, const QFont &font,
                                      const QTextOption &option, int width) const
{
    qsizetype fontIndex = 0;
    while (fontIndex < m_fonts.size() &&
           (m_fonts[fontIndex] != font || m_fonts[fontIndex].resolveMask() != font.resolveMask()))
        ++fontIndex;
    if (fontIndex == m_fonts.size()) {
        if (m_fonts.size() >= 16) { // fonts keep changing (zooming?): start over
            m_fonts.clear();
            m_lines.clear();
            fontIndex = 0;
        }
        m_fonts.append(font);
    }
    const QString key =
        text + QChar(0x1f) + QString::number(width) + QChar(0x1f) +
        QString::number(int(option.alignment()) | int(option.textDirection()) << 16) + QChar(0x1f) +
        QString::number(fontIndex);
    if (QTextLayout *known = m_lines.object(key))
        return known;
    auto *layout = new QTextLayout(text, font);
    layout->setTextOption(option);
    layout->setCacheEnabled(true); // or endLayout() drops the glyphs and draw() shapes again
    layout->beginLayout();
    QTextLine line = layout->createLine();
    line.setLineWidth(width);
    layout->endLayout();
    m_lines.insert(key, layout);
    return layout;
}

void WorkerItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    std::array<QModelRoleData, 7> roles{
        QModelRoleData(Qt::DisplayRole),       QModelRoleData(Qt::DecorationRole),
        QModelRoleData(Qt::CheckStateRole),    QModelRoleData(Qt::FontRole),
        QModelRoleData(Qt::TextAlignmentRole), QModelRoleData(Qt::ForegroundRole),
        QModelRoleData(Qt::BackgroundRole)};
    index.multiData(roles);
    const QVariant &display = roles[Display].data();
    const QVariant &decoration = roles[Decoration].data();
    // Check boxes, pixmaps, icons not on the left, right-to-left, the focus frame, editing and
    // text of several lines: the style's way.
    if ((decoration.isValid() && (decoration.userType() != QMetaType::QIcon ||
                                  option.decorationPosition != QStyleOptionViewItem::Left)) ||
        roles[CheckState].data().isValid() || option.direction != Qt::LeftToRight ||
        (option.state & (QStyle::State_HasFocus | QStyle::State_Editing)) ||
        (option.features & QStyleOptionViewItem::WrapText) ||
        (display.userType() == QMetaType::QString &&
         display.toString().contains(QLatin1Char('\n')))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    QStyleOptionViewItem opt = option;
    opt.index = index;
    QIcon::Mode iconMode = QIcon::Normal;
    if (!(opt.state & QStyle::State_Enabled))
        iconMode = QIcon::Disabled;
    else if (opt.state & QStyle::State_Selected)
        iconMode = QIcon::Selected;
    const QIcon::State iconState = (opt.state & QStyle::State_Open) ? QIcon::On : QIcon::Off;
    if (decoration.isValid()) {
        // As QStyledItemDelegate sets it up: never larger than the view's decoration size.
        opt.icon = qvariant_cast<QIcon>(decoration);
        opt.features |= QStyleOptionViewItem::HasDecoration;
        opt.decorationSize = opt.icon.actualSize(opt.decorationSize, iconMode, iconState)
                                 .boundedTo(opt.decorationSize);
    }
    if (roles[Font].data().isValid()) {
        opt.font = resolvedFont(qvariant_cast<QFont>(roles[Font].data()), opt.font);
        if (opt.state & QStyle::State_Selected) // the style measures the selection with it
            opt.fontMetrics = QFontMetrics(opt.font);
    }
    if (roles[Alignment].data().isValid())
        opt.displayAlignment = Qt::Alignment(roles[Alignment].data().toInt());
    if (roles[Background].data().canConvert<QBrush>())
        opt.backgroundBrush = qvariant_cast<QBrush>(roles[Background].data());
    if (display.isValid() && !display.isNull()) {
        opt.features |= QStyleOptionViewItem::HasDisplay;
        opt.text = displayText(display, opt.locale);
    }

    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Everything below stays inside the cell (the text is elided to its inset rectangle), so
    // unlike the style no clip and no saved painter state per cell: only the pen is restored.
    const QPen pen = painter->pen();
    // Background, selection and hover as the style draws them for any item; for a plain cell
    // the style draws nothing here, and is not asked (it works out its colours on every call).
    if ((opt.state & (QStyle::State_Selected | QStyle::State_MouseOver)) ||
        opt.backgroundBrush.style() != Qt::NoBrush)
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    // The style's item layout for a cell with at most an icon on the left: the icon in a
    // margined box, the text in the rest, inset by the same margin.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect textRect = opt.rect;
    if (opt.features & QStyleOptionViewItem::HasDecoration) {
        const QRect box(opt.rect.x(), opt.rect.y(), opt.decorationSize.width() + 2 * margin,
                        opt.rect.height());
        opt.icon.paint(
            painter,
            QStyle::alignedRect(opt.direction, opt.decorationAlignment, opt.decorationSize, box),
            opt.decorationAlignment, iconMode, iconState);
        textRect.setLeft(box.right() + 1);
    }
    textRect.adjust(margin, 0, -margin, 0);
    if (opt.text.isEmpty())
        return;

    // The pen the style would use: the model's foreground stands for the palette's text colour.
    QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    if (opt.state & QStyle::State_Selected)
        painter->setPen(opt.palette.color(group, QPalette::HighlightedText));
    else if (roles[Foreground].data().canConvert<QBrush>())
        painter->setPen(qvariant_cast<QBrush>(roles[Foreground].data()).color());
    else
        painter->setPen(opt.palette.color(group, QPalette::Text));

    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    QTextOption textOption(align);
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    const auto drawLine = [&](const QString &text, bool onlyIfItFits) {
        const QTextLayout *layout = line(text, opt.font, textOption, textRect.width());
        const QTextLine first = layout->lineAt(0);
        if (onlyIfItFits && first.naturalTextWidth() > textRect.width())
            return false;
        const QSize size(textRect.width(), qCeil(first.height()));
        layout->draw(painter, QStyle::alignedRect(opt.direction, align, size, textRect).topLeft());
        return true;
    };
    // Too wide (a narrowed column): elided as the style would, the rare case.
    if (!drawLine(opt.text, true))
        drawLine(QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, textRect.width()),
                 false);
    painter->setPen(pen);
}

} // namespace rw
