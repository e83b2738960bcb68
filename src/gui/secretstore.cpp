#include "secretstore.h"

#include "pool/poolprovider.h"

#include "guisettings.h"

#include <QCoreApplication>
#include <QTimer>

#ifdef RIGWATCH_HAVE_KEYCHAIN
#include "keychainsecretstore.h"
#endif

namespace rw {

std::unique_ptr<SecretStore> SecretStore::createDefault()
{
#ifdef RIGWATCH_HAVE_KEYCHAIN
    return std::make_unique<KeychainSecretStore>();
#else
    return std::make_unique<MemorySecretStore>();
#endif
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    const QString value = m_values.value(key);
    QTimer::singleShot(0, context, [done, value] { done(true, value, QString()); });
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context,
                              WriteDone done)
{
    if (value.isEmpty())
        m_values.remove(key);
    else
        m_values.insert(key, value);
    QTimer::singleShot(0, context, [done] { done(true, QString()); });
}

QString MemorySecretStore::description() const
{
    return QCoreApplication::translate("rw::SecretStore",
                                       "kept in memory for this session only (no system keychain)");
}

namespace {
// Only a proxy that is set and named has credentials worth asking the keychain for.
template <typename C> bool hasProxy(const C &config)
{
    return config.proxySet && !config.proxy.trimmed().isEmpty();
}
} // namespace

void loadSecrets(SecretStore *store, const GuiSettings &settings, QObject *context,
                 std::function<void(const GuiSettings &, const QStringList &)> done)
{
    struct State
    {
        GuiSettings settings;
        QStringList errors;
        int pending = 0;
    };
    auto st = std::make_shared<State>();
    st->settings = settings;
    st->pending = int(settings.accounts.size()) + 1;
    for (const AccountConfig &a : settings.accounts)
        st->pending += (providerNeedsKey(a.provider) ? 1 : 0) + (hasProxy(a) ? 1 : 0);
    st->pending += hasProxy(settings.telegram) ? 1 : 0;
    auto finishOne = [st, done] {
        if (--st->pending == 0)
            done(st->settings, st->errors);
    };
    for (int i = 0; i < settings.accounts.size(); ++i) {
        const AccountConfig &a = settings.accounts[i];
        store->read(GuiSettings::poolSecretKey(a), context,
                    [st, i, finishOne, name = a.displayName()](bool ok, const QString &v,
                                                               const QString &err) {
                        if (ok)
                            st->settings.accounts[i].secret = v;
                        else
                            st->errors << QCoreApplication::translate(
                                              "rw::SecretStore",
                                              "The API token of %1 could not be read: %2")
                                              .arg(name, err);
                        finishOne();
                    });
        if (hasProxy(a))
            store->read(GuiSettings::poolProxySecretKey(a), context,
                        [st, i, finishOne, name = a.displayName()](bool ok, const QString &v,
                                                                   const QString &err) {
                            AccountConfig &filled = st->settings.accounts[i];
                            if (ok)
                                filled.proxy = GuiSettings::proxyWithCredentials(filled.proxy, v);
                            else
                                st->errors << QCoreApplication::translate(
                                                  "rw::SecretStore",
                                                  "The proxy password of %1 could not be read: %2")
                                                  .arg(name, err);
                            finishOne();
                        });
        if (!providerNeedsKey(a.provider))
            continue;
        store->read(GuiSettings::poolApiKeyKey(a), context,
                    [st, i, finishOne, name = a.displayName()](bool ok, const QString &v,
                                                               const QString &err) {
                        if (ok)
                            st->settings.accounts[i].apiKey = v;
                        else
                            st->errors
                                << QCoreApplication::translate(
                                       "rw::SecretStore", "The API key of %1 could not be read: %2")
                                       .arg(name, err);
                        finishOne();
                    });
    }
    store->read(GuiSettings::telegramSecretKey(), context,
                [st, finishOne](bool ok, const QString &v, const QString &err) {
                    if (ok)
                        st->settings.telegram.token = v;
                    else
                        st->errors << QCoreApplication::translate(
                                          "rw::SecretStore", "The bot token could not be read: %1")
                                          .arg(err);
                    finishOne();
                });
    if (hasProxy(settings.telegram))
        store->read(GuiSettings::telegramProxySecretKey(), context,
                    [st, finishOne](bool ok, const QString &v, const QString &err) {
                        TelegramConfig &t = st->settings.telegram;
                        if (ok)
                            t.proxy = GuiSettings::proxyWithCredentials(t.proxy, v);
                        else
                            st->errors << QCoreApplication::translate(
                                              "rw::SecretStore",
                                              "The Telegram proxy's password could not be read: %1")
                                              .arg(err);
                        finishOne();
                    });
}

} // namespace rw
