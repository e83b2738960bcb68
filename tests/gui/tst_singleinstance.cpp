// One RigWatch per user: a second launch hands over to the first, which raises its window.
#include "singleinstance.h"

#include <QUuid>
#include <QtTest>

using namespace rw;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void secondLaunchRaisesTheFirst()
    {
        const QString name =
            QStringLiteral("rigwatch-test-") + QUuid::createUuid().toString(QUuid::Id128);
        SingleInstance first(name);
        QVERIFY(!first.notifyRunning()); // nobody there: it becomes the instance
        QVERIFY(first.isListening());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);

        SingleInstance second(name);
        QVERIFY(second.notifyRunning()); // found the first: this launch exits
        QVERIFY(!second.isListening());
        QTRY_COMPARE(raised.size(), 1);
    }

    void staleSocketIsTakenOver()
    {
        const QString name =
            QStringLiteral("rigwatch-test-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            SingleInstance crashed(name);
            QVERIFY(!crashed.notifyRunning());
        } // gone; on Unix a socket file may be left behind
        SingleInstance next(name);
        QVERIFY(!next.notifyRunning());
        QVERIFY(next.isListening());
    }

    // Two users on one machine each get their own RigWatch: the name follows the home directory
    // (what tells users apart), and is the same for the same user every time.
    void namesDifferPerUser()
    {
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", "/home/alice");
        const QString alice = SingleInstance::defaultName();
        QCOMPARE(SingleInstance::defaultName(), alice);
        qputenv("HOME", "/home/bob");
        const QString bob = SingleInstance::defaultName();
        qputenv("HOME", home);
        QVERIFY(alice.startsWith(QStringLiteral("rigwatch-")));
        QVERIFY2(alice != bob, qPrintable(alice));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
