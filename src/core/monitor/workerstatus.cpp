#include "monitor/workerstatus.h"

namespace rw {

QString workerStatusKey(WorkerStatus s)
{
    switch (s) {
    case WorkerStatus::Online:
        return QStringLiteral("online");
    case WorkerStatus::Offline:
        return QStringLiteral("offline");
    case WorkerStatus::Missing:
        return QStringLiteral("missing");
    case WorkerStatus::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

std::optional<WorkerStatus> workerStatusFromKey(const QString &key)
{
    for (auto s : {WorkerStatus::Online, WorkerStatus::Offline, WorkerStatus::Missing,
                   WorkerStatus::Retired})
        if (workerStatusKey(s) == key)
            return s;
    return std::nullopt;
}

} // namespace rw
