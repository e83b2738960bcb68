#include "proxyeditor.h"

#include "config/proxysetting.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace rw {

ProxyEditor::ProxyEditor(QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox(this)), m_address(new QLineEdit(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this))
{
    m_mode->setObjectName(QStringLiteral("proxyMode"));
    m_address->setObjectName(QStringLiteral("proxyAddress"));
    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1:1080"));
    for (Mode m : {Environment, None, Socks5, Http})
        m_mode->addItem(QString(), int(m));
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_mode);
    top->addWidget(m_address, 1);
    auto *login = new QHBoxLayout;
    login->setContentsMargins(0, 0, 0, 0);
    login->addWidget(m_user, 1);
    login->addWidget(m_password, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(login);
    retranslate();
    showFields();
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        showFields();
        emit changed();
    });
    for (QLineEdit *e : {m_address, m_user, m_password})
        connect(e, &QLineEdit::textChanged, this, &ProxyEditor::changed);
}

void ProxyEditor::retranslate()
{
    m_mode->setItemText(Environment, tr("As the system says"));
    m_mode->setItemData(Environment,
                        tr("The https_proxy, all_proxy and no_proxy environment variables, if set"),
                        Qt::ToolTipRole);
    m_mode->setItemText(None, tr("No proxy"));
    m_mode->setItemText(Socks5, tr("SOCKS5"));
    m_mode->setItemData(Socks5, tr("Host names are resolved at the proxy"), Qt::ToolTipRole);
    m_mode->setItemText(Http, tr("HTTP"));
    m_user->setPlaceholderText(tr("user (optional)"));
    m_password->setPlaceholderText(tr("password"));
}

ProxyEditor::Mode ProxyEditor::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void ProxyEditor::showFields()
{
    const bool named = mode() == Socks5 || mode() == Http;
    for (QLineEdit *e : {m_address, m_user, m_password})
        e->setEnabled(named);
}

void ProxyEditor::setProxy(const QString &proxy, bool set)
{
    Mode m = set ? None : Environment;
    m_address->clear();
    m_user->clear();
    m_password->clear();
    if (set && !proxy.trimmed().isEmpty()) {
        const QUrl url(proxy.trimmed());
        m = url.scheme().toLower() == QLatin1String("http") ? Http : Socks5;
        m_address->setText(url.port() > 0
                               ? url.host() + QLatin1Char(':') + QString::number(url.port())
                               : url.host());
        m_user->setText(url.userName(QUrl::FullyDecoded));
        m_password->setText(url.password(QUrl::FullyDecoded));
    }
    m_mode->setCurrentIndex(m_mode->findData(int(m)));
    showFields();
}

QString ProxyEditor::proxy() const
{
    if (mode() != Socks5 && mode() != Http)
        return {};
    QString text = mode() == Http ? QStringLiteral("http://") : QStringLiteral("socks5://");
    const QString user = m_user->text().trimmed();
    if (!user.isEmpty() || !m_password->text().isEmpty()) {
        text += QString::fromLatin1(QUrl::toPercentEncoding(user));
        if (!m_password->text().isEmpty())
            text +=
                QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(m_password->text()));
        text += QLatin1Char('@');
    }
    return text + m_address->text().trimmed();
}

QString ProxyEditor::problem(const QString &what) const
{
    if (mode() != Socks5 && mode() != Http)
        return {};
    const QString address = m_address->text().trimmed();
    const QUrl url(QStringLiteral("socks5://") + address, QUrl::StrictMode);
    if (address.isEmpty() || address.contains(QLatin1Char('/')) ||
        address.contains(QLatin1Char('@')) || !url.isValid() || url.host().isEmpty() ||
        url.port() <= 0)
        return tr("%1: enter the proxy's host and port, such as 127.0.0.1:1080.").arg(what);
    if (m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty())
        return tr("%1: a password without a user name; enter both, or neither.").arg(what);
    if (checkProxy(QString(), proxy()).refused())
        return tr("%1: enter the proxy's host and port, such as 127.0.0.1:1080.").arg(what);
    return {};
}

} // namespace rw
