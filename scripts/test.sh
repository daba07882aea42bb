#!/usr/bin/env bash
# Runs every test suite: unit, engine (a private dockerd), vscode (the suite inside a real VS Code server
# opened by headless Chromium), vscode-restricted (its Restricted Mode tests, in a VS Code that does not trust the
# folder) and e2e (Playwright through the VS Code UI). Each suite ends with the
# plain line "<suite>: N passed, M failed"; the exit status is non-zero if any test failed or a suite could not run.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

vscode_dir="$(bash scripts/setup.sh)" || { echo "setup failed"; exit 1; }
# A clean build: tsc -b never deletes the output of a source file that is gone.
rm -rf out dist
npm run -s build || { echo "build failed"; exit 1; }
mkdir -p test-results
status=0

node out/test/support/runMocha.js unit out/test/unit || status=1

engine_dir="$(mktemp -d /tmp/dw-dockerd-XXXXXX)"
remote_dir="$(mktemp -d /tmp/dw-remote-XXXXXX)"
cleanup() {
  node out/test/support/remoteEngines.js stop "$remote_dir" || true
  cp "$remote_dir/tls/dockerd.log" test-results/dockerd-tls.log 2>/dev/null || true
  cp "$remote_dir/ssh/sshd.log" test-results/sshd.log 2>/dev/null || true
  rm -rf "$remote_dir" 2>/dev/null || true
  node out/test/support/dockerd.js stop "$engine_dir" || true
  cp "$engine_dir/dockerd.log" test-results/dockerd.log 2>/dev/null || true
  rm -rf "$engine_dir" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! DOCKER_HOST="$(node out/test/support/dockerd.js start "$engine_dir")" ||
   ! node out/test/support/dockerd.js image "$engine_dir"; then
  for suite in engine vscode vscode-restricted e2e; do echo "$suite: 0 passed, 1 failed (the test engine did not start)"; done
  exit 1
fi
export DOCKER_HOST DW_DOCKERD_DIR="$engine_dir" DW_VSCODE_DIR="$vscode_dir"
# The remote engines (a TLS dockerd and an sshd reaching the test engine, both on 127.0.0.1), once for the engine
# and vscode suites; remoteEngines.js prints the `export DW_TLS_HOST=...` lines they read.
if ! remote_env="$(node out/test/support/remoteEngines.js start "$remote_dir" "$engine_dir")"; then
  echo "the remote engines did not start: the remote tests will fail"
fi
eval "$remote_env"

node out/test/support/runMocha.js engine out/test/engine || status=1
node out/test/vscode/runInCodeServer.js || status=1
# The same suite's Restricted Mode tests, in a VS Code with workspace trust on and the test folder untrusted.
DW_RESTRICTED=1 DW_SUITE_FILES=trust node out/test/vscode/runInCodeServer.js || status=1

# The e2e journey looks for this container in the Containers view.
docker run -d --name dw-e2e-web --label dw.test=e2e -p 127.0.0.1::80 dw-test/busybox:latest httpd -f -p 80 -h /www >/dev/null || status=1
DW_E2E_CONTAINER=dw-e2e-web node out/test/e2e/runE2E.js || status=1

exit $status
