#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace rw {

// One `proxy` setting as the settings dialog edits it: the environment's proxy (https_proxy,
// all_proxy, no_proxy), none, or a SOCKS5 / HTTP proxy at host:port with an optional user and
// password (masked; the dialog keeps them in the keychain, config/proxysetting.h reads the URL).
class ProxyEditor : public QWidget
{
    Q_OBJECT
public:
    enum Mode
    {
        Environment, // the key is absent
        None,        // proxy = (empty)
        Socks5,
        Http
    };
    Q_ENUM(Mode)

    explicit ProxyEditor(QWidget *parent = nullptr);

    // proxy: the setting's URL, credentials included; set false: the environment decides.
    void setProxy(const QString &proxy, bool set);
    QString proxy() const; // "" unless Socks5 / Http
    bool isSet() const { return mode() != Environment; }
    Mode mode() const;
    // What is wrong with the typed proxy, naming it by `what` ("Telegram proxy"); "" if nothing.
    QString problem(const QString &what) const;
    void retranslate();

    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }

signals:
    void changed();

private:
    void showFields();

    QComboBox *m_mode;
    QLineEdit *m_address;
    QLineEdit *m_user;
    QLineEdit *m_password;
};

} // namespace rw
