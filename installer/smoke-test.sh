#!/usr/bin/env bash
# Checks a built launcher the way a user's machine runs it: the window opens on the embedded store
# and closes (--smoke-test, under Xvfb when there is no display), and a command prints its JSON.
#   installer/smoke-test.sh          builds the app image and checks target/installer/crm-platform/bin/crm-platform
#   installer/smoke-test.sh --deb    also installs the .deb (as root) and checks /opt/crm-platform/bin/crm-platform
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--deb" ]; then
  bash installer/build.sh
else
  bash installer/build.sh --app-image
fi

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "error: no display and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=:97
  sleep 1
fi

check() {
  local launcher=$1 data
  data=$(mktemp -d)
  local start=$(date +%s%N)
  timeout 120 "$launcher" --smoke-test --data-dir "$data/window" | grep "window opened"
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "window opened and closed: $launcher ($ms ms)"
  local json
  json=$(timeout 120 "$launcher" --data-dir "$data/cli" seed --customers 10)
  [ "$json" = '{"customers":10,"orders":0}' ] || { echo "error: unexpected output: $json" >&2; exit 1; }
  echo "command line: $json"
  rm -rf "$data"
}

check target/installer/crm-platform/bin/crm-platform

if [ "${1:-}" = "--deb" ]; then
  deb=$(ls target/installer/crm-platform_*.deb)
  # The package registers its menu entry with xdg-desktop-menu, which needs the system menu folders
  # (present on any desktop, missing in a bare container).
  mkdir -p /usr/share/applications /usr/share/desktop-directories
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null  # with its declared dependencies
  echo "installed: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' crm-platform)"
  check /opt/crm-platform/bin/crm-platform
  dpkg -r crm-platform >/dev/null
fi
echo "smoke test passed"
