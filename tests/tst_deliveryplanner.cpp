// DeliveryPlanner row by row: for what an account's alert should say and what the chat shows of
// it, the next Bot API call. The rows are the lifecycle TelegramNotifier goes through (new,
// growth, shrink, end, restart, pause, refusals, migration); tst_notifier drives the same
// through the simulated Bot API.
#include "notify/deliveryplanner.h"

#include <QtTest>

using namespace rw;
using Op = DeliveryPlanner::Op;
using Action = DeliveryPlanner::Action;

Q_DECLARE_METATYPE(rw::DeliveryPlanner::Rules)
Q_DECLARE_METATYPE(rw::DeliveryPlanner::Moment)
Q_DECLARE_METATYPE(rw::DeliveryPlanner::Account)
Q_DECLARE_METATYPE(rw::DeliveryPlanner::Action)
Q_DECLARE_METATYPE(rw::LiveMessage)

namespace {
const qint64 kT0 = 1'767'225'600; // 2026-01-01T00:00:00Z, when the latest picture arrived
const QString kKey = QStringLiteral("farm1/bitcoin");
const QString kChat = QStringLiteral("-1001000000001");
const QString kSupergroup = QStringLiteral("-1001999999999");

Incident down(const QStringList &workers, WorkerStatus status = WorkerStatus::Offline)
{
    Incident i;
    for (const QString &w : workers)
        i.down.append({w, status, kT0 - 700});
    i.since = workers.isEmpty() ? 0 : kT0 - 700;
    i.at = kT0;
    return i;
}

// Stand-ins for MessageFormatter's texts: the planner only compares them.
QString htmlOf(const Incident &i)
{
    QStringList parts;
    for (const Incident::Down &d : i.down)
        parts << d.worker + QLatin1Char(' ') + workerStatusKey(d.status);
    if (i.hashrateLow)
        parts << QStringLiteral("low");
    return QStringLiteral("<b>farm1</b> ") + parts.join(QStringLiteral(", "));
}
QString plainOf(const Incident &i)
{
    return htmlOf(i).remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
}

// A Live row showing `shows`, posted 5 min before the picture.
LiveMessage message(qint64 id, const Incident &shows, qint64 sentAt = kT0 - 300,
                    const QString &chat = kChat)
{
    LiveMessage m;
    m.id = id;
    m.account = kKey;
    m.chat = chat;
    m.messageId = 1000 + id;
    m.announcementKey = Announcement::of(shows).toKey();
    m.text = htmlOf(shows);
    m.sentAt = sentAt;
    m.state = LiveMessage::Live;
    return m;
}

DeliveryPlanner::Account account(const Incident &picture, const QVector<LiveMessage> &shown = {})
{
    DeliveryPlanner::Account a;
    a.key = kKey;
    a.hasPicture = true;
    a.picture = picture;
    a.pictureAt = kT0;
    a.html = picture.isEmpty() ? QString() : htmlOf(picture);
    a.shown = shown;
    return a;
}
// After Telegram refused the HTML of this incident.
DeliveryPlanner::Account plain(DeliveryPlanner::Account a)
{
    a.plain = true;
    a.plainText = a.picture.isEmpty() ? QString() : plainOf(a.picture);
    return a;
}
// Telegram refused this text (also as plain text, once plain): not sent again until it changes.
DeliveryPlanner::Account refused(DeliveryPlanner::Account a, const QString &html = {})
{
    a.refusedHtml = html.isEmpty() ? a.html : html;
    return a;
}
// Telegram would not delete the oldest message (older than 48 h, no rights).
DeliveryPlanner::Account undeletable(DeliveryPlanner::Account a)
{
    a.deleteRefused = {a.shown.first().id};
    return a;
}
DeliveryPlanner::Account vanished(DeliveryPlanner::Account a, const Incident &showed)
{
    a.vanished = Announcement::of(showed);
    return a;
}
// What a restarted notifier knows before the first poll: the store's rows, no picture.
DeliveryPlanner::Account restarted(const QVector<LiveMessage> &stored)
{
    DeliveryPlanner::Account a;
    a.key = kKey;
    DeliveryPlanner::adopt(stored, &a);
    return a;
}

DeliveryPlanner::Rules rules(RetractMode retract = RetractMode::Delete, qint64 refreshSecs = 1800)
{
    return {retract, refreshSecs};
}
DeliveryPlanner::Moment moment(bool paused = false, bool inFlight = false,
                               const QString &chat = kChat)
{
    return {kT0, chat, paused, inFlight};
}

// A post has no row; the edits below have one message to edit, retractions take the oldest.
Action expect(Op op, const QString &text = {}, const QString &chat = kChat, bool silent = false)
{
    Action a;
    a.op = op;
    a.key = kKey;
    a.row = op == Op::Post ? -1 : 0;
    a.chat = chat;
    a.text = text;
    a.silent = silent;
    return a;
}
Action post(const Incident &i, bool silent = false, const QString &chat = kChat)
{
    return expect(Op::Post, htmlOf(i), chat, silent);
}
Action edit(const Incident &i, const QString &chat = kChat)
{
    return expect(Op::Edit, htmlOf(i), chat);
}
Action plainly(Action a, const Incident &i)
{
    a.format = TextFormat::Plain;
    if (a.op == Op::Post || a.op == Op::Edit)
        a.text = plainOf(i);
    return a;
}
} // namespace

class TestDeliveryPlanner : public QObject
{
    Q_OBJECT

private slots:
    void next_data();
    void next();
    void postsAndEditsComeBeforeRetractions();
    void adopt_data();
    void adopt();
    void announces_data();
    void announces();
};

void TestDeliveryPlanner::next_data()
{
    QTest::addColumn<DeliveryPlanner::Rules>("rules");
    QTest::addColumn<DeliveryPlanner::Moment>("moment");
    QTest::addColumn<DeliveryPlanner::Account>("account");
    QTest::addColumn<Action>("expected");

    const Incident a = down({QStringLiteral("rig-a")});
    const Incident ab = down({QStringLiteral("rig-a"), QStringLiteral("rig-b")});
    const Incident b = down({QStringLiteral("rig-b")});
    const Incident bc = down({QStringLiteral("rig-b"), QStringLiteral("rig-c")});
    const Incident aMissing = down({QStringLiteral("rig-a")}, WorkerStatus::Missing);
    Incident bLow = b;
    bLow.hashrateLow = true;
    const Incident ended = down({});
    const auto grown = account(ab, {message(1, a), message(2, ab)}); // old one not retracted yet
    const auto paused = moment(true);
    const auto busy = moment(false, true);
    const auto migrated = moment(false, false, kSupergroup);
    const auto retractByEdit = rules(RetractMode::Edit);

    // Nothing wrong.
    QTest::newRow("all well, nothing shown") << rules() << moment() << account(ended) << Action();
    QTest::newRow("no picture, nothing shown") << rules() << moment() << restarted({}) << Action();

    // A new incident notifies.
    QTest::newRow("new incident: post") << rules() << moment() << account(a) << post(a);
    QTest::newRow("new incident, a call in flight: wait")
        << rules() << busy << account(a) << Action();
    QTest::newRow("new incident, paused: nothing") << rules() << paused << account(a) << Action();

    // Growth posts anew (only a new message notifies), then the old one goes.
    QTest::newRow("a worker more: post")
        << rules() << moment() << account(ab, {message(1, a)}) << post(ab);
    QTest::newRow("a kind more (hash rate low): post")
        << rules() << moment() << account(bLow, {message(1, b)}) << post(bLow);
    QTest::newRow("one in, one out: growth, post")
        << rules() << moment() << account(bc, {message(1, ab)}) << post(bc);
    QTest::newRow("growth, paused: waits, not even edited")
        << rules() << paused << account(bc, {message(1, ab)}) << Action();
    QTest::newRow("posted the growth: delete the old")
        << rules() << moment() << grown << expect(Op::Delete);
    QTest::newRow("posted the growth, paused: delete the old")
        << rules() << paused << grown << expect(Op::Delete);
    QTest::newRow("posted the growth, retract = edit: edit the old to replaced")
        << retractByEdit << moment() << grown << expect(Op::EditToReplaced);
    QTest::newRow("posted the growth, the old one's delete refused: edit it to replaced")
        << rules() << moment() << undeletable(grown) << expect(Op::EditToReplaced);

    // Shrinking or a change edits in place, silently, paused or not.
    QTest::newRow("shrink: edit") << rules() << moment() << account(a, {message(1, ab)}) << edit(a);
    QTest::newRow("shrink, paused: edit")
        << rules() << paused << account(a, {message(1, ab)}) << edit(a);
    QTest::newRow("offline to missing: edit")
        << rules() << moment() << account(aMissing, {message(1, a)}) << edit(aMissing);

    // The same picture: nothing (no "message is not modified"), but the durations are
    // refreshed once refreshSecs passed since the message was last touched.
    QTest::newRow("same picture: nothing")
        << rules() << moment() << account(a, {message(1, a)}) << Action();
    auto stale = account(a, {message(1, a, kT0 - 1800)});
    stale.html = htmlOf(a) + QStringLiteral(" for 40 min");
    QTest::newRow("same picture, refresh due: edit")
        << rules() << moment() << stale << expect(Op::Edit, stale.html);
    QTest::newRow("same picture, refresh due, paused: edit")
        << rules() << paused << stale << expect(Op::Edit, stale.html);
    QTest::newRow("same picture, refresh due, same text: nothing")
        << rules() << moment() << account(a, {message(1, a, kT0 - 1800)}) << Action();
    QTest::newRow("same picture, refresh off: nothing")
        << rules(RetractMode::Delete, 0) << moment() << stale << Action();
    auto notYet = stale;
    notYet.shown[0].sentAt = kT0 - 1799;
    QTest::newRow("same picture, refresh not yet due: nothing")
        << rules() << moment() << notYet << Action();
    auto editedLately = stale;
    editedLately.shown[0].editedAt = kT0 - 60;
    QTest::newRow("same picture, edited lately: nothing")
        << rules() << moment() << editedLately << Action();

    // All well again: every message goes, the oldest first, paused or not.
    const auto resolved = account(ended, {message(1, a)});
    const auto resolved49h = account(ended, {message(1, a, kT0 - 49 * 3600)});
    QTest::newRow("resolved: delete") << rules() << moment() << resolved << expect(Op::Delete);
    QTest::newRow("resolved, paused: delete")
        << rules() << paused << resolved << expect(Op::Delete);
    QTest::newRow("resolved, retract = edit: edit to resolved")
        << retractByEdit << moment() << resolved << expect(Op::EditToResolved);
    QTest::newRow("resolved, 49 h old: delete first (Telegram knows the age)")
        << rules() << moment() << resolved49h << expect(Op::Delete);
    QTest::newRow("resolved, delete refused (48 h): edit to resolved")
        << rules() << moment() << undeletable(resolved49h) << expect(Op::EditToResolved);
    QTest::newRow("resolved with an old message left: the oldest first")
        << rules() << moment() << account(ended, {message(1, a), message(2, ab)})
        << expect(Op::Delete);

    // Restarts: what an earlier run left in the store, before the first picture.
    LiveMessage sending = message(1, a);
    sending.state = LiveMessage::Sending;
    sending.messageId = 0;
    QTest::newRow("restart: the standing message is adopted")
        << rules() << moment() << restarted({message(1, a)}) << Action();
    QTest::newRow("restart between growth and retraction: delete the old")
        << rules() << moment() << restarted({message(1, a), message(2, ab)}) << expect(Op::Delete);
    auto afterCrash = account(a); // the first poll after the restart
    DeliveryPlanner::adopt({sending}, &afterCrash);
    QTest::newRow("restart with a row still Sending: post afresh")
        << rules() << moment() << afterCrash << post(a);

    // Someone deleted the live message by hand; the incident stands.
    QTest::newRow("vanished, then shrank: post silently")
        << rules() << moment() << vanished(account(a), ab) << post(a, true);
    QTest::newRow("vanished, then grew: post, notifying")
        << rules() << moment() << vanished(account(ab), a) << post(ab);
    QTest::newRow("vanished, paused: nothing")
        << rules() << paused << vanished(account(a), ab) << Action();

    // Telegram refused the text itself ("can't parse entities", "message is too long").
    QTest::newRow("HTML refused: post as plain text")
        << rules() << moment() << plain(account(a)) << plainly(post(a), a);
    QTest::newRow("refused as plain text too: nothing until the text changes")
        << rules() << moment() << refused(plain(account(a))) << Action();
    QTest::newRow("refused, then a new picture: post as plain text")
        << rules() << moment() << refused(plain(account(ab)), htmlOf(a)) << plainly(post(ab), ab);
    QTest::newRow("refused, then shrank: edit as plain text")
        << rules() << moment() << plain(account(a, {message(1, ab)})) << plainly(edit(a), a);
    QTest::newRow("an edit refused: nothing until the text changes")
        << rules() << moment() << refused(account(a, {message(1, ab)})) << Action();
    QTest::newRow("refused, then resolved, retract = edit: resolved as plain text")
        << retractByEdit << moment() << plain(resolved)
        << plainly(expect(Op::EditToResolved), ended);
    auto plainShown = plain(account(a, {message(1, a, kT0 - 1800)}));
    plainShown.shown[0].text = plainShown.plainText;
    QTest::newRow("plain, refresh due, the plain text shown: nothing")
        << rules() << moment() << plainShown << Action();

    // The group became a supergroup: posts go there, each message is handled where it is.
    QTest::newRow("migrated: a new incident is posted to the supergroup")
        << rules() << migrated << account(a) << post(a, false, kSupergroup);
    QTest::newRow("migrated: growth is posted to the supergroup")
        << rules() << migrated << account(ab, {message(1, a)}) << post(ab, false, kSupergroup);
    QTest::newRow("migrated: a message in the supergroup is edited there")
        << rules() << migrated << account(a, {message(1, ab, kT0 - 300, kSupergroup)})
        << edit(a, kSupergroup);
    QTest::newRow("migrated: a message still in the old group is edited there")
        << rules() << migrated << account(a, {message(1, ab)}) << edit(a, kChat);
    QTest::newRow("migrated: a message still in the old group is deleted there")
        << rules() << migrated << resolved << expect(Op::Delete, {}, kChat);

    // A group's own chat: its account's posts go there, not to the [telegram] chat.
    const QString kSiteChat = QStringLiteral("@site_a");
    auto site = account(a);
    site.chat = kSiteChat;
    QTest::newRow("group chat: posted there")
        << rules() << moment() << site << post(a, false, kSiteChat);
    auto siteShown = account(ab, {message(1, a, kT0 - 300, kSiteChat)});
    siteShown.chat = kSiteChat;
    QTest::newRow("group chat: growth posted there")
        << rules() << moment() << siteShown << post(ab, false, kSiteChat);

    // Quiet hours: silent unless critical; a quiet message is posted anew when they end.
    auto quiet = moment();
    quiet.quiet = true;
    Incident aCritical = a;
    aCritical.critical = true;
    auto quietShown = [&](const Incident &shows) {
        LiveMessage m = message(1, shows);
        Announcement ann = Announcement::of(shows);
        ann.quiet = true;
        m.announcementKey = ann.toKey();
        return m;
    };
    QTest::newRow("quiet: a new incident is posted silently")
        << rules() << quiet << account(a) << post(a, true);
    QTest::newRow("quiet: growth is posted silently")
        << rules() << quiet << account(ab, {message(1, a)}) << post(ab, true);
    QTest::newRow("quiet, critical: notifies") << rules() << quiet << account(aCritical)
                                               << expect(Op::Post, htmlOf(aCritical), kChat, false);
    QTest::newRow("quiet: a quiet message stands, nothing new: nothing")
        << rules() << quiet << account(a, {quietShown(a)}) << Action();
    QTest::newRow("quiet: shrinking a quiet message edits it")
        << rules() << quiet << account(a, {quietShown(ab)}) << edit(a);
    QTest::newRow("quiet hours over: a quiet message is posted anew, notifying")
        << rules() << moment() << account(a, {quietShown(a)}) << post(a, false);
    QTest::newRow("quiet hours over, paused: nothing")
        << rules() << paused << account(a, {quietShown(a)}) << Action();
    QTest::newRow("quiet hours over, all well: the quiet message is retracted")
        << rules() << moment() << account(ended, {quietShown(a)}) << expect(Op::Delete);
}

void TestDeliveryPlanner::next()
{
    QFETCH(DeliveryPlanner::Rules, rules);
    QFETCH(DeliveryPlanner::Moment, moment);
    QFETCH(DeliveryPlanner::Account, account);
    QFETCH(Action, expected);
    DeliveryPlanner planner;
    planner.setRules(rules);
    const Action got = planner.next(QVector<const DeliveryPlanner::Account *>{&account}, moment);
    QCOMPARE(QString::fromLatin1(DeliveryPlanner::opName(got.op)),
             QString::fromLatin1(DeliveryPlanner::opName(expected.op)));
    if (expected.op == Op::None)
        return;
    QCOMPARE(got.key, kKey);
    QCOMPARE(got.row, expected.row);
    QCOMPARE(got.chat, expected.chat);
    QCOMPARE(got.silent, expected.silent);
    QCOMPARE(int(got.format), int(expected.format));
    QCOMPARE(got.text, expected.text);
    if (expected.op == Op::Post || expected.op == Op::Edit)
        QVERIFY(Announcement::fromKey(got.announces).sameAs(Announcement::of(account.picture)));
    else
        QCOMPARE(got.announces, account.shown.at(got.row).announcementKey);
    // What quiet hours alone made silent is marked, so it is posted anew when they end; an edit
    // keeps the mark of the message it edits.
    if (expected.op == Op::Post)
        QCOMPARE(Announcement::fromKey(got.announces).quiet,
                 moment.quiet && !account.picture.critical);
    if (expected.op == Op::Edit)
        QCOMPARE(Announcement::fromKey(got.announces).quiet,
                 Announcement::fromKey(account.shown.last().announcementKey).quiet);
}

// A new alert matters more than tidying an old one: one account's post goes before another's
// retraction, whatever their order.
void TestDeliveryPlanner::postsAndEditsComeBeforeRetractions()
{
    DeliveryPlanner planner;
    DeliveryPlanner::Account ended = account(down({}), {message(1, down({QStringLiteral("x")}))});
    ended.key = QStringLiteral("a-first/bitcoin");
    DeliveryPlanner::Account fresh = account(down({QStringLiteral("rig-a")}));
    fresh.key = QStringLiteral("b-second/bitcoin");
    const QVector<const DeliveryPlanner::Account *> both{&ended, &fresh};

    Action got = planner.next(both, moment());
    QCOMPARE(int(got.op), int(Op::Post));
    QCOMPARE(got.key, fresh.key);

    fresh.shown = {message(2, fresh.picture)}; // posted
    got = planner.next(both, moment());
    QCOMPARE(int(got.op), int(Op::Delete));
    QCOMPARE(got.key, ended.key);

    ended.shown.clear(); // deleted
    QCOMPARE(int(planner.next(both, moment()).op), int(Op::None));
}

void TestDeliveryPlanner::adopt_data()
{
    QTest::addColumn<QVector<LiveMessage>>("stored");
    QTest::addColumn<QVector<qint64>>("followed");
    QTest::addColumn<QVector<qint64>>("givenUp");

    const Incident a = down({QStringLiteral("rig-a")});
    LiveMessage sending = message(1, a);
    sending.state = LiveMessage::Sending;
    sending.messageId = 0;
    LiveMessage liveWithoutId = message(3, a);
    liveWithoutId.messageId = 0;

    QTest::newRow("live rows, oldest first") << QVector<LiveMessage>{message(1, a), message(2, a)}
                                             << QVector<qint64>{1, 2} << QVector<qint64>();
    QTest::newRow("Sending beside a live one")
        << QVector<LiveMessage>{sending, message(2, a)} << QVector<qint64>{2} << QVector<qint64>{1};
    QTest::newRow("live without a message id")
        << QVector<LiveMessage>{liveWithoutId} << QVector<qint64>() << QVector<qint64>{3};
}

void TestDeliveryPlanner::adopt()
{
    QFETCH(QVector<LiveMessage>, stored);
    QFETCH(QVector<qint64>, followed);
    QFETCH(QVector<qint64>, givenUp);
    DeliveryPlanner::Account account;
    QVector<qint64> gotGivenUp;
    for (const LiveMessage &m : DeliveryPlanner::adopt(stored, &account))
        gotGivenUp << m.id;
    QVector<qint64> gotFollowed;
    for (const LiveMessage &m : std::as_const(account.shown))
        gotFollowed << m.id;
    QCOMPARE(gotFollowed, followed);
    QCOMPARE(gotGivenUp, givenUp);
}

void TestDeliveryPlanner::announces_data()
{
    QTest::addColumn<DeliveryPlanner::Account>("account");
    QTest::addColumn<qint64>("since");

    const Incident a = down({QStringLiteral("rig-a")});
    Incident older = a;
    older.since = kT0 - 7200;
    Incident noSince = a;
    noSince.since = 0;
    noSince.down[0].since = kT0 - 900;
    Incident nothingKnown = down({});
    nothingKnown.hashrateLow = true;

    QTest::newRow("new: the incident's start") << account(a) << kT0 - 700;
    // "Resolved after ..." must count from the first message, not the latest growth.
    QTest::newRow("growth keeps the earlier start shown")
        << account(down({QStringLiteral("rig-a"), QStringLiteral("rig-b")}), {message(1, older)})
        << kT0 - 7200;
    QTest::newRow("no start given: the earliest worker's") << account(noSince) << kT0 - 900;
    QTest::newRow("nothing known: the picture's time") << account(nothingKnown) << kT0;
}

void TestDeliveryPlanner::announces()
{
    QFETCH(DeliveryPlanner::Account, account);
    QFETCH(qint64, since);
    const Action got =
        DeliveryPlanner().next(account, moment(), DeliveryPlanner::Pass::PostsAndEdits);
    QCOMPARE(int(got.op), int(Op::Post));
    QCOMPARE(Announcement::fromKey(got.announces).since, since);
}

QTEST_GUILESS_MAIN(TestDeliveryPlanner)
#include "tst_deliveryplanner.moc"
