#!/usr/bin/env bash
# Starts the product: installs what it needs, builds and packages the extension, connects to a Docker engine
# (starting a private one only when none is reachable), and opens VS Code in the browser with the extension
# installed and a sample workspace. Prints the URL; Ctrl+C stops VS Code (and the private engine, if it started one).
#   PORT=8080 (default) chooses the port; it listens on 127.0.0.1 only.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
CACHE="${DW_CACHE:-$HOME/.cache/docker-workflows}"
PORT="${PORT:-8080}"
log() { printf '[start] %s\n' "$*" >&2; }

vscode_dir="$(bash scripts/setup.sh)"
log "building and packaging the extension"
npm run -s package >/dev/null

engine_dir=""
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  log "using the Docker engine at ${DOCKER_HOST:-the current docker context}"
else
  engine_dir="$CACHE/engine"
  log "no Docker engine is reachable: starting a private one in $engine_dir"
  DOCKER_HOST="$(node out/test/support/dockerd.js start "$engine_dir")"
  export DOCKER_HOST
  node out/test/support/dockerd.js image "$engine_dir"
  if [ -z "$(docker ps -aq --filter name=^demo-web$)" ]; then
    docker run -d --name demo-web -p 127.0.0.1::80 dw-test/busybox:latest httpd -f -p 80 -h /www >/dev/null
  fi
  docker start demo-web >/dev/null
fi

workspace="$CACHE/sample-workspace"
if [ ! -d "$workspace" ]; then
  mkdir -p "$workspace"
  cp -r test/fixtures/workspace/. "$workspace/"
fi

data="$CACHE/vscode-data"
mkdir -p "$data"
# The server will not reinstall the same version over an earlier install: start from an empty extensions folder.
rm -rf "$data/extensions"
node "$vscode_dir/out/server-main.js" --install-extension "$here/docker-workflows.vsix" --force \
  --extensions-dir "$data/extensions" --server-data-dir "$data/server" --accept-server-license-terms >/dev/null

stop() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$engine_dir" ] && node out/test/support/dockerd.js stop "$engine_dir" || true
}
trap stop EXIT
trap 'exit 130' INT TERM
node "$vscode_dir/out/server-main.js" --host 127.0.0.1 --port "$PORT" --without-connection-token \
  --accept-server-license-terms --user-data-dir "$data/user" --server-data-dir "$data/server" \
  --extensions-dir "$data/extensions" >"$CACHE/vscode-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  kill -0 "$server_pid" 2>/dev/null || { log "VS Code did not start; see $CACHE/vscode-server.log"; exit 1; }
  sleep 0.2
done
echo "Docker Workflows is running in VS Code: http://127.0.0.1:$PORT/?folder=$workspace"
echo "(engine: ${DOCKER_HOST:-default}; press Ctrl+C to stop)"
wait "$server_pid"
