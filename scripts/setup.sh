#!/usr/bin/env bash
# Prepares this machine to build and test the desktop app. Idempotent and non-interactive:
# installs only what is missing (Debian/Ubuntu packages, the UI's and the end-to-end suite's
# npm packages, tauri-driver).
#   scripts/setup.sh run    what `make run` needs
#   scripts/setup.sh test   that, plus Xvfb, WebKitWebDriver and tauri-driver for the e2e suite
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

say() { printf '[setup] %s\n' "$*"; }

# What Tauri 2 needs to build and show a window on Debian/Ubuntu.
run_packages=(build-essential curl wget file pkg-config libssl-dev libxdo-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev)
# What the end-to-end suite adds: a virtual display and WebKitGTK's WebDriver; the desktop
# entry checker for the package check; and Syncthing, the file-sync engine the sync test
# moves change files with (tests/sync_syncthing.rs).
test_packages=(xvfb xauth webkit2gtk-driver dbus-x11 desktop-file-utils syncthing)

packages=("${run_packages[@]}")
[[ "$mode" == test ]] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    say "missing system packages: ${missing[*]}"
    say "this is not a Debian/Ubuntu system: install the equivalents listed in README.md"
    exit 1
  fi
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      say "missing system packages: ${missing[*]}"
      say "run as root, or: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "system packages present"
fi

# Node.js 20.19+ (Vite 8) and npm.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "Node.js 20.19 or newer (with npm) is needed: https://nodejs.org or your package manager"
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' || {
  say "Node.js $(node --version) is too old: 20.19 or newer is needed"
  exit 1
}

# npm packages, with `npm ci` when node_modules is missing or older than the lock file: the
# UI's, and for the tests the end-to-end suite's (axe-core, for the accessibility checks).
npm_packages() { # DIR WHAT
  local stamp="$1/node_modules/.setup-lock-sha" want
  want=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
    say "installing the $2 npm packages"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  else
    say "$2 packages up to date"
  fi
}
npm_packages ui "UI's"
if [[ "$mode" == test ]]; then npm_packages e2e "end-to-end suite's"; fi

if [[ "$mode" == test ]] && ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
say "ready"
