// `npm run test:electron`: the same suite as test/suite, in desktop VS Code downloaded by @vscode/test-electron.
// Needs a machine that can download VS Code and a reachable Docker engine (DOCKER_HOST) with the test image
// (`node out/test/support/dockerd.js image <dir>` builds it for a private engine). Not run in CI here: this
// workplace has no internet, so CI runs the suite in code-server's VS Code server instead (test/vscode).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-electron-ws-'));
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  const result = path.join(workspace, '..', `dw-electron-result-${process.pid}.json`);
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { DW_SUITE_RESULT: result },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(result, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
