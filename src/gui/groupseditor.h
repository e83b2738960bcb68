#pragma once

#include "config/accountconfig.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace rw {

// The settings' Groups page (issue #20): the [group.NAME] sections of rigwatchd's file, edited
// as a list — add, remove, move up and down (a worker belongs to the first group that
// matches, so the order matters) — and a form for the selected group: name, label, worker and
// host globs, its chat and its hashrate floor. What is typed is checked as the INI's values are
// (config/valuecheck.h); problem() says what is wrong first.
class GroupsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsEditor(QWidget *parent = nullptr);

    void setGroups(const QVector<GroupConfig> &groups);
    // The groups as typed; a floor that is not a hash rate reads as 0 (problem() says so).
    QVector<GroupConfig> groups() const;
    // The first field that cannot be saved, in plain words; empty when all can.
    QString problem() const;
    void retranslate();

    QListWidget *list() const { return m_list; }

signals:
    void changed();

private:
    struct Entry // one group as typed
    {
        QString name, label, workers, hosts, chat, floor;
    };
    void select(int row);
    void store(); // the form into the selected entry
    void refreshList();
    void move(int by);
    static QString itemText(const Entry &e);

    QVector<Entry> m_entries;
    int m_current = -1;
    bool m_showing = false;
    QListWidget *m_list;
    QPushButton *m_add, *m_remove, *m_up, *m_down;
    QLineEdit *m_name, *m_label, *m_workers, *m_hosts, *m_chat, *m_floor;
    QLabel *m_nameLabel, *m_labelLabel, *m_workersLabel, *m_hostsLabel, *m_chatLabel, *m_floorLabel,
        *m_help;
};

} // namespace rw
