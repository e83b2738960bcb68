#include "service.h"

#include "logging.h"
#include "runtime/runtime.h"
#include "util/loghandler.h"

namespace rw {

namespace {
void addSecretsOf(const DaemonConfig &config)
{
    QStringList secrets{config.telegram.token};
    for (const AccountConfig &a : config.accounts)
        secrets << a.secret;
    addLogSecrets(secrets);
}
} // namespace

Service::Service(const DaemonConfig &config, const QString &configPath, QObject *parent)
    : QObject(parent), m_config(config), m_configPath(configPath)
{
    m_retryOpen.setSingleShot(true);
    m_retryOpen.setInterval(kRetrySecs * 1000);
    connect(&m_retryOpen, &QTimer::timeout, this, &Service::open);
    m_retryMetrics.setSingleShot(true);
    m_retryMetrics.setInterval(kRetrySecs * 1000);
    connect(&m_retryMetrics, &QTimer::timeout, this, &Service::startMetrics);
}

Service::~Service() = default;

void Service::start()
{
    addSecretsOf(m_config);
    open();
}

void Service::open()
{
    m_runtime = std::make_unique<Runtime>(m_config, RuntimeOptions{});
    QString error;
    if (!m_runtime->open(&error)) {
        const Runtime::OpenFailure failure = m_runtime->openFailure();
        m_runtime.reset();
        if (failure == Runtime::OpenFailure::Transient) {
            qCWarning(lcDaemon).noquote()
                << error << QStringLiteral("- trying again in %1 s").arg(kRetrySecs);
            m_retryOpen.start();
            return;
        }
        qCCritical(lcDaemon).noquote() << error;
        emit finished(failure == Runtime::OpenFailure::InUse ? 1 : 3);
        return;
    }
    startMetrics();
    m_runtime->start();
}

void Service::startMetrics()
{
    if (!m_runtime)
        return;
    QString error;
    if (m_runtime->startMetrics(&error))
        return;
    // Monitoring goes on meanwhile: /metrics is how it is watched, not what it watches.
    qCWarning(lcDaemon).noquote() << error
                                  << QStringLiteral("- trying again in %1 s").arg(kRetrySecs);
    m_retryMetrics.start();
}

void Service::reload()
{
    if (m_configPath.isEmpty()) {
        qCInfo(lcDaemon) << "SIGHUP: no configuration file to read again (demo)";
        return;
    }
    const ConfigResult r = loadConfigFile(m_configPath);
    for (const QString &w : r.warnings)
        qCWarning(lcConfig).noquote() << w;
    if (!r.config) {
        qCCritical(lcConfig).noquote()
            << r.error
            << "- the configuration was not reloaded; still running with the previous one";
        return;
    }
    qCInfo(lcDaemon).noquote() << "SIGHUP: reloading" << m_configPath;
    switchTo(*r.config);
}

void Service::switchTo(const DaemonConfig &config)
{
    addSecretsOf(config);
    m_retryOpen.stop();
    m_retryMetrics.stop();
    if (!m_runtime) {
        m_config = config;
        open();
        return;
    }
    // The running one finishes what it started (a Telegram call in flight), then lets go of the
    // database; the new one adopts its live messages from there.
    Runtime *old = m_runtime.get();
    connect(
        old, &Runtime::stopped, this,
        [this, config] {
            if (m_stopping)
                return;
            m_runtime.reset();
            m_config = config;
            open();
        },
        Qt::QueuedConnection);
    old->stop();
}

void Service::stop()
{
    m_stopping = true;
    m_retryOpen.stop();
    m_retryMetrics.stop();
    if (!m_runtime) {
        emit finished(0);
        return;
    }
    connect(
        m_runtime.get(), &Runtime::stopped, this, [this] { emit finished(0); },
        Qt::QueuedConnection);
    m_runtime->stop();
}

} // namespace rw
