#pragma once

#include "secretstore.h"

namespace rw {

// SecretStore on the platform keychain through QtKeychain (Secret Service / KWallet on Linux,
// Credential Manager on Windows, Keychain on macOS). Jobs run asynchronously and answer
// through their finished() signal; nothing waits in a nested event loop. The insecure
// plain-text fallback of QtKeychain stays off: a token never lands in a settings file.
class KeychainSecretStore final : public SecretStore
{
public:
    KeychainSecretStore();
    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteDone done) override;
    QString description() const override;

    static QString service() { return QStringLiteral("RigWatch"); }

private:
    // When the platform has no keychain service at all, tokens live for this session only
    // (and the dialog says so) rather than in a file.
    void fallBack(const QString &why);
    bool m_unavailable = false;
    MemorySecretStore m_memory;
};

} // namespace rw
