// rigwatchd --report end to end: the built daemon reads a store filled with a hand-made day of
// history and writes the availability report as CSV (its figures checked one by one) and as
// PDF (on no display at all), and refuses a bad period, group, format or output with one line
// and exit code 2.
#include "daemonrun.h"

#include "store/store.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 Hour = 3600;

// 2026-01-01 (UTC), polled every 10 minutes: rig-a1 (site-a by name) is down [02:00, 05:00),
// rig-b1 (site-b by its host) and rig-x (no group) never.
bool writeHistory(const QString &path, const QString &account)
{
    Store store;
    QString error;
    if (!store.open(path, &error))
        return false;
    const struct
    {
        const char *name, *host;
        double rate;
    } rigs[] = {{"rig-a1", "10.0.0.1", 100e12},
                {"rig-b1", "198.51.100.7", 50e12},
                {"rig-x", "10.0.0.3", 20e12}};
    for (qint64 t = T0 - Hour; t <= T0 + 25 * Hour; t += 600) {
        Snapshot s;
        s.poolTimeSecs = t;
        QHash<QString, WorkerState> states;
        QVector<Event> events;
        for (const auto &r : rigs) {
            WorkerState st;
            st.sample.name = QString::fromLatin1(r.name);
            st.sample.host = QString::fromLatin1(r.host);
            st.sample.hashRate = r.rate;
            st.sample.lastShareAt = t;
            const bool down = st.sample.name == QLatin1String("rig-a1") && t >= T0 + 2 * Hour &&
                              t < T0 + 5 * Hour;
            st.status = down ? WorkerStatus::Missing : WorkerStatus::Online;
            if (!down) {
                st.lastListedAt = t;
                s.workers << st.sample;
                s.totalHashRate += r.rate;
            }
            states.insert(st.sample.name, st);
        }
        if (t == T0 + 2 * Hour)
            events << Event{Event::WentMissing, QStringLiteral("rig-a1"), t, 0, {}};
        if (t == T0 + 5 * Hour)
            events << Event{Event::CameBack, QStringLiteral("rig-a1"), t, 0, {}};
        if (!store.recordPoll(account, t, s, states, AccountState{}, events))
            return false;
    }
    return true;
}

QStringList csvRow(const QString &csv, const QString &level, const QString &name)
{
    for (const QString &line : csv.split(QLatin1Char('\n'))) {
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() > 4 && cells.at(0) == level &&
            (level == QLatin1String("account") ? cells.at(1)
             : level == QLatin1String("group") ? cells.at(2)
                                               : cells.at(3)) == name)
            return cells;
    }
    return {};
}

} // namespace

class TestDaemonReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvFigures();
    void oneGroup();
    void pdfWithoutDisplay();
    void pdfWriterInstalledApart();
    void pdfWriterMissingIsNamed();
    void badRequests_data();
    void badRequests();

private:
    QTemporaryDir m_dir;
    QString m_ini;
};

void TestDaemonReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString db = m_dir.filePath(QStringLiteral("rw.sqlite"));
    QVERIFY(writeHistory(db, QStringLiteral("acme/bitcoin")));
    m_ini = test::writeIni(m_dir.filePath(QStringLiteral("rw.ini")),
                           QStringLiteral("[pool]\nuser = acme\nname = Acme Hosting\n"
                                          "secret = s3cr3t-report\n"
                                          "[group.site-a]\nlabel = Site A\nworkers = rig-a*\n"
                                          "[group.site-b]\nhosts = 198.51.100.*\n"
                                          "[storage]\ndatabase = %1\n")
                               .arg(db));
}

void TestDaemonReport::csvFigures()
{
    const QString out = m_dir.filePath(QStringLiteral("day.csv"));
    const test::DaemonRun r =
        test::runDaemon({QStringLiteral("--config"), m_ini, QStringLiteral("--report"),
                         QStringLiteral("2026-01-01..2026-01-01"), QStringLiteral("--format"),
                         QStringLiteral("csv"), QStringLiteral("--output"), out},
                        {QStringLiteral("s3cr3t-report")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(f.readAll());
    QVERIFY(csv.startsWith(QStringLiteral(
        "level,account,group,worker,from_utc,to_utc,workers,expected_s,online_s,downtime_s,"
        "availability_percent,outages,mttr_s,degraded_periods,degraded_s,avg_hashrate_hs\n")));
    // rig-a1: 24 h expected, 3 h down in one outage: 21 / 24 = 87.50 %, MTTR 3 h.
    const QStringList a1 = csvRow(csv, QStringLiteral("worker"), QStringLiteral("rig-a1"));
    QCOMPARE(a1.mid(1, 3), list({"Acme Hosting", "Site A", "rig-a1"}));
    QCOMPARE(a1.mid(4, 2), list({"2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"}));
    QCOMPARE(a1.mid(6, 8), list({"1", "86400", "75600", "10800", "87.50", "1", "10800", "0"}));
    QCOMPARE(csvRow(csv, QStringLiteral("worker"), QStringLiteral("rig-b1")).at(2),
             QStringLiteral("site-b"));
    QCOMPARE(csvRow(csv, QStringLiteral("worker"), QStringLiteral("rig-x")).at(2),
             QStringLiteral("Ungrouped"));
    // The account: 3 x 86400 expected, 10800 down: 248400 / 259200 = 95.83 %. Its hash rate:
    // 170 TH/s but in 3 hours without rig-a1 (70): (21 x 170 + 3 x 70) / 24 = 157.5 TH/s.
    const QStringList acc = csvRow(csv, QStringLiteral("account"), QStringLiteral("Acme Hosting"));
    QCOMPARE(acc.mid(6, 7), list({"3", "259200", "248400", "10800", "95.83", "1", "10800"}));
    QVERIFY2(qAbs(acc.at(15).toDouble() / 157.5e12 - 1) < 1e-3, qPrintable(acc.at(15)));
    const QStringList siteA = csvRow(csv, QStringLiteral("group"), QStringLiteral("Site A"));
    QCOMPARE(siteA.mid(6, 6), list({"1", "86400", "75600", "10800", "87.50", "1"}));
    QCOMPARE(csvRow(csv, QStringLiteral("group"), QStringLiteral("site-b")).at(10),
             QStringLiteral("100.00"));
}

void TestDaemonReport::oneGroup()
{
    const QString out = m_dir.filePath(QStringLiteral("site-b.csv"));
    const test::DaemonRun r =
        test::runDaemon({QStringLiteral("--config"), m_ini, QStringLiteral("--report"),
                         QStringLiteral("2026-01-01..2026-01-01"), QStringLiteral("--group"),
                         QStringLiteral("site-b"), QStringLiteral("--format"),
                         QStringLiteral("csv"), QStringLiteral("--output"), out},
                        {});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(f.readAll());
    QVERIFY(csvRow(csv, QStringLiteral("worker"), QStringLiteral("rig-a1")).isEmpty());
    QVERIFY(csvRow(csv, QStringLiteral("group"), QStringLiteral("Site A")).isEmpty());
    QCOMPARE(csvRow(csv, QStringLiteral("account"), QStringLiteral("Acme Hosting")).mid(6, 5),
             list({"1", "86400", "86400", "0", "100.00"}));
}

void TestDaemonReport::pdfWithoutDisplay()
{
    const QString out = m_dir.filePath(QStringLiteral("day.pdf"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // rigwatchd must choose "offscreen" itself
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--report"),
             QStringLiteral("2026-01-01..2026-01-01"), QStringLiteral("--group"),
             QStringLiteral("site-a"), QStringLiteral("--format"), QStringLiteral("pdf"),
             QStringLiteral("--output"), out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    if (!qEnvironmentVariableIsEmpty("RIGWATCH_KEEP_PDF")) // to look at it
        QFile::copy(out, qEnvironmentVariable("RIGWATCH_KEEP_PDF"));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.contains("/Type /Page"));
    // Text was drawn with a real font: one is embedded, and the page streams show text.
    QVERIFY(pdf.contains("/FontFile2"));
    // The title names the farm (UTF-16 in the document's information).
    QByteArray title = "\xfe\xff";
    for (const QChar c : QStringLiteral("Availability report: Acme Hosting")) {
        title += char(c.unicode() >> 8);
        title += char(c.unicode() & 0xff);
    }
    QVERIFY(pdf.contains(title));
    int textStreams = 0;
    static const QRegularExpression stream(QStringLiteral("/FlateDecode[^>]*>>\\s*stream\\r?\\n"));
    for (auto it = stream.globalMatch(QString::fromLatin1(pdf)); it.hasNext();) {
        const auto m = it.next();
        const qsizetype begin = m.capturedEnd();
        const qsizetype end = pdf.indexOf("endstream", begin);
        QByteArray zipped = QByteArray(4, '\0') + pdf.mid(begin, end - begin);
        zipped[0] = char(0x01); // qUncompress's size hint: 16 MB, grown if needed
        const QByteArray plain = qUncompress(zipped);
        if (plain.contains("BT") && plain.contains("Tj"))
            ++textStreams;
    }
    QVERIFY(textStreams >= 1);
}

// rigwatchd does not load Qt Gui: a PDF is written by rigwatchd-pdf, found in the installed
// layout (<prefix>/bin/rigwatchd, <prefix>/libexec/rigwatch/rigwatchd-pdf) as in a build tree.
void TestDaemonReport::pdfWriterInstalledApart()
{
    const QString prefix = m_dir.filePath(QStringLiteral("prefix"));
    QVERIFY(QDir().mkpath(prefix + QStringLiteral("/bin")));
    QVERIFY(QDir().mkpath(prefix + QStringLiteral("/libexec/rigwatch")));
    QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        prefix + QStringLiteral("/bin/rigwatchd")));
    QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd-pdf"),
                        prefix + QStringLiteral("/libexec/rigwatch/rigwatchd-pdf")));
    const QString out = m_dir.filePath(QStringLiteral("apart.pdf"));
    QProcess p;
    p.start(prefix + QStringLiteral("/bin/rigwatchd"),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--report"),
             QStringLiteral("2026-01-01..2026-01-01"), QStringLiteral("--format"),
             QStringLiteral("pdf"), QStringLiteral("--output"), out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("%PDF-"));
}

// Without its PDF writer rigwatchd says what is missing and where it looked; CSV still works.
void TestDaemonReport::pdfWriterMissingIsNamed()
{
    const QString alone = m_dir.filePath(QStringLiteral("alone"));
    QVERIFY(QDir().mkpath(alone));
    QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        alone + QStringLiteral("/rigwatchd")));
    const auto run = [&](const char *format, const QString &out) {
        QProcess p;
        p.start(alone + QStringLiteral("/rigwatchd"),
                {QStringLiteral("--config"), m_ini, QStringLiteral("--report"),
                 QStringLiteral("2026-01-01..2026-01-01"), QStringLiteral("--format"),
                 QString::fromLatin1(format), QStringLiteral("--output"), out});
        p.waitForFinished(60000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    const QString pdf = m_dir.filePath(QStringLiteral("alone.pdf"));
    const auto [code, err] = run("pdf", pdf);
    QCOMPARE(code, 3);
    QVERIFY2(err.startsWith(QStringLiteral("rigwatchd: --format pdf needs the PDF writer "
                                           "rigwatchd-pdf, which is not installed (looked for ")),
             qPrintable(err));
    QVERIFY2(err.contains(alone + QStringLiteral("/rigwatchd-pdf")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("/libexec/rigwatch/rigwatchd-pdf")), qPrintable(err));
    QVERIFY(!QFile::exists(pdf));
    const auto [csvCode, csvErr] = run("csv", m_dir.filePath(QStringLiteral("alone.csv")));
    QVERIFY2(csvCode == 0, qPrintable(csvErr));
}

void TestDaemonReport::badRequests_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("period")
        << list({"--report", "last-week", "--format", "csv", "--output", "/tmp/x.csv"})
        << QStringLiteral("rigwatchd: bad period \"last-week\": use yesterday, last-7-days, "
                          "last-month or YYYY-MM-DD..YYYY-MM-DD");
    QTest::newRow("group")
        << list({"--report", "yesterday", "--group", "site-c", "--format", "csv", "--output",
                 "/tmp/x.csv"})
        << QStringLiteral("rigwatchd: unknown group \"site-c\": the configuration has site-a, "
                          "site-b");
    QTest::newRow("format")
        << list({"--report", "yesterday", "--format", "xls", "--output", "/tmp/x.csv"})
        << QStringLiteral("rigwatchd: unknown --format \"xls\": use csv or pdf");
    QTest::newRow("output")
        << list({"--report", "yesterday", "--format", "csv", "--output", "/nonexistent-dir/x.csv"})
        << QStringLiteral("rigwatchd: cannot write the report to /nonexistent-dir/x.csv: its "
                          "folder does not exist");
    QTest::newRow("no output") << list({"--report", "yesterday", "--format", "pdf"})
                               << QStringLiteral("rigwatchd: --report needs --output FILE");
}

void TestDaemonReport::badRequests()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const test::DaemonRun r =
        test::runDaemon(QStringList{QStringLiteral("--config"), m_ini} + args, {});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.trimmed(), message);
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestDaemonReport)
#include "tst_daemonreport.moc"
