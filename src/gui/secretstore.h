#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace rw {

struct GuiSettings;

// Where the desktop app keeps tokens: never in QSettings. Asynchronous by contract (the system
// keychain may ask the user to unlock it), so callers continue in a callback and no nested
// event loop is ever needed. Callbacks run on the caller's thread, after the call returns,
// and not at all when context is destroyed first.
class SecretStore
{
public:
    // ok with an empty value: no such entry.
    using ReadDone = std::function<void(bool ok, const QString &value, const QString &error)>;
    using WriteDone = std::function<void(bool ok, const QString &error)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    // An empty value deletes the entry.
    virtual void write(const QString &key, const QString &value, QObject *context,
                       WriteDone done) = 0;
    // Shown in the settings dialog: "system keychain" or "this session only".
    virtual QString description() const = 0;

    // The platform's keychain when the build has QtKeychain, else an in-memory store.
    static std::unique_ptr<SecretStore> createDefault();
};

// Keeps secrets in memory: tests, and builds without QtKeychain (tokens then last for this
// session only, which the settings dialog says).
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteDone done) override;
    QString description() const override;
    bool contains(const QString &key) const { return m_values.contains(key); }

private:
    QHash<QString, QString> m_values;
};

// Fills settings' pool tokens, bot token and proxy credentials from the store, then calls done with
// the result and one line per entry that could not be read (never the secret itself).
void loadSecrets(SecretStore *store, const GuiSettings &settings, QObject *context,
                 std::function<void(const GuiSettings &filled, const QStringList &errors)> done);

} // namespace rw
