#pragma once

#include "config/accountconfig.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace rw {

// True when text matches the glob: '*' any run of characters, '?' one character, everything
// else itself, case-insensitively (worker names and hosts are typed by people: "Rig-A1").
bool globMatches(const QString &glob, const QString &text);

// Which group a worker belongs to: the first [group.NAME], in file order, whose `workers` globs
// match its name or whose `hosts` globs match its host; -1 = the account's default group.
// Remembers each worker's answer with the host it was given for, so a poll costs one hash
// look-up per worker, not a glob per group (a farm has 100,000 workers). Not thread-safe: each
// user (the router, a table model, a report) keeps its own.
class GroupMatcher
{
public:
    GroupMatcher() = default;
    explicit GroupMatcher(QVector<GroupConfig> groups) : m_groups(std::move(groups)) {}

    const QVector<GroupConfig> &groups() const { return m_groups; }
    bool isEmpty() const { return m_groups.isEmpty(); }
    int groupOf(const QString &worker, const QString &host) const;
    // The group's label, or defaultLabel for -1.
    QString labelOf(int group, const QString &defaultLabel = {}) const
    {
        return group >= 0 && group < m_groups.size() ? m_groups.at(group).displayLabel()
                                                     : defaultLabel;
    }
    // The group's index by its NAME (the INI section's), or -1.
    int indexOf(const QString &name) const;

private:
    struct Known
    {
        QString host;
        int group = -1;
    };
    QVector<GroupConfig> m_groups;
    mutable QHash<QString, Known> m_known;
};

} // namespace rw
