#!/usr/bin/env bash
# Builds the installers with jpackage into target/installer/:
#   Linux:   an app image (target/installer/crm-platform), a .deb, and an .rpm where rpmbuild exists
#   Windows: an .msi (needs the WiX toolset);  macOS: a .dmg
# with a runtime made by jlink from the modules the app uses, and nothing else.
#   installer/build.sh                 everything for this system
#   installer/build.sh --app-image     only the app image (what installer/smoke-test.sh runs)
set -euo pipefail
cd "$(dirname "$0")/.."

only_image=false
[ "${1:-}" = "--app-image" ] && only_image=true

# The version comes from the pom (the first <version> after the artifactId).
version=$(sed -n '/<artifactId>crm-platform<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)
[ -n "$version" ] || { echo "error: no version in pom.xml" >&2; exit 1; }

mvn -B -q -DskipTests package

out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp target/crm-platform.jar "$out/input/"

# What the code uses (jdeps), plus what is only reached at run time: DNS SRV look-ups for
# mongodb+srv:// addresses (jdk.naming.dns), elliptic-curve TLS to Atlas (jdk.crypto.ec), and the
# XML and logging modules Logback reads its configuration with.
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/crm-platform.jar)
modules="$modules,jdk.naming.dns,jdk.crypto.ec,java.xml,java.logging"
echo "runtime modules: $modules"

case "$(uname -s)" in
  Linux*) os=linux; icon=assets/icons/crm-platform.png ;;
  Darwin*) os=mac; icon=assets/icons/crm-platform.icns ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; icon=assets/icons/crm-platform.ico ;;
  *) echo "error: unknown system $(uname -s)" >&2; exit 1 ;;
esac

common=(--name crm-platform --app-version "$version" --vendor "CRM Platform"
  --description "Desktop CRM for sales staff: customers, orders, segments and campaigns"
  --icon "$icon")

jpackage --type app-image "${common[@]}" --input "$out/input" --main-jar crm-platform.jar \
  --main-class com.crmplatform.desktop.Launcher --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
  --java-options "-Xmx2g" --dest "$out"
$only_image && exit 0

# The user's data lives in the user's data folder, never in the install folder: a newer package
# installed over an older one keeps it (and the app upgrades its schema when it opens it).
case "$os" in
  linux)
    jpackage --type deb "${common[@]}" --app-image "$out/crm-platform" --dest "$out" \
      --linux-package-name crm-platform --linux-menu-group "Office" --linux-app-category office \
      --linux-shortcut --linux-package-deps "libgtk-3-0, libxtst6, libgl1, fontconfig"
    if command -v rpmbuild >/dev/null; then
      jpackage --type rpm "${common[@]}" --app-image "$out/crm-platform" --dest "$out" \
        --linux-package-name crm-platform --linux-menu-group "Office" --linux-shortcut \
        --linux-package-deps "gtk3"
    fi ;;
  mac)
    jpackage --type dmg "${common[@]}" --app-image "$out/crm-platform.app" --dest "$out" ;;
  windows)
    jpackage --type msi "${common[@]}" --app-image "$out/crm-platform" --dest "$out" \
      --win-menu --win-shortcut --win-dir-chooser --win-per-user-install \
      --win-upgrade-uuid 6f9a0d53-2b5e-4c1e-9a43-0b8f2c2a7e11 ;;
esac
ls -l "$out"
