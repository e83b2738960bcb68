#include "config/configfile.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>

namespace rw {

namespace {

struct Section
{
    QString name;
    QHash<QString, QString> values;
    QHash<QString, int> lines;
};

struct Reader
{
    QString file;
    QString error;

    bool fail(const QString &msg)
    {
        if (error.isEmpty())
            error = file + QStringLiteral(": ") + msg;
        return false;
    }
};

const QStringList kPoolKeys = {
    QStringLiteral("provider"),     QStringLiteral("url"),           QStringLiteral("currency"),
    QStringLiteral("user"),         QStringLiteral("secret"),        QStringLiteral("interval"),
    QStringLiteral("timeout"),      QStringLiteral("max_body"),      QStringLiteral("offline_after"),
    QStringLiteral("retired_after"), QStringLiteral("min_hashrate"), QStringLiteral("name")};
const QStringList kAlertKeys = {QStringLiteral("offline_after"), QStringLiteral("retired_after"),
                                QStringLiteral("min_hashrate")};
const QStringList kTelegramKeys = {QStringLiteral("url"),      QStringLiteral("token"),
                                   QStringLiteral("chat"),     QStringLiteral("retract"),
                                   QStringLiteral("language"), QStringLiteral("timeout")};
const QStringList kStorageKeys = {QStringLiteral("database")};
const QStringList kMetricsKeys = {QStringLiteral("listen")};

QString where(const QString &section, const QString &key)
{
    return QLatin1Char('[') + section + QStringLiteral("] ") + key;
}

bool readInt(Reader &r, const Section &s, const QString &key, qint64 min, qint64 *out)
{
    if (!s.values.contains(key))
        return true;
    const QString v = s.values.value(key);
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok)
        return r.fail(where(s.name, key) + QStringLiteral(" = \"") + v +
                      QStringLiteral("\" is not a whole number"));
    if (n < min)
        return r.fail(where(s.name, key) + QStringLiteral(" = ") + v +
                      QStringLiteral(" must be at least ") + QString::number(min));
    *out = n;
    return true;
}

bool readHashRate(Reader &r, const Section &s, const QString &key, double *out)
{
    if (!s.values.contains(key))
        return true;
    const QString v = s.values.value(key).trimmed();
    static const QRegularExpression re(
        QStringLiteral("^([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*([kKMGTPE]?)(?:H/s|H)?$"));
    const auto m = re.match(v);
    if (!m.hasMatch())
        return r.fail(where(s.name, key) + QStringLiteral(" = \"") + v +
                      QStringLiteral("\" is not a hash rate in H/s (e.g. 0, 3.5e15 or 350T)"));
    double n = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const QString units = QStringLiteral("KMGTPE");
    if (!unit.isEmpty())
        for (int i = 0; i <= units.indexOf(unit); ++i)
            n *= 1000.0;
    // the whole Bitcoin network is below 1e21 H/s; anything near a double's range is a typo
    if (!std::isfinite(n) || n > 1e30)
        return r.fail(where(s.name, key) + QStringLiteral(" = \"") + v +
                      QStringLiteral("\" is too large to be a hash rate"));
    *out = n;
    return true;
}

bool readUrl(Reader &r, const Section &s, const QString &key, QUrl *out)
{
    if (!s.values.contains(key))
        return true;
    const QString v = s.values.value(key);
    const QUrl u(v, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))
        return r.fail(where(s.name, key) + QStringLiteral(" = \"") + v +
                      QStringLiteral("\" is not an http:// or https:// URL"));
    QUrl clean = u;
    QString path = clean.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    *out = clean;
    return true;
}

bool readThresholds(Reader &r, const Section &s, Thresholds *t)
{
    return readInt(r, s, QStringLiteral("offline_after"), 1, &t->offlineAfterSecs) &&
           readInt(r, s, QStringLiteral("retired_after"), 1, &t->retiredAfterSecs) &&
           readHashRate(r, s, QStringLiteral("min_hashrate"), &t->minHashRate);
}

bool readPool(Reader &r, const Section &s, const QString &id, AccountConfig *a)
{
    a->id = id;
    if (s.values.contains(QStringLiteral("provider"))) {
        const QString p = s.values.value(QStringLiteral("provider"));
        if (p == QLatin1String("f2pool"))
            a->provider = PoolProvider::F2poolV2;
        else if (p == QLatin1String("f2pool-v1"))
            a->provider = PoolProvider::F2poolV1;
        else
            return r.fail(where(s.name, QStringLiteral("provider")) + QStringLiteral(" = \"") + p +
                          QStringLiteral("\" is not a known provider (f2pool, f2pool-v1)"));
    }
    if (!readUrl(r, s, QStringLiteral("url"), &a->url))
        return false;
    if (s.values.contains(QStringLiteral("currency")))
        a->currency = s.values.value(QStringLiteral("currency"));
    if (a->currency.isEmpty())
        return r.fail(where(s.name, QStringLiteral("currency")) + QStringLiteral(" is empty"));
    if (s.values.contains(QStringLiteral("user")))
        a->user = s.values.value(QStringLiteral("user"));
    if (s.values.contains(QStringLiteral("secret")))
        a->secret = s.values.value(QStringLiteral("secret"));
    if (s.values.contains(QStringLiteral("name")))
        a->name = s.values.value(QStringLiteral("name"));
    qint64 interval = a->intervalSecs, timeout = a->timeoutSecs, maxBody = a->maxBodyBytes;
    if (!readInt(r, s, QStringLiteral("interval"), 1, &interval) ||
        !readInt(r, s, QStringLiteral("timeout"), 1, &timeout) ||
        !readInt(r, s, QStringLiteral("max_body"), 1024, &maxBody) ||
        !readThresholds(r, s, &a->thresholds))
        return false;
    a->intervalSecs = int(qMin<qint64>(interval, 86400 * 7));
    a->timeoutSecs = int(qMin<qint64>(timeout, 3600));
    a->maxBodyBytes = maxBody;
    if (a->user.isEmpty())
        return r.fail(where(s.name, QStringLiteral("user")) +
                      QStringLiteral(" is required (the pool account name)"));
    if (a->thresholds.retiredAfterSecs <= a->thresholds.offlineAfterSecs)
        return r.fail(where(s.name, QStringLiteral("retired_after")) +
                      QStringLiteral(" must be greater than offline_after"));
    return true;
}

bool readTelegram(Reader &r, const Section &s, TelegramConfig *t)
{
    if (!readUrl(r, s, QStringLiteral("url"), &t->url))
        return false;
    t->token = s.values.value(QStringLiteral("token"), t->token);
    t->chat = s.values.value(QStringLiteral("chat"), t->chat);
    if (!t->token.isEmpty() &&
        !QRegularExpression(QStringLiteral("^[A-Za-z0-9:_-]+$")).match(t->token).hasMatch())
        return r.fail(where(s.name, QStringLiteral("token")) +
                      QStringLiteral(" has characters a bot token never has"));
    if (!t->chat.isEmpty() &&
        !QRegularExpression(QStringLiteral("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$"))
             .match(t->chat)
             .hasMatch())
        return r.fail(where(s.name, QStringLiteral("chat")) + QStringLiteral(" = \"") + t->chat +
                      QStringLiteral("\" is neither a numeric chat id nor @channelname"));
    const QString retract = s.values.value(QStringLiteral("retract"), QStringLiteral("delete"));
    if (retract == QLatin1String("delete"))
        t->retract = RetractMode::Delete;
    else if (retract == QLatin1String("edit"))
        t->retract = RetractMode::Edit;
    else
        return r.fail(where(s.name, QStringLiteral("retract")) + QStringLiteral(" = \"") + retract +
                      QStringLiteral("\" must be delete or edit"));
    const QString lang = s.values.value(QStringLiteral("language"), t->language);
    if (lang != QLatin1String("en") && lang != QLatin1String("zh_CN"))
        return r.fail(where(s.name, QStringLiteral("language")) + QStringLiteral(" = \"") + lang +
                      QStringLiteral("\" must be en or zh_CN"));
    t->language = lang;
    qint64 timeout = t->timeoutSecs;
    if (!readInt(r, s, QStringLiteral("timeout"), 1, &timeout))
        return false;
    t->timeoutSecs = int(qMin<qint64>(timeout, 3600));
    if (t->token.isEmpty() != t->chat.isEmpty())
        return r.fail(where(s.name, t->token.isEmpty() ? QStringLiteral("token")
                                                       : QStringLiteral("chat")) +
                      QStringLiteral(" is required when ") +
                      (t->token.isEmpty() ? QStringLiteral("chat") : QStringLiteral("token")) +
                      QStringLiteral(" is set"));
    return true;
}

} // namespace

QString defaultDatabasePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/rigwatch");
    return dir + QStringLiteral("/rigwatch.sqlite");
}

QString maskSecret(const QString &secret)
{
    if (secret.isEmpty())
        return {};
    if (secret.size() < 12)
        return QStringLiteral("****");
    return QStringLiteral("****") + secret.right(4);
}

ConfigResult parseConfig(const QByteArray &text, const QString &fileName,
                         const QProcessEnvironment &env)
{
    ConfigResult result;
    Reader r{fileName, {}};
    QVector<Section> sections;
    QHash<QString, int> index;
    Section *current = nullptr;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const QString at = fileName + QLatin1Char(':') + QString::number(i + 1) + QStringLiteral(": ");
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']'))) {
                result.error = at + QStringLiteral("section header \"") + line +
                               QStringLiteral("\" has no closing ]");
                return result;
            }
            const QString name = line.mid(1, line.size() - 2).trimmed();
            if (!index.contains(name)) {
                index.insert(name, sections.size());
                sections.append(Section{name, {}, {}});
            }
            current = &sections[index.value(name)];
            continue;
        }
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || !current) {
            result.error = at + (current ? QStringLiteral("expected key = value, found \"") +
                                               line + QLatin1Char('"')
                                         : QStringLiteral("key outside of any [section]"));
            return result;
        }
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) ||
                                  (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))))
            value = value.mid(1, value.size() - 2);
        current->values.insert(key, value);
        current->lines.insert(key, i + 1);
    }

    auto known = [&](const Section &s, const QStringList &keys) {
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            if (!keys.contains(it.key()))
                result.warnings << fileName + QStringLiteral(": unknown key ") +
                                       where(s.name, it.key()) + QStringLiteral(" ignored");
    };

    DaemonConfig cfg;
    cfg.sourceFile = fileName;
    const Section empty;
    const Section &alerts = index.contains(QStringLiteral("alerts"))
                                ? sections.at(index.value(QStringLiteral("alerts")))
                                : empty;
    Thresholds base;
    if (!readThresholds(r, Section{QStringLiteral("alerts"), alerts.values, {}}, &base)) {
        result.error = r.error;
        return result;
    }
    known(alerts, kAlertKeys);

    const Section *poolBase = index.contains(QStringLiteral("pool"))
                                  ? &sections.at(index.value(QStringLiteral("pool")))
                                  : nullptr;
    const QString envSecret = env.value(QStringLiteral("RIGWATCH_POOL_SECRET"));
    for (const Section &s : std::as_const(sections)) {
        const bool isBase = s.name == QLatin1String("pool");
        const bool isNamed = s.name.startsWith(QLatin1String("pool.")) ||
                             s.name.startsWith(QLatin1String("pool:"));
        if (isBase) {
            known(s, kPoolKeys);
            // [pool] only holding defaults for named sections is not an account itself
            if (!s.values.contains(QStringLiteral("user")) && sections.size() > 1 &&
                std::any_of(sections.cbegin(), sections.cend(), [](const Section &o) {
                    return o.name.startsWith(QLatin1String("pool.")) ||
                           o.name.startsWith(QLatin1String("pool:"));
                }))
                continue;
        } else if (!isNamed) {
            continue;
        } else {
            known(s, kPoolKeys);
        }
        Section merged{s.name, {}, {}};
        if (isNamed && poolBase) {
            merged.values = poolBase->values;
            // the account's own: a shared label would make two accounts look like one
            merged.values.remove(QStringLiteral("user"));
            merged.values.remove(QStringLiteral("name"));
        }
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            merged.values.insert(it.key(), it.value());
        AccountConfig a;
        a.thresholds = base;
        const QString id = isBase ? QStringLiteral("default") : s.name.mid(5);
        if (id.isEmpty()) {
            result.error = fileName + QStringLiteral(": section [") + s.name +
                           QStringLiteral("] needs a name after \"pool.\"");
            return result;
        }
        if (!readPool(r, merged, id, &a)) {
            result.error = r.error;
            return result;
        }
        const QString perAccountEnv = env.value(QStringLiteral("RIGWATCH_POOL_SECRET_") +
                                                id.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
        if (!perAccountEnv.isEmpty())
            a.secret = perAccountEnv;
        else if (!envSecret.isEmpty() && (isBase || !s.values.contains(QStringLiteral("secret"))))
            a.secret = envSecret;
        // One history, one incident and one Telegram message per pool account (user and
        // currency): a second section for it, even through another URL or provider, would
        // mix two polls of one farm into one state.
        for (const AccountConfig &other : std::as_const(cfg.accounts))
            if (other.key() == a.key()) {
                result.error = fileName + QStringLiteral(": [") + s.name +
                               QStringLiteral("] watches user \"%1\" on %2 like [%3] does: one "
                                              "section per pool account")
                                   .arg(a.user, a.currency,
                                        other.id == QLatin1String("default")
                                            ? QStringLiteral("pool")
                                            : QStringLiteral("pool.") + other.id);
                return result;
            }
        cfg.accounts.append(a);
    }
    if (cfg.accounts.isEmpty()) {
        result.error = fileName + QStringLiteral(": [pool] user is required (the pool account name)");
        return result;
    }

    for (const Section &s : std::as_const(sections)) {
        if (s.name == QLatin1String("telegram")) {
            known(s, kTelegramKeys);
            Section t = s;
            if (!env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN")).isEmpty())
                t.values.insert(QStringLiteral("token"), env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN")));
            if (!readTelegram(r, t, &cfg.telegram)) {
                result.error = r.error;
                return result;
            }
        } else if (s.name == QLatin1String("storage")) {
            known(s, kStorageKeys);
            cfg.databasePath = s.values.value(QStringLiteral("database"));
        } else if (s.name == QLatin1String("metrics")) {
            known(s, kMetricsKeys);
            cfg.metricsListen = s.values.value(QStringLiteral("listen"));
            static const QRegularExpression re(QStringLiteral("^(\\[[0-9a-fA-F:]+\\]|[^:\\s]+):([0-9]{1,5})$"));
            const auto m = re.match(cfg.metricsListen);
            if (!cfg.metricsListen.isEmpty() && (!m.hasMatch() || m.captured(2).toInt() > 65535)) {
                result.error = fileName + QStringLiteral(": [metrics] listen = \"") + cfg.metricsListen +
                               QStringLiteral("\" is not host:port (e.g. 127.0.0.1:9464)");
                return result;
            }
        } else if (s.name != QLatin1String("alerts") && s.name != QLatin1String("pool") &&
                   !s.name.startsWith(QLatin1String("pool.")) && !s.name.startsWith(QLatin1String("pool:"))) {
            result.warnings << fileName + QStringLiteral(": unknown section [") + s.name +
                                   QStringLiteral("] ignored");
        }
    }
    const QString envToken = env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN"));
    const bool telegramSection = std::any_of(sections.cbegin(), sections.cend(), [](const Section &s) {
        return s.name == QLatin1String("telegram");
    });
    if (!envToken.isEmpty() && !telegramSection) {
        // A token left in the environment (a shared secrets file, a shell profile) for a file
        // that does not use Telegram: nothing to post to, and no reason to refuse the start.
        result.warnings << fileName + QStringLiteral(": RIGWATCH_TELEGRAM_TOKEN is set but the "
                                                     "file has no [telegram] section: Telegram "
                                                     "stays off");
    } else if (!envToken.isEmpty()) {
        cfg.telegram.token = envToken;
        if (cfg.telegram.chat.isEmpty()) {
            result.error = fileName + QStringLiteral(": [telegram] chat is required when a token is set");
            return result;
        }
    }
    if (cfg.databasePath.isEmpty())
        cfg.databasePath = defaultDatabasePath();
    result.config = cfg;
    return result;
}

ConfigResult loadConfigFile(const QString &path, const QProcessEnvironment &env)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ConfigResult r;
        r.error = path + QStringLiteral(": cannot read configuration file: ") + f.errorString();
        return r;
    }
    const QByteArray text = f.readAll();
    ConfigResult r = parseConfig(text, path, env);
    if (r.config) {
        const bool fileHoldsSecret =
            QRegularExpression(QStringLiteral("(?m)^[ \\t]*(secret|token)[ \\t]*=[ \\t]*\\S"))
                .match(QString::fromUtf8(text))
                .hasMatch();
        if (fileHoldsSecret && (f.permissions() & QFileDevice::ReadOther))
            r.warnings << path + QStringLiteral(": holds a secret and is readable by other users; "
                                                "run chmod o-r (or 600) on it");
        // a relative database path is relative to the config file, not to the working directory
        if (QFileInfo(r.config->databasePath).isRelative())
            r.config->databasePath = QFileInfo(path).absoluteDir().filePath(r.config->databasePath);
    }
    return r;
}

QString describeConfig(const DaemonConfig &c)
{
    QString out;
    auto line = [&](const QString &k, const QString &v) { out += k + QStringLiteral(" = ") + v + QLatin1Char('\n'); };
    for (const AccountConfig &a : c.accounts) {
        out += a.id == QLatin1String("default") ? QStringLiteral("[pool]\n")
                                                : QStringLiteral("[pool.") + a.id + QStringLiteral("]\n");
        line(QStringLiteral("provider"), a.provider == PoolProvider::F2poolV2 ? QStringLiteral("f2pool")
                                                                             : QStringLiteral("f2pool-v1"));
        line(QStringLiteral("url"), a.url.toString());
        line(QStringLiteral("currency"), a.currency);
        line(QStringLiteral("user"), a.user);
        line(QStringLiteral("name"), a.displayName());
        line(QStringLiteral("secret"), a.secret.isEmpty() ? QStringLiteral("(none)") : maskSecret(a.secret));
        line(QStringLiteral("interval"), QString::number(a.intervalSecs));
        line(QStringLiteral("timeout"), QString::number(a.timeoutSecs));
        line(QStringLiteral("max_body"), QString::number(a.maxBodyBytes));
        line(QStringLiteral("offline_after"), QString::number(a.thresholds.offlineAfterSecs));
        line(QStringLiteral("retired_after"), QString::number(a.thresholds.retiredAfterSecs));
        line(QStringLiteral("min_hashrate"), QString::number(a.thresholds.minHashRate, 'g', 15));
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("[telegram]\n");
    line(QStringLiteral("url"), c.telegram.url.toString());
    line(QStringLiteral("token"), c.telegram.token.isEmpty() ? QStringLiteral("(none)") : maskSecret(c.telegram.token));
    line(QStringLiteral("chat"), c.telegram.chat.isEmpty() ? QStringLiteral("(none)") : c.telegram.chat);
    line(QStringLiteral("retract"), c.telegram.retract == RetractMode::Delete ? QStringLiteral("delete") : QStringLiteral("edit"));
    line(QStringLiteral("language"), c.telegram.language);
    line(QStringLiteral("timeout"), QString::number(c.telegram.timeoutSecs));
    out += QStringLiteral("\n[storage]\n");
    line(QStringLiteral("database"), c.databasePath);
    out += QStringLiteral("\n[metrics]\n");
    line(QStringLiteral("listen"), c.metricsListen.isEmpty() ? QStringLiteral("(off)") : c.metricsListen);
    return out;
}

} // namespace rw
