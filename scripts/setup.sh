#!/usr/bin/env bash
# Installs everything the product and the tests need, idempotently, so that a fresh machine
# only needs `npm start` / `npm test`. Second runs are quick: each step checks before it works.
#   - Debian packages: Docker engine (docker.io), docker-compose v1, busybox-static (test image), the CNCF
#     distribution registry and htpasswd (docker-registry, apache2-utils: the Registries tests), Podman and
#     podman-compose (the Podman tests),
#     Chromium (tests and e2e) and the build dependencies of the VS Code server's native modules.
#   - npm packages of this repository (npm ci, redone only when package-lock.json changes).
#   - The VS Code server shipped inside the npm package code-server, in a cache folder.
set -euo pipefail
# Everything goes to stderr; stdout carries only the last line, the VS Code server's folder, for callers.
exec 3>&1 1>&2
here="$(cd "$(dirname "$0")/.." && pwd)"
CODE_SERVER_VERSION="${DW_CODE_SERVER_VERSION:-4.100.3}"
CACHE="${DW_CACHE:-$HOME/.cache/docker-workflows}"
log() { printf '[setup] %s\n' "$*" >&2; }

apt_packages=(docker.io docker-compose busybox-static chromium libkrb5-dev libx11-dev libxkbfile-dev
  libsecret-1-dev pkg-config ripgrep curl podman podman-compose docker-registry apache2-utils iproute2)
# The remote engine tests: certificates for the TLS dockerd, the sshd and ssh client, pgrep.
apt_packages+=(openssl openssh-server openssh-client procps)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$here"
stamp="node_modules/.dw-lock-hash"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

cs="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$cs/.ready" ]; then
  log "installing the VS Code server from code-server@$CODE_SERVER_VERSION into $cs (about a minute)"
  rm -rf "$cs"; mkdir -p "$cs"
  (cd "$cs" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION")
  vs="$cs/node_modules/code-server/lib/vscode"
  (cd "$vs" && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
  (cd "$vs" && npm rebuild @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid >/dev/null)
  (cd "$vs/node_modules/node-pty" && npx --yes node-gyp rebuild >/dev/null 2>&1)
  mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
  cp /usr/bin/rg "$vs/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$vs/node_modules.asar"
  (cd "$vs/extensions" && npm install --no-audit --no-fund --loglevel=error --omit=dev)
  touch "$cs/.ready"
fi
echo "$cs/node_modules/code-server/lib/vscode" >&3
