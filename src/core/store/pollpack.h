#pragma once

#include "monitor/workerstatus.h"
#include "store/workerpack.h"

#include <QString>
#include <QVector>

#include <vector>

namespace rw {

// What a poll leaves of each worker, packed by the worker's store id as the store writes it:
// its readings, the rate the reply gave (if it listed the worker), and which workers are new or
// changed status, since-when or host (the store reads those identities from the states).
// Filled while the Monitor walks the reply (Monitor::applySnapshot's visitor), in the order
// the pool lists the workers, which is the order of their ids (docs/storage.md): memory
// written in sequence, each state read while it is in cache. Store::recordPoll writes the
// poll's rows from it without walking the states again (Store::preparePoll makes one sized
// for the account).
class PollPack
{
public:
    PollPack() = default;
    explicit PollPack(int knownIds); // ids 1..knownIds placed without growing

    // A worker as this poll leaves it. Every worker the poll keeps is added once; a slot no
    // worker was added to empties (the monitor forgot that worker).
    void add(const QString &name, const WorkerState &state, bool listed)
    {
        add(name, state, listed, state.identityStored);
    }
    // The same, saying whether the file holds the worker's identity as it is.
    void add(const QString &name, const WorkerState &state, bool listed, bool identityStored);

    int online() const { return m_online; }
    int offline() const { return m_offline; } // offline or missing; retired ones are neither

private:
    friend class Store;
    struct Changed
    {
        int id;
        QString name;
    };
    void place(int id, const WorkerState &state, bool listed); // its readings and rate at `id`

    std::vector<char> m_readings; // kReadingBytes per id, id 1 first; zeros: no worker
    std::vector<quint16> m_codes; // the reply's rate per id (workerpack::encodeRate); 0: none
    std::vector<bool> m_present;  // a worker was added at this id
    QVector<Changed> m_changed;   // workers with an id whose identity the file lacks
    // Workers without an id yet (WorkerState::storeId 0): the store finds them in the states,
    // which spares a first poll a copy of every worker's identity.
    int m_new = 0;
    int m_online = 0;
    int m_offline = 0;
};

} // namespace rw
