// The Telegram mirror: while Telegram's 429 holds RigWatch back, the panel says until when, in
// local time, and in the window's language after a switch; the line goes when the wait is over.
#include "enginehost.h"
#include "mirrorpanel.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QtTest>

using namespace rw;

class TestMirrorPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void saysUntilWhenTelegramHoldsBack()
    {
        EngineHost host; // not started: the panel asks it for nothing while hidden
        MirrorPanel panel(&host);
        panel.setTelegramEnabled(true);
        auto *line = panel.findChild<QLabel *>(QStringLiteral("telegramBlocked"));
        QVERIFY(line);
        QVERIFY(line->isHidden());

        const qint64 until = 1'767'229'200'000; // 2026-01-01 01:00 UTC
        panel.setTelegramBlockedUntil(until);
        QVERIFY(!line->isHidden());
        const QString local =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(until).time(), QLocale::ShortFormat);
        QCOMPARE(line->text(),
                 QStringLiteral("Telegram asked to wait until %1: alerts that come up meanwhile "
                                "are posted then.")
                     .arg(local));

        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QVERIFY2(line->text().contains(QLocale().toString(
                     QDateTime::fromMSecsSinceEpoch(until).time(), QLocale::ShortFormat)),
                 qPrintable(line->text()));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

        panel.setTelegramBlockedUntil(0);
        QVERIFY(line->isHidden());
    }
};

QTEST_MAIN(TestMirrorPanel)
#include "tst_mirrorpanel.moc"
