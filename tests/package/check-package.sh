#!/usr/bin/env bash
# Builds the .deb from a build directory and checks it as a user of the package would:
# the files it installs, that it unpacks into a scratch root and runs there, that its
# maintainer scripts do what they should there (with stubs: the real system is never
# touched), that the example configuration is valid, that the systemd units verify, and
# lintian finds no error.
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
expect -rwxr-xr-x usr/libexec/rigwatch/rigwatchd-pdf
expect -rw-r----- etc/rigwatch/rigwatch.ini
if [ "$with_gui" = ON ]; then
  expect -rwxr-xr-x usr/bin/rigwatch
  for f in usr/share/applications/io.github.rigwatch.RigWatch.desktop \
           usr/share/metainfo/io.github.rigwatch.RigWatch.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/io.github.rigwatch.RigWatch.svg; do
    expect -rw-r--r-- "$f"
  done
  # every PNG size installer/CMakeLists.txt installs
  for size in 16 32 48 64 128 256; do
    expect -rw-r--r-- "usr/share/icons/hicolor/${size}x${size}/apps/io.github.rigwatch.RigWatch.png"
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
# A PDF report goes to rigwatchd-pdf in libexec: with no database there, it is the writer that
# answers (exit 3, "no database"), not rigwatchd saying it found no writer.
printf '[pool]\nurl = http://127.0.0.1:9\nuser = u\nsecret = s\n\n[storage]\ndatabase = %s\n' \
  "$work/none.sqlite" >"$work/pdf.ini"
chmod 600 "$work/pdf.ini"
set +e
"$root/usr/bin/rigwatchd" --config "$work/pdf.ini" --report yesterday --format pdf \
  --output "$work/r.pdf" 2>"$work/pdf.err"
pdf_code=$?
set -e
[ "$pdf_code" = 3 ] && grep -q "no database" "$work/pdf.err" \
  || fail "the installed rigwatchd does not reach its PDF writer ($pdf_code: $(cat "$work/pdf.err"))"
echo "scratch root ok"

# The maintainer scripts, run against the scratch root and never the real system: their
# absolute paths are rewritten into the root, and every command that could change users,
# ownership, modes or services is a stub first on PATH that only logs its arguments.
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/rigwatch/rigwatch.ini "$work/control/conffiles" || fail "rigwatch.ini is not a conffile"
stubs="$work/stubs"
mkdir -p "$stubs"
for cmd in adduser addgroup useradd groupadd usermod getent install chown chgrp chmod \
           systemctl deb-systemd-helper deb-systemd-invoke invoke-rc.d systemd-sysusers \
           systemd-tmpfiles; do
  printf '#!/bin/sh\necho "%s $*" >>"$STUB_LOG"\n[ "%s" != getent ] || [ -z "$STUB_USER_EXISTS" ] || exit 0\n[ "%s" != getent ] || exit 2\nexit 0\n' \
    "$cmd" "$cmd" "$cmd" >"$stubs/$cmd"
  chmod +x "$stubs/$cmd"
done
run_maintscript() { # script args...; log in $work/maint.log
  local script=$1; shift
  sed -e "s#/etc/rigwatch#$root/etc/rigwatch#g" -e "s#/var/lib/rigwatch#$root/var/lib/rigwatch#g" \
      -e "s#/run/systemd#$root/run/systemd#g" "$work/control/$script" >"$work/$script.scratch"
  # nothing absolute may be left but /dev/null (and the shebang)
  if sed 1d "$work/$script.scratch" | sed "s#$root/##g; s#/dev/null##g" | grep -q '[ "=]/[a-z]'; then
    fail "$script names a path the scratch-root rewrite does not cover"
  fi
  : >"$work/maint.log"
  env -i PATH="$stubs:/usr/bin:/bin" STUB_LOG="$work/maint.log" STUB_USER_EXISTS="${user_exists:-}" \
    sh "$work/$script.scratch" "$@" || fail "$script $* failed"
}
called() { grep -qxF -- "$1" "$work/maint.log" || { cat "$work/maint.log" >&2; fail "postinst did not run: $1"; }; }
mkdir -p "$root/run/systemd/system"
user_exists='' run_maintscript postinst configure
called "getent passwd rigwatch"
called "adduser --system --group --home $root/var/lib/rigwatch --no-create-home --gecos RigWatch daemon rigwatch"
called "install -d -o rigwatch -g rigwatch -m 0750 $root/var/lib/rigwatch"
called "chown root:rigwatch $root/etc/rigwatch/rigwatch.ini"
called "chmod 0640 $root/etc/rigwatch/rigwatch.ini"
called "systemctl daemon-reload"
# a reconfigure keeps the existing user
user_exists=1 run_maintscript postinst configure
grep -q '^adduser' "$work/maint.log" && fail "postinst configure adds the user again"
called "chmod 0640 $root/etc/rigwatch/rigwatch.ini"
# other actions leave everything alone
run_maintscript postinst abort-upgrade 0.1.0
[ -s "$work/maint.log" ] && { cat "$work/maint.log" >&2; fail "postinst abort-upgrade did something"; }
run_maintscript postrm remove
called "systemctl daemon-reload"
echo "maintainer scripts ok"

if command -v systemd-analyze >/dev/null && [ -d /lib/systemd/system ]; then
  cp -rn /lib/systemd/system/. "$root/usr/lib/systemd/system/"
  # ExecReload's /bin/kill comes from procps, a dependency of the package
  install -D -m 755 /bin/kill "$root/bin/kill"
  systemd-analyze verify --man=no --root="$root" \
    /usr/lib/systemd/system/rigwatchd.service /usr/lib/systemd/system/rigwatchd-once.service \
    /usr/lib/systemd/system/rigwatchd-once.timer || fail "systemd-analyze verify"
  # the user unit: --user has no --root, so a copy that starts the extracted binary, and a
  # private runtime directory (the user manager will not start without one)
  mkdir -p "$work/user-unit" "$work/xdg-runtime"
  chmod 700 "$work/xdg-runtime"
  sed "s#^ExecStart=/usr/bin/rigwatchd #ExecStart=$root/usr/bin/rigwatchd #" \
    "$root/usr/lib/systemd/user/rigwatchd.service" >"$work/user-unit/rigwatchd.service"
  grep -q "^ExecStart=$root/usr/bin/rigwatchd " "$work/user-unit/rigwatchd.service" \
    || fail "the user unit's ExecStart is not /usr/bin/rigwatchd"
  XDG_RUNTIME_DIR="$work/xdg-runtime" systemd-analyze --user verify --man=no \
    "$work/user-unit/rigwatchd.service" || fail "systemd-analyze --user verify"
  echo "systemd units verify (system and user)"
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
