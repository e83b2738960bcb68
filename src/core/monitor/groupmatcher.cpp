#include "monitor/groupmatcher.h"

namespace rw {

bool globMatches(const QString &glob, const QString &text)
{
    // Iterative matching with one back-track point (the last '*'): linear for the globs people
    // write, never exponential.
    int g = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.size()) {
        if (g < glob.size() && glob.at(g) == QLatin1Char('*')) {
            star = g++;
            resume = t;
        } else if (g < glob.size() && (glob.at(g) == QLatin1Char('?') ||
                                       glob.at(g).toCaseFolded() == text.at(t).toCaseFolded())) {
            ++g;
            ++t;
        } else if (star >= 0) {
            g = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob.at(g) == QLatin1Char('*'))
        ++g;
    return g == glob.size();
}

int GroupMatcher::groupOf(const QString &worker, const QString &host) const
{
    if (m_groups.isEmpty())
        return -1;
    auto it = m_known.constFind(worker);
    if (it != m_known.cend() && it->host == host)
        return it->group;
    int found = -1;
    for (int i = 0; i < m_groups.size() && found < 0; ++i) {
        const GroupConfig &g = m_groups.at(i);
        for (const QString &glob : g.workers)
            if (globMatches(glob, worker)) {
                found = i;
                break;
            }
        if (found < 0 && !host.isEmpty())
            for (const QString &glob : g.hosts)
                if (globMatches(glob, host)) {
                    found = i;
                    break;
                }
    }
    m_known.insert(worker, Known{host, found});
    return found;
}

int GroupMatcher::indexOf(const QString &name) const
{
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups.at(i).name == name)
            return i;
    return -1;
}

} // namespace rw
