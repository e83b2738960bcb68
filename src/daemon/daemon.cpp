#include "daemon.h"

#include "clock.h"
#include "engine/engine.h"
#include "logging.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QTimer>

namespace rw {

Daemon::Daemon(const DaemonConfig &config, QObject *parent) : QObject(parent), m_config(config)
{
    qRegisterMetaType<rw::CheckReport>();
}

Daemon::~Daemon() = default;

bool Daemon::init(QString *error)
{
    m_store = std::make_unique<Store>();
    if (!m_store->open(m_config.databasePath, error))
        return false;
    m_engine = std::make_unique<Engine>(m_config.accounts, m_store.get(), &m_nam,
                                        SystemClock::instance());
    connect(m_engine.get(), &Engine::storageError, this, [](const QString &msg) {
        qCCritical(lcDaemon).noquote() << "storage:" << msg;
    });
    m_engine->restore();
    return true;
}

void Daemon::startLoop()
{
    qCInfo(lcDaemon).noquote() << "watching" << m_config.accounts.size() << "account(s), database"
                               << m_config.databasePath;
    m_engine->start();
}

void Daemon::stop()
{
    if (m_engine)
        m_engine->stop();
}

void Daemon::runOnce()
{
    connect(m_engine.get(), &Engine::cycleFinished, this, &Daemon::finishOnce);
    m_engine->runOnce();
}

void Daemon::finishOnce()
{
    if (m_onceDone)
        return;
    m_onceDone = true;
    emit onceFinished(makeCheckReport(m_engine->views(), SystemClock::instance()->nowSecs()));
}

void Daemon::testTelegram()
{
    emit telegramTested(false, QStringLiteral("Telegram is not configured ([telegram] token and chat)"));
}

} // namespace rw
