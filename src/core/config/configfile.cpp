#include "config/configfile.h"

#include "config/proxysetting.h"
#include "config/valuecheck.h"
#include "pool/poolprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace rw {

namespace {

struct Section
{
    QString name;
    QHash<QString, QString> values;
    QHash<QString, int> lines; // where each key was set (the last time)
    int line = 0;              // of the header (the first one)
};

struct Reader
{
    QString file;
    QString error;
    QStringList *warnings; // clamped values

    bool fail(const QString &msg)
    {
        if (error.isEmpty())
            error = file + QStringLiteral(": ") + msg;
        return false;
    }
};

const QStringList kPoolKeys = {QStringLiteral("provider"),
                               QStringLiteral("url"),
                               QStringLiteral("currency"),
                               QStringLiteral("user"),
                               QStringLiteral("secret"),
                               QStringLiteral("interval"),
                               QStringLiteral("timeout"),
                               QStringLiteral("max_body"),
                               QStringLiteral("offline_after"),
                               QStringLiteral("retired_after"),
                               QStringLiteral("min_hashrate"),
                               QStringLiteral("name"),
                               QStringLiteral("key"),
                               QStringLiteral("proxy"),
                               QStringLiteral("min_interval"),
                               QStringLiteral("degraded_below"),
                               QStringLiteral("degraded_after"),
                               QStringLiteral("flap_limit"),
                               QStringLiteral("flap_window"),
                               QStringLiteral("critical_offline")};
const QStringList kAlertKeys = {
    QStringLiteral("offline_after"),  QStringLiteral("retired_after"),
    QStringLiteral("min_hashrate"),   QStringLiteral("degraded_below"),
    QStringLiteral("degraded_after"), QStringLiteral("flap_limit"),
    QStringLiteral("flap_window"),    QStringLiteral("critical_offline")};
const QStringList kGroupKeys = {QStringLiteral("label"), QStringLiteral("workers"),
                                QStringLiteral("hosts"), QStringLiteral("chat"),
                                QStringLiteral("min_hashrate")};
const QStringList kTelegramKeys = {
    QStringLiteral("url"),         QStringLiteral("token"),    QStringLiteral("chat"),
    QStringLiteral("retract"),     QStringLiteral("language"), QStringLiteral("timeout"),
    QStringLiteral("commands"),    QStringLiteral("admins"),   QStringLiteral("proxy"),
    QStringLiteral("quiet_hours"), QStringLiteral("timezone"), QStringLiteral("digest")};
const QStringList kStorageKeys = {QStringLiteral("database")};
const QStringList kMetricsKeys = {QStringLiteral("listen")};

QString where(const QString &section, const QString &key)
{
    return QLatin1Char('[') + section + QStringLiteral("] ") + key;
}

bool use(Reader &r, const ValueCheck &check)
{
    if (check.refused())
        return r.fail(check.message);
    if (check.outcome == ValueCheck::Clamped)
        r.warnings->append(r.file + QStringLiteral(": ") + check.message);
    return true;
}

bool readInt(Reader &r, const Section &s, const QString &key, WholeNumberRule rule, qint64 *out)
{
    if (!s.values.contains(key))
        return true;
    return use(r, checkWholeNumber(where(s.name, key), s.values.value(key), rule, out));
}

bool readIntAs(Reader &r, const Section &s, const QString &key, WholeNumberRule rule, int *out)
{
    qint64 v = *out;
    if (!readInt(r, s, key, rule, &v))
        return false;
    *out = int(v);
    return true;
}

bool readHashRate(Reader &r, const Section &s, const QString &key, double *out)
{
    if (!s.values.contains(key))
        return true;
    return use(r, checkHashRate(where(s.name, key), s.values.value(key), out));
}

bool readUrl(Reader &r, const Section &s, const QString &key, QUrl *out)
{
    if (!s.values.contains(key))
        return true;
    return use(r, checkHttpUrl(where(s.name, key), s.values.value(key), out));
}

bool readProxy(Reader &r, const Section &s, QString *proxy, bool *set)
{
    if (!s.values.contains(QStringLiteral("proxy")))
        return true;
    *proxy = s.values.value(QStringLiteral("proxy")).trimmed();
    *set = true;
    return use(r, checkProxy(where(s.name, QStringLiteral("proxy")), *proxy));
}

// "111, 222": Telegram user ids, positive whole numbers.
bool readAdmins(Reader &r, const Section &s, QVector<qint64> *admins)
{
    const QString text = s.values.value(QStringLiteral("admins"));
    for (const QString &part :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (!ok || id <= 0)
            return r.fail(ConfigText::tr("%1 = \"%2\": \"%3\" is not a Telegram user id (a "
                                         "positive number; ask @userinfobot for yours)")
                              .arg(where(s.name, QStringLiteral("admins")), text, part));
        if (!admins->contains(id))
            admins->append(id);
    }
    return true;
}

bool readThresholds(Reader &r, const Section &s, Thresholds *t)
{
    return readInt(r, s, QStringLiteral("offline_after"), rules::kOfflineAfter,
                   &t->offlineAfterSecs) &&
           readInt(r, s, QStringLiteral("retired_after"), rules::kRetiredAfter,
                   &t->retiredAfterSecs) &&
           readHashRate(r, s, QStringLiteral("min_hashrate"), &t->minHashRate) &&
           readIntAs(r, s, QStringLiteral("degraded_below"), rules::kDegradedBelow,
                     &t->degradedBelow) &&
           readInt(r, s, QStringLiteral("degraded_after"), rules::kDegradedAfter,
                   &t->degradedAfterSecs) &&
           readIntAs(r, s, QStringLiteral("flap_limit"), rules::kFlapLimit, &t->flapLimit) &&
           readInt(r, s, QStringLiteral("flap_window"), rules::kFlapWindow, &t->flapWindowSecs) &&
           readIntAs(r, s, QStringLiteral("critical_offline"), rules::kCriticalOffline,
                     &t->criticalOfflinePercent);
}

bool readPool(Reader &r, const Section &s, const QString &id, AccountConfig *a)
{
    a->id = id;
    if (s.values.contains(QStringLiteral("provider")) &&
        !use(r, checkProvider(where(s.name, QStringLiteral("provider")),
                              s.values.value(QStringLiteral("provider")), &a->provider)))
        return false;
    a->url = defaultProviderUrl(a->provider);
    if (!readUrl(r, s, QStringLiteral("url"), &a->url))
        return false;
    if (s.values.contains(QStringLiteral("currency")))
        a->currency = s.values.value(QStringLiteral("currency"));
    if (!use(r, checkCurrency(where(s.name, QStringLiteral("currency")), a->currency)))
        return false;
    if (s.values.contains(QStringLiteral("user")))
        a->user = s.values.value(QStringLiteral("user"));
    if (s.values.contains(QStringLiteral("secret")))
        a->secret = s.values.value(QStringLiteral("secret"));
    if (s.values.contains(QStringLiteral("key")))
        a->apiKey = s.values.value(QStringLiteral("key"));
    if (s.values.contains(QStringLiteral("name")))
        a->name = s.values.value(QStringLiteral("name"));
    qint64 interval = a->intervalSecs, timeout = a->timeoutSecs, maxBody = a->maxBodyBytes;
    if (!readInt(r, s, QStringLiteral("interval"), rules::kInterval, &interval) ||
        !readIntAs(r, s, QStringLiteral("min_interval"), rules::kMinInterval,
                   &a->minIntervalSecs) ||
        !readInt(r, s, QStringLiteral("timeout"), rules::kTimeout, &timeout) ||
        !readInt(r, s, QStringLiteral("max_body"), rules::kMaxBody, &maxBody) ||
        !readThresholds(r, s, &a->thresholds) || !readProxy(r, s, &a->proxy, &a->proxySet))
        return false;
    a->intervalSecs = int(interval);
    a->minIntervalSecs = std::min(a->minIntervalSecs, a->intervalSecs); // above: it is interval
    a->timeoutSecs = int(timeout);
    a->maxBodyBytes = maxBody;
    if (a->user.isEmpty() && providerNeedsUser(a->provider))
        return r.fail(where(s.name, QStringLiteral("user")) +
                      (a->provider == PoolProvider::Luxor
                           ? QStringLiteral(" is required (the Luxor subaccount)")
                       : a->provider == PoolProvider::AntPool
                           ? QStringLiteral(" is required (the AntPool user id)")
                           : QStringLiteral(" is required (the pool account name)")));
    return use(r, checkThresholdOrder(where(s.name, QStringLiteral("retired_after")),
                                      QStringLiteral("offline_after"), a->thresholds));
}

QStringList globList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

bool readGroup(Reader &r, const Section &s, GroupConfig *g)
{
    g->name = s.name.mid(6);
    if (!use(r, checkGroupName(QLatin1Char('[') + s.name + QLatin1Char(']'), g->name)))
        return false;
    g->label = s.values.value(QStringLiteral("label")).trimmed();
    g->workers = globList(s.values.value(QStringLiteral("workers")));
    g->hosts = globList(s.values.value(QStringLiteral("hosts")));
    if (g->workers.isEmpty() && g->hosts.isEmpty())
        return r.fail(QLatin1Char('[') + s.name +
                      QStringLiteral("] needs workers or hosts (comma-separated globs such as "
                                     "rig-a*), or it holds no worker"));
    g->chat = s.values.value(QStringLiteral("chat")).trimmed();
    if (!g->chat.isEmpty() &&
        !use(r, checkTelegramChat(where(s.name, QStringLiteral("chat")), g->chat)))
        return false;
    return readHashRate(r, s, QStringLiteral("min_hashrate"), &g->minHashRate);
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
    if (!use(r, checkTelegramChat(where(s.name, QStringLiteral("chat")), t->chat)))
        return false;
    const QString retract = s.values.value(QStringLiteral("retract"), QStringLiteral("delete"));
    if (!use(r, checkRetract(where(s.name, QStringLiteral("retract")), retract, &t->retract)))
        return false;
    const QString lang = s.values.value(QStringLiteral("language"), t->language);
    if (!use(r, checkLanguage(where(s.name, QStringLiteral("language")), lang)))
        return false;
    t->language = lang;
    qint64 timeout = t->timeoutSecs;
    if (!readInt(r, s, QStringLiteral("timeout"), rules::kTimeout, &timeout))
        return false;
    t->timeoutSecs = int(timeout);
    const QString commands = s.values.value(QStringLiteral("commands"), QStringLiteral("off"));
    if (commands == QLatin1String("on") || commands == QLatin1String("true") ||
        commands == QLatin1String("yes") || commands == QLatin1String("1"))
        t->commands = true;
    else if (commands == QLatin1String("off") || commands == QLatin1String("false") ||
             commands == QLatin1String("no") || commands == QLatin1String("0"))
        t->commands = false;
    else
        return r.fail(ConfigText::tr("%1 = \"%2\" must be on or off")
                          .arg(where(s.name, QStringLiteral("commands")), commands));
    if (!readAdmins(r, s, &t->admins) || !readProxy(r, s, &t->proxy, &t->proxySet))
        return false;
    if (s.values.contains(QStringLiteral("quiet_hours")) &&
        !use(r, checkQuietHours(where(s.name, QStringLiteral("quiet_hours")),
                                s.values.value(QStringLiteral("quiet_hours")), &t->quietFrom,
                                &t->quietTo)))
        return false;
    t->timeZone = s.values.value(QStringLiteral("timezone"), t->timeZone).trimmed();
    if (!use(r, checkTimeZone(where(s.name, QStringLiteral("timezone")), t->timeZone)))
        return false;
    const QString digest = s.values.value(QStringLiteral("digest")).trimmed();
    if (digest.isEmpty())
        t->digestAt = -1;
    else if (!use(r, checkTimeOfDay(where(s.name, QStringLiteral("digest")), digest, &t->digestAt)))
        return false;
    if (t->token.isEmpty() != t->chat.isEmpty())
        return r.fail(
            where(s.name, t->token.isEmpty() ? QStringLiteral("token") : QStringLiteral("chat")) +
            QStringLiteral(" is required when ") +
            (t->token.isEmpty() ? QStringLiteral("chat") : QStringLiteral("token")) +
            QStringLiteral(" is set"));
    return true;
}

// A ';' or '#' after whitespace starts a comment, as in most INI readers; one inside a word
// ("abc;def", "https://host/#x") is part of the value.
int commentStart(const QString &text)
{
    for (int i = 1; i < text.size(); ++i)
        if ((text.at(i) == QLatin1Char(';') || text.at(i) == QLatin1Char('#')) &&
            text.at(i - 1).isSpace())
            return i;
    return -1;
}

// The text after '=': a quoted value is what its quotes hold, so it may contain " ;" or " #";
// only a comment may follow it.
enum class ValueSyntax
{
    Ok,
    Unclosed,
    TextAfterQuote
};
ValueSyntax readValue(const QString &raw, QString *value, QChar *quote)
{
    int i = 0;
    while (i < raw.size() && raw.at(i).isSpace())
        ++i;
    if (i < raw.size() && (raw.at(i) == QLatin1Char('"') || raw.at(i) == QLatin1Char('\''))) {
        *quote = raw.at(i);
        const int close = raw.indexOf(*quote, i + 1);
        if (close < 0)
            return ValueSyntax::Unclosed;
        const QString rest = raw.mid(close + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(';')) &&
            !rest.startsWith(QLatin1Char('#')))
            return ValueSyntax::TextAfterQuote;
        *value = raw.mid(i + 1, close - i - 1);
        return ValueSyntax::Ok;
    }
    const int comment = commentStart(raw);
    *value = (comment < 0 ? raw : raw.left(comment)).trimmed();
    return ValueSyntax::Ok;
}

// The file's sections in the order they first appear. A section or a key given twice is read
// as one, the later value winning, as an operator who appends a line would expect; but it is
// often a forgotten first one, hence the warning naming both lines.
bool readIni(const QByteArray &text, const QString &fileName, QVector<Section> *sections,
             QHash<QString, int> *index, ConfigResult *result)
{
    int current = -1;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        const QString lineNo = QString::number(i + 1);
        const QString at = fileName + QLatin1Char(':') + lineNo + QStringLiteral(": ");
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const int comment = commentStart(line);
            if (comment > 0)
                line = line.left(comment).trimmed();
            if (!line.endsWith(QLatin1Char(']'))) {
                result->error = at + QStringLiteral("section header \"") + line +
                                QStringLiteral("\" has no closing ]");
                return false;
            }
            const QString name = line.mid(1, line.size() - 2).trimmed();
            if (index->contains(name)) {
                result->warnings << ConfigText::tr("%1:%2: section [%3] appears again (first on "
                                                   "line %4): both are read as one, a key set in "
                                                   "both takes the later value")
                                        .arg(
                                            fileName, lineNo, name,
                                            QString::number(sections->at(index->value(name)).line));
            } else {
                index->insert(name, int(sections->size()));
                sections->append(Section{name, {}, {}, i + 1});
            }
            current = index->value(name);
            continue;
        }
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || current < 0) {
            // The line itself is not repeated: it may be a secret written without its key
            // ("secret abc123"), and errors reach the journal.
            result->error =
                at + (current >= 0 ? QStringLiteral("expected key = value (the line has "
                                                    "no '=')")
                                   : QStringLiteral("key outside of any [section]"));
            return false;
        }
        Section &section = (*sections)[current];
        const QString key = line.left(eq).trimmed();
        QString value;
        QChar quote;
        switch (readValue(line.mid(eq + 1), &value, &quote)) {
        case ValueSyntax::Ok:
            break;
        case ValueSyntax::Unclosed: // the value is not repeated: it may be a secret
            result->error = ConfigText::tr("%1:%2: [%3] %4: the quoted value has no closing %5")
                                .arg(fileName, lineNo, section.name, key, QString(quote));
            return false;
        case ValueSyntax::TextAfterQuote:
            result->error = ConfigText::tr("%1:%2: [%3] %4: only a comment (after ; or #) may "
                                           "follow the closing %5")
                                .arg(fileName, lineNo, section.name, key, QString(quote));
            return false;
        }
        if (section.lines.contains(key))
            result->warnings << ConfigText::tr("%1:%2: [%3] %4 is set again (first on line %5): "
                                               "the value on line %2 is used")
                                    .arg(fileName, lineNo, section.name, key,
                                         QString::number(section.lines.value(key)));
        section.values.insert(key, value);
        section.lines.insert(key, i + 1);
    }
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
    Reader r{fileName, {}, &result.warnings};
    QVector<Section> sections;
    QHash<QString, int> index;
    if (!readIni(text, fileName, &sections, &index, &result))
        return result;

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
    const QString envKey = env.value(QStringLiteral("RIGWATCH_POOL_KEY"));
    for (const Section &s : std::as_const(sections)) {
        const bool isBase = s.name == QLatin1String("pool");
        const bool isNamed =
            s.name.startsWith(QLatin1String("pool.")) || s.name.startsWith(QLatin1String("pool:"));
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
        const QString perAccountEnv =
            env.value(QStringLiteral("RIGWATCH_POOL_SECRET_") +
                      id.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
        if (!perAccountEnv.isEmpty())
            a.secret = perAccountEnv;
        else if (!envSecret.isEmpty() && (isBase || !s.values.contains(QStringLiteral("secret"))))
            a.secret = envSecret;
        const QString perAccountKey =
            env.value(QStringLiteral("RIGWATCH_POOL_KEY_") +
                      id.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
        if (!perAccountKey.isEmpty())
            a.apiKey = perAccountKey;
        else if (!envKey.isEmpty() && (isBase || !s.values.contains(QStringLiteral("key"))))
            a.apiKey = envKey;
        // The credentials each pool signs or authenticates with (docs/configuration.md).
        const QString envName = id.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
        if (providerNeedsKey(a.provider) && a.apiKey.isEmpty()) {
            result.error = fileName + QStringLiteral(": ") + where(s.name, QStringLiteral("key")) +
                           QStringLiteral(" is required for %1 (the API key; or set "
                                          "RIGWATCH_POOL_KEY_%2)")
                               .arg(a.providerKey(), envName);
            return result;
        }
        if (a.provider != PoolProvider::F2poolV2 && providerNeedsSecret(a.provider) &&
            a.secret.isEmpty()) {
            result.error = fileName + QStringLiteral(": ") +
                           where(s.name, QStringLiteral("secret")) +
                           QStringLiteral(" is required for %1 (%2; or set "
                                          "RIGWATCH_POOL_SECRET_%3)")
                               .arg(a.providerKey(),
                                    providerNeedsKey(a.provider) ? QStringLiteral("the API secret")
                                                                 : QStringLiteral("the API token"),
                                    envName);
            return result;
        }
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
        result.error =
            fileName + QStringLiteral(": [pool] user is required (the pool account name)");
        return result;
    }

    for (const Section &s : std::as_const(sections)) {
        if (s.name == QLatin1String("telegram")) {
            known(s, kTelegramKeys);
            Section t = s;
            if (!env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN")).isEmpty())
                t.values.insert(QStringLiteral("token"),
                                env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN")));
            if (!readTelegram(r, t, &cfg.telegram)) {
                result.error = r.error;
                return result;
            }
        } else if (s.name == QLatin1String("storage")) {
            known(s, kStorageKeys);
            // "~/..." as a shell would; anything else relative is relative to the file
            // (loadConfigFile)
            cfg.databasePath =
                expandHome(s.values.value(QStringLiteral("database")),
                           env.contains(QStringLiteral("HOME")) ? env.value(QStringLiteral("HOME"))
                                                                : QDir::homePath());
        } else if (s.name == QLatin1String("metrics")) {
            known(s, kMetricsKeys);
            cfg.metricsListen = s.values.value(QStringLiteral("listen"));
            static const QRegularExpression re(
                QStringLiteral("^(\\[[0-9a-fA-F:]+\\]|[^:\\s]+):([0-9]{1,5})$"));
            const auto m = re.match(cfg.metricsListen);
            if (!cfg.metricsListen.isEmpty() && (!m.hasMatch() || m.captured(2).toInt() > 65535)) {
                result.error = fileName + QStringLiteral(": [metrics] listen = \"") +
                               cfg.metricsListen +
                               QStringLiteral("\" is not host:port (e.g. 127.0.0.1:9464)");
                return result;
            }
        } else if (s.name.startsWith(QLatin1String("group."))) {
            known(s, kGroupKeys);
            GroupConfig g;
            if (!readGroup(r, s, &g)) {
                result.error = r.error;
                return result;
            }
            cfg.groups.append(g);
        } else if (s.name != QLatin1String("alerts") && s.name != QLatin1String("pool") &&
                   !s.name.startsWith(QLatin1String("pool.")) &&
                   !s.name.startsWith(QLatin1String("pool:"))) {
            result.warnings << fileName + QStringLiteral(": unknown section [") + s.name +
                                   QStringLiteral("] ignored");
        }
    }
    const QString envToken = env.value(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN"));
    const bool telegramSection =
        std::any_of(sections.cbegin(), sections.cend(),
                    [](const Section &s) { return s.name == QLatin1String("telegram"); });
    if (!envToken.isEmpty() && !telegramSection) {
        // A token left in the environment (a shared secrets file, a shell profile) for a file
        // that does not use Telegram: nothing to post to, and no reason to refuse the start.
        result.warnings << fileName + QStringLiteral(": RIGWATCH_TELEGRAM_TOKEN is set but the "
                                                     "file has no [telegram] section: Telegram "
                                                     "stays off");
    } else if (!envToken.isEmpty()) {
        cfg.telegram.token = envToken;
        if (cfg.telegram.chat.isEmpty()) {
            result.error =
                fileName + QStringLiteral(": [telegram] chat is required when a token is set");
            return result;
        }
    }
    for (const GroupConfig &g : std::as_const(cfg.groups))
        if (!g.chat.isEmpty() && !cfg.telegram.enabled())
            result.warnings << fileName + QStringLiteral(": [group.") + g.name +
                                   QStringLiteral("] chat is set but Telegram is off (no "
                                                  "[telegram] token and chat): nothing is sent");
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
        // read as the parser reads it: "secret = ; in the environment" holds none
        QVector<Section> sections;
        QHash<QString, int> index;
        ConfigResult ignored;
        readIni(text, path, &sections, &index, &ignored);
        const bool fileHoldsSecret =
            std::any_of(sections.cbegin(), sections.cend(), [](const Section &s) {
                return !s.values.value(QStringLiteral("secret")).isEmpty() ||
                       !s.values.value(QStringLiteral("key")).isEmpty() ||
                       !s.values.value(QStringLiteral("token")).isEmpty() ||
                       !proxyFromText(s.values.value(QStringLiteral("proxy"))).password().isEmpty();
            });
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
    auto line = [&](const QString &k, const QString &v) {
        out += k + QStringLiteral(" = ") + v + QLatin1Char('\n');
    };
    for (const AccountConfig &a : c.accounts) {
        out += a.id == QLatin1String("default")
                   ? QStringLiteral("[pool]\n")
                   : QStringLiteral("[pool.") + a.id + QStringLiteral("]\n");
        line(QStringLiteral("provider"), a.providerKey());
        line(QStringLiteral("url"), a.url.toString());
        line(QStringLiteral("currency"), a.currency);
        line(QStringLiteral("user"), a.user);
        line(QStringLiteral("name"), a.displayName());
        if (providerNeedsKey(a.provider) || !a.apiKey.isEmpty())
            line(QStringLiteral("key"),
                 a.apiKey.isEmpty() ? QStringLiteral("(none)") : maskSecret(a.apiKey));
        line(QStringLiteral("secret"),
             a.secret.isEmpty() ? QStringLiteral("(none)") : maskSecret(a.secret));
        line(QStringLiteral("interval"), QString::number(a.intervalSecs));
        line(QStringLiteral("timeout"), QString::number(a.timeoutSecs));
        line(QStringLiteral("max_body"), QString::number(a.maxBodyBytes));
        line(QStringLiteral("offline_after"), QString::number(a.thresholds.offlineAfterSecs));
        line(QStringLiteral("retired_after"), QString::number(a.thresholds.retiredAfterSecs));
        line(QStringLiteral("min_hashrate"), QString::number(a.thresholds.minHashRate, 'g', 15));
        line(QStringLiteral("min_interval"), QString::number(a.minIntervalSecs));
        line(QStringLiteral("degraded_below"), QString::number(a.thresholds.degradedBelow));
        line(QStringLiteral("degraded_after"), QString::number(a.thresholds.degradedAfterSecs));
        line(QStringLiteral("flap_limit"), QString::number(a.thresholds.flapLimit));
        line(QStringLiteral("flap_window"), QString::number(a.thresholds.flapWindowSecs));
        line(QStringLiteral("critical_offline"),
             QString::number(a.thresholds.criticalOfflinePercent));
        line(QStringLiteral("proxy"),
             a.proxySet ? (a.proxy.isEmpty() ? QStringLiteral("(none)") : maskProxy(a.proxy))
                        : QStringLiteral("(from the environment)"));
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("[telegram]\n");
    line(QStringLiteral("url"), c.telegram.url.toString());
    line(QStringLiteral("token"),
         c.telegram.token.isEmpty() ? QStringLiteral("(none)") : maskSecret(c.telegram.token));
    line(QStringLiteral("chat"),
         c.telegram.chat.isEmpty() ? QStringLiteral("(none)") : c.telegram.chat);
    line(QStringLiteral("retract"), c.telegram.retract == RetractMode::Delete
                                        ? QStringLiteral("delete")
                                        : QStringLiteral("edit"));
    line(QStringLiteral("language"), c.telegram.language);
    line(QStringLiteral("timeout"), QString::number(c.telegram.timeoutSecs));
    line(QStringLiteral("commands"),
         c.telegram.commands ? QStringLiteral("on") : QStringLiteral("off"));
    QStringList admins;
    for (qint64 id : c.telegram.admins)
        admins << QString::number(id);
    line(QStringLiteral("admins"),
         admins.isEmpty() ? QStringLiteral("(nobody)") : admins.join(QStringLiteral(", ")));
    line(QStringLiteral("proxy"),
         c.telegram.proxySet
             ? (c.telegram.proxy.isEmpty() ? QStringLiteral("(none)") : maskProxy(c.telegram.proxy))
             : QStringLiteral("(from the environment)"));
    auto hhmm = [](int m) {
        return QStringLiteral("%1:%2")
            .arg(m / 60, 2, 10, QLatin1Char('0'))
            .arg(m % 60, 2, 10, QLatin1Char('0'));
    };
    line(QStringLiteral("quiet_hours"),
         c.telegram.quietFrom < 0
             ? QStringLiteral("(off)")
             : hhmm(c.telegram.quietFrom) + QLatin1Char('-') + hhmm(c.telegram.quietTo));
    line(QStringLiteral("timezone"),
         c.telegram.timeZone.isEmpty() ? QStringLiteral("(the system's: %1)")
                                             .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId()))
                                       : c.telegram.timeZone);
    line(QStringLiteral("digest"),
         c.telegram.digestAt < 0 ? QStringLiteral("(off)") : hhmm(c.telegram.digestAt));
    for (const GroupConfig &g : c.groups) {
        out += QStringLiteral("\n[group.") + g.name + QStringLiteral("]\n");
        line(QStringLiteral("label"), g.displayLabel());
        line(QStringLiteral("workers"), g.workers.join(QStringLiteral(", ")));
        line(QStringLiteral("hosts"), g.hosts.join(QStringLiteral(", ")));
        line(QStringLiteral("chat"),
             g.chat.isEmpty() ? QStringLiteral("(the [telegram] chat)") : g.chat);
        line(QStringLiteral("min_hashrate"), QString::number(g.minHashRate, 'g', 15));
    }
    out += QStringLiteral("\n[storage]\n");
    line(QStringLiteral("database"), c.databasePath);
    out += QStringLiteral("\n[metrics]\n");
    line(QStringLiteral("listen"),
         c.metricsListen.isEmpty() ? QStringLiteral("(off)") : c.metricsListen);
    return out;
}

} // namespace rw
