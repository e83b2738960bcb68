#include "keychainsecretstore.h"

#include "guilogging.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace rw {

KeychainSecretStore::KeychainSecretStore()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // Secret Service and KWallet are D-Bus services: without a session bus there is none.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        fallBack(QStringLiteral("no D-Bus session bus"));
#endif
}

void KeychainSecretStore::fallBack(const QString &why)
{
    if (!m_unavailable)
        qCWarning(lcGui).noquote() << "keychain unavailable (" << why
                                   << "): tokens are kept in memory for this session only";
    m_unavailable = true;
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    if (m_unavailable) {
        m_memory.read(key, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [this, done, key](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoBackendAvailable) {
            fallBack(j->errorString());
            done(true, QString(), QString());
        } else if (j->error() == QKeychain::NoError)
            done(true, rj->textData(), QString());
        else if (j->error() == QKeychain::EntryNotFound)
            done(true, QString(), QString());
        else {
            qCWarning(lcGui).noquote()
                << "keychain: reading" << key << "failed:" << j->errorString();
            done(false, QString(), j->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                WriteDone done)
{
    if (m_unavailable) {
        m_memory.write(key, value, context, std::move(done));
        return;
    }
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
    QObject::connect(
        job, &QKeychain::Job::finished, context, [done, key, value](QKeychain::Job *j) {
            const bool ok = j->error() == QKeychain::NoError ||
                            (value.isEmpty() && j->error() == QKeychain::EntryNotFound);
            if (!ok)
                qCWarning(lcGui).noquote()
                    << "keychain: writing" << key << "failed:" << j->errorString();
            done(ok, ok ? QString() : j->errorString());
        });
    job->start();
}

QString KeychainSecretStore::description() const
{
    if (m_unavailable)
        return QCoreApplication::translate("rw::SecretStore",
                                           "kept in memory for this session only, because this "
                                           "desktop has no system keychain");
    return QCoreApplication::translate("rw::SecretStore", "stored in the system keychain");
}

} // namespace rw
