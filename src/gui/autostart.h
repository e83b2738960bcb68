#pragma once

#include <QString>

namespace rw {

// "Start on login": an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent on
// macOS. Each starts the app with --minimized so it goes straight to the tray.
class Autostart
{
public:
    static bool isSupported();
    static bool isEnabled();
    // Returns false with *error in plain words when the entry cannot be written.
    static bool setEnabled(bool enabled, QString *error);
};

} // namespace rw
