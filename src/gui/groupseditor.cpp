#include "groupseditor.h"

#include "guisettings.h"

#include "config/valuecheck.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rw {

namespace {
QLineEdit *field(QWidget *parent, const char *name)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    return e;
}

QStringList globList(const QString &text)
{
    QStringList list;
    for (const QString &g : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!g.trimmed().isEmpty())
            list << g.trimmed();
    return list;
}
} // namespace

GroupsEditor::GroupsEditor(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_add(new QPushButton(this)),
      m_remove(new QPushButton(this)), m_up(new QPushButton(this)), m_down(new QPushButton(this)),
      m_name(field(this, "groupName")), m_label(field(this, "groupLabel")),
      m_workers(field(this, "groupWorkers")), m_hosts(field(this, "groupHosts")),
      m_chat(field(this, "groupChat")), m_floor(field(this, "groupFloor")),
      m_nameLabel(new QLabel(this)), m_labelLabel(new QLabel(this)),
      m_workersLabel(new QLabel(this)), m_hostsLabel(new QLabel(this)),
      m_chatLabel(new QLabel(this)), m_floorLabel(new QLabel(this)), m_help(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("groupList"));
    m_add->setObjectName(QStringLiteral("addGroup"));
    m_remove->setObjectName(QStringLiteral("removeGroup"));
    m_up->setObjectName(QStringLiteral("moveGroupUp"));
    m_down->setObjectName(QStringLiteral("moveGroupDown"));
    m_help->setWordWrap(true);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto *form = new QFormLayout;
    const std::pair<QLabel *, QLineEdit *> rows[] = {
        {m_nameLabel, m_name},   {m_labelLabel, m_label}, {m_workersLabel, m_workers},
        {m_hostsLabel, m_hosts}, {m_chatLabel, m_chat},   {m_floorLabel, m_floor}};
    for (auto [label, edit] : rows) {
        label->setBuddy(edit);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (m_showing)
                return; // select() filling the form, not the user typing
            store();
            emit changed();
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    layout->addWidget(m_help);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        store();
        select(row);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        store();
        Entry e;
        e.name = QStringLiteral("group%1").arg(m_entries.size() + 1);
        m_entries << e;
        refreshList();
        m_list->setCurrentRow(int(m_entries.size()) - 1);
        m_name->setFocus();
        m_name->selectAll();
        emit changed();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_current < 0 || m_current >= m_entries.size())
            return;
        m_entries.remove(m_current);
        const int next = std::min(m_current, int(m_entries.size()) - 1);
        m_current = -1;
        refreshList();
        m_list->setCurrentRow(next);
        select(next);
        emit changed();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    retranslate();
    select(-1);
}

void GroupsEditor::retranslate()
{
    m_add->setText(tr("&Add group"));
    m_remove->setText(tr("Re&move"));
    m_up->setText(tr("Move &up"));
    m_down->setText(tr("Move do&wn"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setToolTip(tr("Letters, digits, '-' and '_'; /metrics and the report use it"));
    m_labelLabel->setText(tr("&Label:"));
    m_label->setPlaceholderText(tr("As shown, e.g. Site A (empty: the name)"));
    m_workersLabel->setText(tr("&Workers:"));
    m_workers->setPlaceholderText(tr("rig-a*, a1-??"));
    m_workers->setToolTip(tr("Comma-separated globs over worker names: * any run, ? one "
                             "character, case ignored"));
    m_hostsLabel->setText(tr("&Hosts:"));
    m_hosts->setPlaceholderText(tr("203.0.113.*"));
    m_hosts->setToolTip(tr("Comma-separated globs over the host the pool reports (f2pool: the "
                           "site's public IP)"));
    m_chatLabel->setText(tr("&Chat:"));
    m_chat->setPlaceholderText(tr("Empty: the Telegram page's chat"));
    m_floorLabel->setText(tr("Hashrate &floor:"));
    m_floor->setPlaceholderText(tr("e.g. 2P or 350T; empty or 0: off"));
    m_help->setText(tr("A worker belongs to the first group, from the top, whose workers or "
                       "hosts match; the others stay in no group and use the Telegram page's "
                       "chat. Groups apply to every account."));
}

void GroupsEditor::setGroups(const QVector<GroupConfig> &groups)
{
    m_entries.clear();
    for (const GroupConfig &g : groups)
        m_entries << Entry{g.name,
                           g.label,
                           g.workers.join(QStringLiteral(", ")),
                           g.hosts.join(QStringLiteral(", ")),
                           g.chat,
                           g.minHashRate > 0 ? GuiSettings::hashRateText(g.minHashRate)
                                             : QString()};
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_entries.isEmpty() ? -1 : 0);
    select(m_list->currentRow());
}

QVector<GroupConfig> GroupsEditor::groups() const
{
    const_cast<GroupsEditor *>(this)->store();
    QVector<GroupConfig> out;
    for (const Entry &e : m_entries) {
        GroupConfig g;
        g.name = e.name.trimmed();
        g.label = e.label.trimmed();
        g.workers = globList(e.workers);
        g.hosts = globList(e.hosts);
        g.chat = e.chat.trimmed();
        if (!e.floor.trimmed().isEmpty())
            checkHashRate(QString(), e.floor, &g.minHashRate);
        out << g;
    }
    return out;
}

QString GroupsEditor::problem() const
{
    for (const Entry &e : m_entries) {
        if (e.floor.trimmed().isEmpty())
            continue;
        double floor = 0;
        const ValueCheck c = checkHashRate(
            tr("Hashrate floor of group \"%1\"").arg(e.name.trimmed()), e.floor, &floor);
        if (c.refused())
            return c.message;
    }
    return {};
}

void GroupsEditor::select(int row)
{
    m_current = row >= 0 && row < m_entries.size() ? row : -1;
    const Entry e = m_current >= 0 ? m_entries[m_current] : Entry{};
    const std::pair<QLineEdit *, QString> values[] = {{m_name, e.name},       {m_label, e.label},
                                                      {m_workers, e.workers}, {m_hosts, e.hosts},
                                                      {m_chat, e.chat},       {m_floor, e.floor}};
    m_showing = true;
    for (auto [edit, text] : values) {
        edit->setText(text);
        edit->setEnabled(m_current >= 0);
    }
    m_showing = false;
    m_remove->setEnabled(m_current >= 0);
    m_up->setEnabled(m_current > 0);
    m_down->setEnabled(m_current >= 0 && m_current + 1 < m_entries.size());
}

void GroupsEditor::store()
{
    if (m_current < 0 || m_current >= m_entries.size())
        return;
    Entry &e = m_entries[m_current];
    e = Entry{m_name->text(),  m_label->text(), m_workers->text(),
              m_hosts->text(), m_chat->text(),  m_floor->text()};
    if (QListWidgetItem *item = m_list->item(m_current))
        item->setText(itemText(e));
}

void GroupsEditor::refreshList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Entry &e : std::as_const(m_entries))
        m_list->addItem(itemText(e));
}

void GroupsEditor::move(int by)
{
    store();
    const int to = m_current + by;
    if (m_current < 0 || to < 0 || to >= m_entries.size())
        return;
    std::swap(m_entries[m_current], m_entries[to]);
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(to);
    select(to);
    emit changed();
}

QString GroupsEditor::itemText(const Entry &e)
{
    const QString name = e.name.trimmed();
    const QString label = e.label.trimmed();
    return label.isEmpty() || label == name ? name : QStringLiteral("%1 — %2").arg(label, name);
}

} // namespace rw
