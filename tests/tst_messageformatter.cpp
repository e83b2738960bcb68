// MessageFormatter and Announcement: what the Telegram message says, checked the way Telegram
// reads it (the sink's HTML parser), and what counts as growth or shrinking.
#include "notify/announcement.h"
#include "notify/messageformatter.h"
#include "telegramhtml.h"
#include "util/units.h"

#include <QtTest>

using namespace rw;

namespace {

const qint64 kNow = 1'767'225'600 + 3600; // 2026-01-01 01:00 UTC

Incident::Down down(const QString &name, qint64 since, WorkerStatus s = WorkerStatus::Offline)
{
    Incident::Down d;
    d.worker = name;
    d.status = s;
    d.since = since;
    return d;
}

Incident incidentWith(int n, const QString &prefix = QStringLiteral("rig-"))
{
    Incident inc;
    for (int i = 0; i < n; ++i)
        inc.down << down(prefix + QString::number(i).rightJustified(4, QLatin1Char('0')),
                         kNow - 600);
    inc.total = n + 10;
    inc.online = 10;
    inc.totalHashRate = 1.2e15;
    inc.since = kNow - 600;
    inc.at = kNow;
    return inc;
}

// What the reader sees: the text after Telegram's HTML parsing, which must succeed.
QString seen(const QString &html)
{
    const sim::TelegramText t = sim::parseTelegramHtml(html);
    if (!t.ok())
        qWarning().noquote() << "HTML rejected:" << t.error;
    return t.ok() ? t.text : QString();
}

} // namespace

class TestMessageFormatter : public QObject
{
    Q_OBJECT
private slots:
    void durations_data();
    void durations();
    void incidentContents();
    void degradedAndFlappingSections();
    void degradedAndFlappingAnnouncements();
    void missingAndPool();
    void escapesWorkerNames();
    void hostileNamesAreShownNotObeyed_data();
    void hostileNamesAreShownNotObeyed();
    void hostileAccountAndReason();
    void hugeOutageFits();
    void longNamesFit();
    void elidingNeverSplitsAnEmoji();
    void resolvedAndTest();
    void unknownLanguageFallsBack();
    void chinese();
    void announcementGrowth();
    void announcementRoundTrip();
};

void TestMessageFormatter::durations_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(42) << QStringLiteral("under 1 min");
    QTest::newRow("47 min") << qint64(47 * 60 + 59) << QStringLiteral("47 min");
    QTest::newRow("3 h 05") << qint64(3 * 3600 + 5 * 60) << QStringLiteral("3 h 05 min");
    QTest::newRow("2 d 04") << qint64(2 * 86400 + 4 * 3600 + 59) << QStringLiteral("2 d 04 h");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("under 1 min");
}

void TestMessageFormatter::durations()
{
    QFETCH(qint64, secs);
    QFETCH(QString, expected);
    QCOMPARE(MessageFormatter().duration(secs), expected);
}

void TestMessageFormatter::incidentContents()
{
    Incident inc;
    inc.down << down(QStringLiteral("rig-01"), kNow - 47 * 60)
             << down(QStringLiteral("rig-02"), kNow - (3 * 3600 + 5 * 60));
    inc.total = 5;
    inc.online = 3;
    inc.totalHashRate = 3.21e15;
    inc.minHashRate = 5e15;
    inc.hashrateLow = true;
    inc.at = kNow;
    const QString text = seen(MessageFormatter().incidentText(QStringLiteral("farm1"), inc));
    QVERIFY(text.contains(QStringLiteral("farm1")));
    QVERIFY(text.contains(QStringLiteral("2 of 5 workers offline")));
    QVERIFY(text.contains(QStringLiteral("rig-01 offline for 47 min")));
    QVERIFY(text.contains(QStringLiteral("rig-02 offline for 3 h 05 min")));
    QVERIFY2(text.contains(formatHashRate(3.21e15)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("below the floor of ") + formatHashRate(5e15)));
    QVERIFY(text.contains(QStringLiteral("As of 2026-01-01 01:00 UTC")));
    QVERIFY(!text.contains(QStringLiteral("more")));
}

void TestMessageFormatter::missingAndPool()
{
    Incident inc;
    inc.down << down(QStringLiteral("ghost"), 0, WorkerStatus::Missing)
             << down(QStringLiteral("old"), kNow - 7200, WorkerStatus::Missing);
    inc.poolUnreachable = true;
    inc.unreachableReason = QStringLiteral("timeout <30 s> & retry");
    inc.unreachableSince = kNow - 900;
    inc.total = 4;
    inc.at = kNow;
    const QString text = seen(MessageFormatter().incidentText(QStringLiteral("farm1"), inc));
    QVERIFY2(text.contains(QStringLiteral("ghost missing\n")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("old missing, no share for 2 h 00 min")));
    QVERIFY(text.contains(QStringLiteral("Pool unreachable for 15 min: timeout <30 s> & retry")));
    QVERIFY(!text.contains(QStringLiteral("below the floor")));
}

void TestMessageFormatter::escapesWorkerNames()
{
    Incident inc;
    inc.down << down(QStringLiteral("<b>rig&\"x\"</b>"), kNow - 700);
    inc.total = 1;
    inc.at = kNow;
    const QString html = MessageFormatter().incidentText(QStringLiteral("a<b>&c"), inc);
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;rig&amp;\"x\"&lt;/b&gt;")));
    QVERIFY(html.contains(QStringLiteral("a&lt;b&gt;&amp;c")));
    const sim::TelegramText parsed = sim::parseTelegramHtml(html);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(parsed.text.contains(QStringLiteral("<b>rig&\"x\"</b> offline for 11 min")));
    // The name is text, not markup: no entity covers it.
    const int at = int(parsed.text.indexOf(QStringLiteral("<b>rig")));
    for (const QJsonValue &e : parsed.entities) {
        const int off = e.toObject().value(QStringLiteral("offset")).toInt();
        const int len = e.toObject().value(QStringLiteral("length")).toInt();
        QVERIFY(at < off || at >= off + len);
    }
}

namespace {

// True when text is valid UTF-16: every surrogate is half of a pair.
bool wholeUtf16(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return false;
    }
    return true;
}

// Characters a Telegram client obeys instead of showing: a line break fakes another line of the
// alert, ESC and NUL hide or cut text, a right-to-left override reverses what follows.
bool hasControls(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n') || (u >= 0x7f && u <= 0x9f) || u == 0x061c || u == 0x200e ||
            u == 0x200f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
            u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

} // namespace

void TestMessageFormatter::hostileNamesAreShownNotObeyed_data()
{
    QTest::addColumn<QString>("worker");
    QTest::addColumn<QString>("shown"); // the worker's line in the channel, after "• "
    QTest::newRow("line feed fakes a line") << QStringLiteral("rig-01\n\u2022 rig-02 back online")
                                            << QStringLiteral("rig-01 \u2022 rig-02 back online");
    QTest::newRow("CRLF, CR, tab") << QStringLiteral("a\r\nb\rc\td") << QStringLiteral("a b c d");
    QTest::newRow("VT, FF, NEL, U+2028, U+2029")
        << QStringLiteral("a\u000bb\u000cc\u0085d\u2028e\u2029f") << QStringLiteral("a b c d e f");
    QTest::newRow("ESC colour codes")
        << QStringLiteral("rig\u001b[31m-01") << QStringLiteral("rig\\x1b[31m-01");
    QTest::newRow("NUL") << QString(QStringLiteral("rig")) + QChar(0) + QStringLiteral("-01")
                         << QStringLiteral("rig\\x00-01");
    QTest::newRow("DEL and C1 CSI")
        << QStringLiteral("a\u007fb\u009bc") << QStringLiteral("a\\x7fb\\x9bc");
    QTest::newRow("right-to-left override")
        << QStringLiteral("rig-\u202e10-gix") << QStringLiteral("rig-\\u202e10-gix");
    QTest::newRow("every bidi control")
        << QStringLiteral("\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c")
        << QStringLiteral("\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069"
                          "\\u061c");
    QTest::newRow("lone surrogates")
        << QStringLiteral("a") + QChar(0xd83d) + QStringLiteral("b") + QChar(0xdd25)
        << QStringLiteral("a\ufffdb\ufffd");
    QTest::newRow("Chinese, emoji and a joined emoji stay")
        << QStringLiteral("矿机-01\U0001F525\U0001F468\u200d\U0001F469\u200d\U0001F467")
        << QStringLiteral("矿机-01\U0001F525\U0001F468\u200d\U0001F469\u200d\U0001F467");
}

// A worker name from the pool is shown, never obeyed: in the HTML text as Telegram parses it, in
// the plain-text fallback and in the tray balloon's text (the same plain text, fewer lines).
void TestMessageFormatter::hostileNamesAreShownNotObeyed()
{
    QFETCH(QString, worker);
    QFETCH(QString, shown);
    Incident inc;
    inc.down << down(worker, kNow - 700) << down(QStringLiteral("rig-99"), kNow - 700);
    inc.total = 10;
    inc.at = kNow;
    MessageFormatter f;
    const QString html = f.incidentText(QStringLiteral("farm1"), inc);
    QVERIFY(wholeUtf16(html));
    const QString inChannel = seen(html);
    const QString plain = f.incidentText(QStringLiteral("farm1"), inc, TextFormat::Plain);
    const QString balloon = f.incidentText(QStringLiteral("farm1"), inc, TextFormat::Plain, 3);
    for (const QString &text : {inChannel, plain, balloon}) {
        QVERIFY2(!hasControls(text), qPrintable(text));
        QVERIFY(wholeUtf16(text));
        // One line per worker, the name's whole line as expected; nothing else looks like one.
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.filter(QStringLiteral("\u2022 ")).size(), 2);
        QVERIFY2(lines.contains(QStringLiteral("\u2022 ") + shown +
                                QStringLiteral(" offline for 11 min")),
                 qPrintable(text));
        QVERIFY(lines.contains(QStringLiteral("\u2022 rig-99 offline for 11 min")));
        QCOMPARE(lines.size(), 6); // name, count, two workers, hashrate, time
    }
}

// The account's name and a pool's reason (it may quote a server's page) go the same way, in the
// incident, "resolved" and "replaced" texts.
void TestMessageFormatter::hostileAccountAndReason()
{
    const QString account = QStringLiteral("farm\n\u2705 all fine\u202e");
    Incident inc;
    inc.poolUnreachable = true;
    inc.unreachableReason = QStringLiteral("HTTP 502\r\n<html>\u001b[2J</html>");
    inc.at = kNow;
    MessageFormatter f;
    const QString incident = seen(f.incidentText(account, inc));
    QVERIFY2(incident.startsWith(QStringLiteral("\U0001F534 farm \u2705 all fine\\u202e\n")),
             qPrintable(incident));
    QVERIFY2(
        incident.contains(QStringLiteral("Pool unreachable: HTTP 502 <html>\\x1b[2J</html>\n")),
        qPrintable(incident));
    const QString resolved = seen(f.resolvedText(account, kNow - 600, kNow));
    const QString replaced = seen(f.supersededText(account, kNow));
    for (const QString &text : {incident, resolved, replaced})
        QVERIFY2(!hasControls(text), qPrintable(text));
    QVERIFY2(resolved.startsWith(QStringLiteral("\u2705 farm \u2705 all fine\\u202e: resolved")),
             qPrintable(resolved));
    QVERIFY(!resolved.contains(QLatin1Char('\n')));
    QVERIFY(!replaced.contains(QLatin1Char('\n')));
}

void TestMessageFormatter::hugeOutageFits()
{
    const Incident inc = incidentWith(2000);
    const QString html = MessageFormatter().incidentText(QStringLiteral("farm1"), inc);
    QVERIFY(html.size() <= MessageFormatter::kMaxLength);
    const QString text = seen(html);
    QVERIFY(!text.isEmpty());
    QVERIFY(text.size() <= 4096); // UTF-16 units after entity parsing, as Telegram counts
    const int shown = int(text.count(QStringLiteral(" offline for ")));
    QVERIFY(shown > 50);
    QVERIFY2(text.contains(QStringLiteral("\u2026 and %1 more").arg(2000 - shown)),
             qPrintable(text.right(300)));
    QVERIFY(text.contains(QStringLiteral("2000 of 2010 workers offline")));
    QVERIFY(text.contains(QStringLiteral("rig-0000 offline")));
    QVERIFY(text.endsWith(QStringLiteral("As of 2026-01-01 01:00 UTC"))); // the tail is never cut
    // Nearly full: the cap is used, not wasted.
    QVERIFY(html.size() > MessageFormatter::kMaxLength - 60);
}

void TestMessageFormatter::longNamesFit()
{
    // Names full of characters that grow when escaped, and a non-BMP character (2 UTF-16 units).
    const Incident inc =
        incidentWith(300, QString(80, QLatin1Char('&')) + QStringLiteral("\U0001F525"));
    const QString html = MessageFormatter().incidentText(QStringLiteral("farm1"), inc);
    QVERIFY(html.size() <= MessageFormatter::kMaxLength);
    QVERIFY(!seen(html).isEmpty());
    QVERIFY(seen(html).contains(QStringLiteral(" more\n")));
}

void TestMessageFormatter::elidingNeverSplitsAnEmoji()
{
    // 62 units, then an emoji (a surrogate pair) across the 63-unit cut of a 64-unit name cap.
    const QString worker =
        QString(62, QLatin1Char('x')) + QStringLiteral("\U0001F525tail-of-a-long-name");
    Incident inc = incidentWith(0);
    inc.down << down(worker, kNow - 600);
    const QString account = QString(62, QLatin1Char('a')) + QStringLiteral("\U0001F525bbbbbb");
    MessageFormatter f;
    for (const QString &html :
         {f.incidentText(account, inc), f.resolvedText(account, kNow - 600, kNow),
          f.incidentText(account, inc, TextFormat::Plain)}) {
        for (qsizetype i = 0; i < html.size(); ++i) {
            const QChar c = html.at(i);
            if (c.isHighSurrogate())
                QVERIFY2(i + 1 < html.size() && html.at(i + 1).isLowSurrogate(),
                         qPrintable(QStringLiteral("lone high surrogate at %1").arg(i)));
            else if (c.isLowSurrogate())
                QVERIFY2(i > 0 && html.at(i - 1).isHighSurrogate(),
                         qPrintable(QStringLiteral("lone low surrogate at %1").arg(i)));
        }
        // The channel shows the name cut before the emoji, with the ellipsis.
        QVERIFY2(html.contains(QString(62, QLatin1Char('a')) + QChar(0x2026)), qPrintable(html));
    }
    QVERIFY(f.incidentText(account, inc).contains(QString(62, QLatin1Char('x')) + QChar(0x2026)));
    QVERIFY(!seen(f.incidentText(account, inc)).isEmpty());
}

void TestMessageFormatter::resolvedAndTest()
{
    MessageFormatter f;
    const QString resolved = seen(f.resolvedText(QStringLiteral("farm<1>"), kNow - 3900, kNow));
    QVERIFY2(resolved.contains(
                 QStringLiteral("farm<1>: resolved at 2026-01-01 01:00 UTC after 1 h 05 min")),
             qPrintable(resolved));
    QVERIFY(!seen(f.supersededText(QStringLiteral("farm1"), kNow)).isEmpty());
    QVERIFY(seen(f.testText(kNow)).contains(QStringLiteral("test message")));
}

void TestMessageFormatter::unknownLanguageFallsBack()
{
    MessageFormatter f(QStringLiteral("fr"));
    QVERIFY(!f.hasTranslation());
    QVERIFY(f.incidentText(QStringLiteral("x"), incidentWith(1))
                .contains(QStringLiteral("workers offline")));
}

void TestMessageFormatter::chinese()
{
    MessageFormatter zh(QStringLiteral("zh_CN"));
    if (!zh.hasTranslation())
        QSKIP(":/i18n/rigwatch_core_zh_CN.qm has no rw::MessageFormatter strings yet "
              "(translations/rigwatch_core_zh_CN.ts needs them); zh_CN text not checked");
    Incident inc = incidentWith(2);
    inc.down[1] = down(QStringLiteral("<b>rig&\"x\"</b>"), kNow - 47 * 60);
    const QString text = seen(zh.incidentText(QStringLiteral("farm1"), inc));
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(QStringLiteral("workers offline")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral(" min")));
    bool cjk = false;
    for (const QChar c : text)
        cjk = cjk || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
    QVERIFY2(cjk, qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("<b>rig&\"x\"</b>")));
    QVERIFY(text.contains(QStringLiteral("UTC")));
    // The app's own language does not matter: English is still English next to it.
    QVERIFY(MessageFormatter()
                .incidentText(QStringLiteral("farm1"), inc)
                .contains(QStringLiteral("workers offline")));
    QVERIFY(zh.incidentText(QStringLiteral("farm1"), incidentWith(2000)).size() <=
            MessageFormatter::kMaxLength);
}

void TestMessageFormatter::announcementGrowth()
{
    Incident ab;
    ab.down << down(QStringLiteral("a"), 1) << down(QStringLiteral("b"), 1);
    Incident a;
    a.down << down(QStringLiteral("a"), 1);
    const Announcement annAB = Announcement::of(ab);
    const Announcement annA = Announcement::of(a);
    QVERIFY(annAB.hasSomethingNotIn(annA));  // b went down: growth
    QVERIFY(!annA.hasSomethingNotIn(annAB)); // b came back: shrink
    QVERIFY(!annA.sameAs(annAB));
    Incident aMissing;
    aMissing.down << down(QStringLiteral("a"), 1, WorkerStatus::Missing);
    QVERIFY(!Announcement::of(aMissing).hasSomethingNotIn(annA)); // same worker: not growth...
    QVERIFY(!Announcement::of(aMissing).sameAs(annA));            // ...but the text changes
    Incident low = a;
    low.hashrateLow = true;
    QVERIFY(Announcement::of(low).hasSomethingNotIn(annA));
    Incident pool = a;
    pool.poolUnreachable = true;
    QVERIFY(Announcement::of(pool).hasSomethingNotIn(annA));
    // Durations and hash rates are not part of the announcement.
    Incident later = ab;
    later.at += 600;
    later.totalHashRate = 42;
    QVERIFY(Announcement::of(later).sameAs(annAB));
}

void TestMessageFormatter::announcementRoundTrip()
{
    Incident inc = incidentWith(3);
    inc.down << down(QStringLiteral("zz \"quoted\"\n"), 5, WorkerStatus::Missing);
    inc.hashrateLow = true;
    const Announcement a = Announcement::of(inc);
    const Announcement b = Announcement::fromKey(a.toKey());
    QVERIFY(a.sameAs(b));
    QCOMPARE(b.since, inc.since);
    QVERIFY(Announcement::fromKey("garbage").isEmpty());
}

// Issue #19's sections: "Degraded" with the worker's share of its usual rate, "Flapping" with
// its changes; amber when nothing is down.
void TestMessageFormatter::degradedAndFlappingSections()
{
    Incident inc;
    inc.degraded << Incident::Degraded{QStringLiteral("rig-07"), 58e12, 94e12, kNow - 40 * 60};
    inc.flapping << Incident::Flapping{QStringLiteral("rig-09"), 6, WorkerStatus::Offline};
    inc.total = 10;
    inc.online = 10;
    inc.totalHashRate = 1e15;
    inc.at = kNow;
    const QString text = seen(MessageFormatter().incidentText(QStringLiteral("farm"), inc));
    QVERIFY2(text.startsWith(QStringLiteral("\U0001F7E0 farm\nDegraded\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "\u2022 rig-07 \u2014 62 % of usual (58.0 TH/s of 94.0 TH/s) for 40 min\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Flapping\n\u2022 rig-09 \u2014 6 state changes, down "
                                          "now\n")),
             qPrintable(text));
    inc.down << down(QStringLiteral("rig-01"), kNow - 900);
    const QString red = seen(MessageFormatter().incidentText(QStringLiteral("farm"), inc));
    QVERIFY2(red.startsWith(QStringLiteral("\U0001F534 farm\n1 of 10 workers offline\n\u2022 "
                                           "rig-01 offline for 15 min\nDegraded\n")),
             qPrintable(red));
    const QString zh =
        seen(MessageFormatter(QStringLiteral("zh_CN")).incidentText(QStringLiteral("farm"), inc));
    QVERIFY2(!zh.contains(QStringLiteral("Degraded")) && !zh.contains(QStringLiteral("usual")),
             qPrintable(zh));
}

// A newly degraded worker is growth (re-post); recovery is a shrink (edit). A flapping worker
// is news only to a channel that shows nothing.
void TestMessageFormatter::degradedAndFlappingAnnouncements()
{
    Incident none;
    Incident deg;
    deg.degraded << Incident::Degraded{QStringLiteral("rig-07"), 58e12, 94e12, kNow};
    const Announcement a = Announcement::of(deg), empty = Announcement::of(none);
    QVERIFY(!a.isEmpty());
    QVERIFY(a.hasSomethingNotIn(empty));
    QVERIFY(!empty.hasSomethingNotIn(a));
    QVERIFY(!a.sameAs(empty));
    QVERIFY(Announcement::fromKey(a.toKey()).sameAs(a));

    Incident flap;
    flap.flapping << Incident::Flapping{QStringLiteral("rig-09"), 5, WorkerStatus::Online};
    const Announcement f = Announcement::of(flap);
    QVERIFY(f.hasSomethingNotIn(empty)); // nothing shown: posted once
    Incident both = deg;
    both.flapping = flap.flapping;
    QVERIFY(!Announcement::of(both).hasSomethingNotIn(a)); // beside others: no re-post
    QVERIFY(!Announcement::of(both).sameAs(a));            // but the message is edited
    QVERIFY(Announcement::fromKey(Announcement::of(both).toKey()).sameAs(Announcement::of(both)));
    // A key written before issue #19 reads as no degraded and no flapping workers.
    QVERIFY(Announcement::fromKey(
                R"({"v":1,"down":[["rig-1","offline"]],"low":false,"pool":false,"since":5})")
                .flapping.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageFormatter)
#include "tst_messageformatter.moc"
