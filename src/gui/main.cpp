// rigwatch: the tray application. Parses the command line, keeps to one instance per user,
// and hands over to AppController.
#include "appcontroller.h"
#include "guisettings.h"
#include "language.h"
#include "secretstore.h"
#include "singleinstance.h"

#include "util/loghandler.h"
#include "util/unixsignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

using namespace rw;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rigwatch"));
    QApplication::setApplicationDisplayName(QStringLiteral("RigWatch"));
    QApplication::setOrganizationName(QStringLiteral("RigWatch"));
    QApplication::setApplicationVersion(QStringLiteral(RIGWATCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.rigwatch.RigWatch"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rigwatch.svg")));
    installLogHandler({});
    {
        QSettings settings; // --help in the language chosen in the settings
        Language::apply(GuiSettings::load(settings).language);
    }

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "rigwatch",
        "RigWatch: watches the workers of a farm's pool accounts from the system tray."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QCoreApplication::translate("rigwatch", "Watch a simulated farm started in-process (also "
                                                "what happens when nothing is configured)."));
    const QCommandLineOption minimizedOpt(
        QStringLiteral("minimized"),
        QCoreApplication::translate("rigwatch", "Start in the tray without opening the window."));
    const QCommandLineOption multiOpt(
        QStringLiteral("new-instance"),
        QCoreApplication::translate("rigwatch", "Do not hand over to a running RigWatch."));
    p.addOptions({demoOpt, minimizedOpt, multiOpt});
    p.process(app);

    SingleInstance instance;
    if (!p.isSet(multiOpt) && instance.notifyRunning())
        return 0; // the running instance shows its window

    AppController::Options options;
    options.demo = p.isSet(demoOpt);
    options.minimized = p.isSet(minimizedOpt);
    AppController controller(options, SecretStore::createDefault());
    QObject::connect(&instance, &SingleInstance::raiseRequested, &controller,
                     &AppController::raiseWindow);
#ifdef Q_OS_UNIX
    // SIGTERM / SIGINT / SIGHUP (logout, systemd, kill, a closed terminal) quit like the menu's
    // Quit, window open or hidden to the tray: state is saved, exit 0.
    UnixSignals signals_;
    QObject::connect(&signals_, &UnixSignals::terminate, &controller, &AppController::quit);
    QObject::connect(&signals_, &UnixSignals::reload, &controller, &AppController::quit);
#endif
    controller.start();
    return app.exec();
}
