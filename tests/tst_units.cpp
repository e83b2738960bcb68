// Tests for the hash rate and duration formatting the operator reads everywhere, and the hash
// rate input accepted by the settings.
#include "util/loghandler.h"
#include "util/units.h"

#include <QLocale>
#include <QTest>

using namespace rw;

class TestUnits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hashRate_data();
    void hashRate();
    void unitFor_data();
    void unitFor();
    void duration_data();
    void duration();
    void parse_data();
    void parse();
    void logLinesStayOneLine();
};

void TestUnits::initTestCase()
{
    // Numbers must not pick up the locale's separators ("1,50" or "1 500").
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

void TestUnits::hashRate_data()
{
    QTest::addColumn<double>("hs");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0 H/s");
    QTest::newRow("negative") << -5.0 << QStringLiteral("0 H/s");
    QTest::newRow("NaN") << qQNaN() << QStringLiteral("0 H/s");
    QTest::newRow("below 1") << 0.5 << QStringLiteral("0.50 H/s");
    QTest::newRow("7") << 7.0 << QStringLiteral("7.00 H/s");
    QTest::newRow("12.5") << 12.5 << QStringLiteral("12.5 H/s");
    QTest::newRow("950") << 950.0 << QStringLiteral("950 H/s");
    QTest::newRow("999.4") << 999.4 << QStringLiteral("999 H/s");
    QTest::newRow("999.6 rounds up a unit") << 999.6 << QStringLiteral("1.00 kH/s");
    QTest::newRow("1500") << 1500.0 << QStringLiteral("1.50 kH/s");
    QTest::newRow("MH") << 42.42e6 << QStringLiteral("42.4 MH/s");
    QTest::newRow("GH") << 123.456e9 << QStringLiteral("123 GH/s");
    QTest::newRow("TH") << 110543219834880.0 << QStringLiteral("111 TH/s");
    QTest::newRow("PH") << 3.2149e15 << QStringLiteral("3.21 PH/s");
    QTest::newRow("EH") << 1.0e18 << QStringLiteral("1.00 EH/s");
    QTest::newRow("beyond EH") << 1.5e21 << QStringLiteral("1500 EH/s");
}

void TestUnits::hashRate()
{
    QFETCH(double, hs);
    QFETCH(QString, text);
    QCOMPARE(formatHashRate(hs), text);
}

void TestUnits::unitFor_data()
{
    QTest::addColumn<double>("hs");
    QTest::addColumn<double>("divisor");
    QTest::addColumn<QString>("symbol");
    QTest::newRow("0") << 0.0 << 1.0 << QStringLiteral("H/s");
    QTest::newRow("999") << 999.0 << 1.0 << QStringLiteral("H/s");
    QTest::newRow("1000") << 1000.0 << 1e3 << QStringLiteral("kH/s");
    QTest::newRow("250 TH") << 250e12 << 1e12 << QStringLiteral("TH/s");
    QTest::newRow("huge") << 1e24 << 1e18 << QStringLiteral("EH/s");
}

void TestUnits::unitFor()
{
    QFETCH(double, hs);
    QFETCH(double, divisor);
    QFETCH(QString, symbol);
    const HashRateUnit u = hashRateUnitFor(hs);
    QCOMPARE(u.divisor, divisor);
    QCOMPARE(u.symbol, symbol);
}

void TestUnits::duration_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 s");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("45 s") << qint64(45) << QStringLiteral("45 s");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s");
    QTest::newRow("60 s") << qint64(60) << QStringLiteral("1 min");
    QTest::newRow("47 min") << qint64(47 * 60 + 59) << QStringLiteral("47 min");
    QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h 00 min");
    QTest::newRow("3 h 05") << qint64(3 * 3600 + 5 * 60 + 30) << QStringLiteral("3 h 05 min");
    QTest::newRow("23 h 59") << qint64(86399) << QStringLiteral("23 h 59 min");
    QTest::newRow("1 d") << qint64(86400) << QStringLiteral("1 d 00 h");
    QTest::newRow("2 d 04 h") << qint64(2 * 86400 + 4 * 3600 + 59 * 60)
                              << QStringLiteral("2 d 04 h");
    QTest::newRow("400 d") << qint64(400 * 86400 + 13 * 3600) << QStringLiteral("400 d 13 h");
}

void TestUnits::duration()
{
    QFETCH(qint64, secs);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(secs), text);
}

void TestUnits::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("hs");
    QTest::newRow("100T") << QStringLiteral("100T") << true << 100e12;
    QTest::newRow("1.5 PH/s") << QStringLiteral("1.5 PH/s") << true << 1.5e15;
    QTest::newRow("3e15") << QStringLiteral("3e15") << true << 3e15;
    QTest::newRow("3E = 3 exa") << QStringLiteral("3E") << true << 3e18;
    QTest::newRow("2.5e3 T") << QStringLiteral("2.5e3 T") << true << 2.5e15;
    QTest::newRow("250 gh/s") << QStringLiteral(" 250 gh/s ") << true << 250e9;
    QTest::newRow("100 TH") << QStringLiteral("100 TH") << true << 100e12;
    QTest::newRow("100THs") << QStringLiteral("100THs") << true << 100e12;
    QTest::newRow("5 Mhps") << QStringLiteral("5 Mhps") << true << 5e6;
    QTest::newRow("plain") << QStringLiteral("950") << true << 950.0;
    QTest::newRow("H/s") << QStringLiteral("950 H/s") << true << 950.0;
    QTest::newRow(".5k") << QStringLiteral(".5k") << true << 500.0;
    QTest::newRow("0 = floor off") << QStringLiteral("0") << true << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("negative") << QStringLiteral("-5T") << false << 0.0;
    QTest::newRow("decimal comma") << QStringLiteral("1,5 PH/s") << false << 0.0;
    QTest::newRow("unknown unit") << QStringLiteral("100 X") << false << 0.0;
    QTest::newRow("two units") << QStringLiteral("100 TP") << false << 0.0;
    QTest::newRow("words") << QStringLiteral("fast") << false << 0.0;
    QTest::newRow("overflow") << QStringLiteral("1e308 E") << false << 0.0;
}

void TestUnits::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, hs);
    bool parsed = !ok;
    QCOMPARE(parseHashRate(text, &parsed), hs);
    QCOMPARE(parsed, ok);
}

QTEST_GUILESS_MAIN(TestUnits)
// A log message is one line whatever it quotes (a worker name, a server's reply).
void TestUnits::logLinesStayOneLine()
{
    QCOMPARE(escapeControls(QStringLiteral("rig \"a\"\nfake line\r\t\x1b[31m 矿机")),
             QStringLiteral("rig \"a\"\\nfake line\\r\\t\\x1b[31m 矿机"));
    QCOMPARE(escapeControls(QStringLiteral("plain")), QStringLiteral("plain"));
}

#include "tst_units.moc"
