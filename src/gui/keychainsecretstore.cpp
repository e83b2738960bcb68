#include "keychainsecretstore.h"

#include "guilogging.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace rw {

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done, key](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            done(true, rj->textData(), QString());
        else if (j->error() == QKeychain::EntryNotFound)
            done(true, QString(), QString());
        else {
            qCWarning(lcGui).noquote() << "keychain: reading" << key << "failed:" << j->errorString();
            done(false, QString(), j->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                WriteDone done)
{
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(service());
    } else {
        auto *wj = new QKeychain::WritePasswordJob(service());
        wj->setTextData(value);
        job = wj;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done, key, value](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError
                        || (value.isEmpty() && j->error() == QKeychain::EntryNotFound);
        if (!ok)
            qCWarning(lcGui).noquote() << "keychain: writing" << key << "failed:" << j->errorString();
        done(ok, ok ? QString() : j->errorString());
    });
    job->start();
}

QString KeychainSecretStore::description() const
{
    return QCoreApplication::translate("rw::SecretStore", "stored in the system keychain");
}

} // namespace rw
