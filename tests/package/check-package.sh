#!/usr/bin/env bash
# Builds the .deb from a build directory and checks it as a user of the package would:
# the files it installs, that it unpacks into a scratch root and runs there, that the
# example configuration is valid, that the systemd units verify, and lintian finds no error.
# Usage: check-package.sh BUILD_DIR [WITH_GUI=ON|OFF]
set -euo pipefail
build=$(cd "$1" && pwd)
with_gui=${2:-ON}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/out/rigwatch_*.deb)
echo "built $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $1, $6}' >"$work/contents"
expect() { # mode path
  grep -qx -- "$1 ./$2" "$work/contents" || fail "package lacks $2 with mode $1"
}
expect -rwxr-xr-x usr/bin/rigwatchd
expect -rw-r----- etc/rigwatch/rigwatch.ini
if [ "$with_gui" = ON ]; then
  expect -rwxr-xr-x usr/bin/rigwatch
  for f in usr/share/applications/io.github.rigwatch.RigWatch.desktop \
           usr/share/metainfo/io.github.rigwatch.RigWatch.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/io.github.rigwatch.RigWatch.svg \
           usr/share/icons/hicolor/16x16/apps/io.github.rigwatch.RigWatch.png \
           usr/share/icons/hicolor/48x48/apps/io.github.rigwatch.RigWatch.png \
           usr/share/icons/hicolor/256x256/apps/io.github.rigwatch.RigWatch.png; do
    expect -rw-r--r-- "$f"
  done
fi
for f in usr/share/man/man1/rigwatchd.1.gz \
         usr/lib/systemd/system/rigwatchd.service \
         usr/lib/systemd/system/rigwatchd-once.service \
         usr/lib/systemd/system/rigwatchd-once.timer \
         usr/lib/systemd/user/rigwatchd.service \
         usr/share/doc/rigwatch/copyright; do
  expect -rw-r--r-- "$f"
done
dpkg-deb -f "$deb" Depends | grep -q libqt6core6 || fail "Depends does not name the Qt 6 runtime"
echo "contents ok: $(grep -c '^-' "$work/contents") files"

root="$work/root"
mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/rigwatchd" --version | grep -q . || fail "installed rigwatchd does not run"
"$root/usr/bin/rigwatchd" --check-config "$root/etc/rigwatch/rigwatch.ini" >/dev/null \
  || fail "the example /etc/rigwatch/rigwatch.ini does not validate"
echo "scratch root ok"

if command -v systemd-analyze >/dev/null && [ -d /lib/systemd/system ]; then
  cp -rn /lib/systemd/system/. "$root/usr/lib/systemd/system/"
  systemd-analyze verify --man=no --root="$root" \
    /usr/lib/systemd/system/rigwatchd.service /usr/lib/systemd/system/rigwatchd-once.service \
    /usr/lib/systemd/system/rigwatchd-once.timer || fail "systemd-analyze verify"
  echo "systemd units verify"
else
  echo "SKIP systemd-analyze: not installed"
fi

if [ "$with_gui" = ON ] && command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/io.github.rigwatch.RigWatch.desktop" || fail "desktop file"
fi
if [ "$with_gui" = ON ] && command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.rigwatch.RigWatch.metainfo.xml" >/dev/null \
    || appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.rigwatch.RigWatch.metainfo.xml" || fail "metainfo"
fi

if command -v lintian >/dev/null; then
  lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1 || true
  if grep -q '^E:' "$work/lintian.log"; then
    grep '^E:' "$work/lintian.log"
    fail "lintian reports errors"
  fi
  echo "lintian: no errors ($(grep -c '^W:' "$work/lintian.log" || true) warnings)"
else
  echo "SKIP lintian: not installed"
fi
echo "package ok"
