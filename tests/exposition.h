#pragma once

// A small parser of the Prometheus text exposition format (0.0.4) for the tests that read
// /metrics (tst_metrics in-process, tst_daemon from a running rigwatchd): strict enough to
// catch malformed output, and it keeps HELP and TYPE so a test can require both per family.
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QtNumeric>

#include <optional>

namespace rw::test {

struct Sample
{
    QString name;
    QMap<QString, QString> labels; // values unescaped
    double value = 0;

    // name{k="v",...} with the labels sorted: one series
    QString series() const
    {
        QStringList parts;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            parts << it.key() + QLatin1Char('=') + it.value();
        return name + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
};

struct Exposition
{
    QVector<Sample> samples;
    QMap<QString, QString> types; // family -> counter, gauge, histogram, ...
    QSet<QString> help;           // families with a HELP line
    QString error;                // first malformed line, empty when all parsed

    // The family a sample belongs to: histogram and summary samples carry a suffix.
    QString family(const QString &sampleName) const
    {
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            const QLatin1String s(suffix);
            if (sampleName.endsWith(s)) {
                const QString base = sampleName.chopped(s.size());
                const QString type = types.value(base);
                if (type == QLatin1String("histogram") || type == QLatin1String("summary"))
                    return base;
            }
        }
        return sampleName;
    }

    std::optional<Sample> find(const QString &name, const QString &key, const QString &value) const
    {
        for (const Sample &s : samples)
            if (s.name == name && s.labels.value(key) == value)
                return s;
        return std::nullopt;
    }
};

// Label values escape \, " and newline as \\, \" and \n; anything else after \ is malformed.
inline bool unescapeLabel(const QString &in, QString *out)
{
    out->clear();
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('\\')) {
            *out += c;
            continue;
        }
        if (++i == in.size())
            return false;
        const QChar e = in.at(i);
        if (e == QLatin1Char('n'))
            *out += QLatin1Char('\n');
        else if (e == QLatin1Char('\\') || e == QLatin1Char('"'))
            *out += e;
        else
            return false;
    }
    return true;
}

inline Exposition parseExposition(const QByteArray &text)
{
    Exposition x;
    static const QRegularExpression line(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? ([^ ]+)( -?[0-9]+)?$"));
    static const QRegularExpression label(
        QStringLiteral("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?"));
    static const QRegularExpression meta(
        QStringLiteral("^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (.*))?$"));
    const auto fail = [&x](const QString &why, const QString &l) {
        x.error = why + QStringLiteral(": ") + l;
        x.samples.clear();
        return x;
    };
    if (!text.isEmpty() && !text.endsWith('\n'))
        return fail(QStringLiteral("no newline at the end"), QString());
    for (const QString &l : QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (l.startsWith(QLatin1Char('#'))) {
            const auto m = meta.match(l);
            if (!m.hasMatch())
                continue; // a plain comment
            if (m.captured(1) == QLatin1String("HELP")) {
                if (x.help.contains(m.captured(2)))
                    return fail(QStringLiteral("second HELP"), l);
                x.help.insert(m.captured(2));
            } else {
                static const QStringList kTypes = {
                    QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"),
                    QStringLiteral("summary"), QStringLiteral("untyped")};
                if (!kTypes.contains(m.captured(3)))
                    return fail(QStringLiteral("bad TYPE"), l);
                if (x.types.contains(m.captured(2)))
                    return fail(QStringLiteral("second TYPE"), l);
                x.types.insert(m.captured(2), m.captured(3));
            }
            continue;
        }
        const auto m = line.match(l);
        if (!m.hasMatch())
            return fail(QStringLiteral("bad line"), l);
        Sample s{m.captured(1), {}, 0};
        const QString labels = m.captured(3);
        qsizetype consumed = 0;
        auto it = label.globalMatch(labels);
        while (it.hasNext()) {
            const auto lm = it.next();
            QString value;
            if (lm.capturedStart() != consumed || !unescapeLabel(lm.captured(2), &value))
                return fail(QStringLiteral("bad labels"), l);
            consumed = lm.capturedEnd();
            if (s.labels.contains(lm.captured(1)))
                return fail(QStringLiteral("label twice"), l);
            s.labels.insert(lm.captured(1), value);
        }
        if (consumed != labels.size())
            return fail(QStringLiteral("bad labels"), l);
        const QString v = m.captured(4);
        bool ok = true;
        if (v == QLatin1String("+Inf"))
            s.value = qInf();
        else if (v == QLatin1String("-Inf"))
            s.value = -qInf();
        else if (v == QLatin1String("NaN"))
            s.value = qQNaN();
        else
            s.value = v.toDouble(&ok);
        if (!ok)
            return fail(QStringLiteral("bad value"), l);
        x.samples << s;
    }
    return x;
}

// The older interface of tst_metrics.
inline QVector<Sample> parseExposition(const QByteArray &text, QMap<QString, QString> *types,
                                       QString *error)
{
    Exposition x = parseExposition(text);
    *types = x.types;
    *error = x.error;
    return x.samples;
}

} // namespace rw::test
