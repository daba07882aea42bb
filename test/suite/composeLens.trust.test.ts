// The Compose CodeLens in Restricted Mode (run with workspace trust on and the folder untrusted: DW_RESTRICTED=1,
// which picks the suite files named *trust*): the lenses still tell each service's state (reading the engine needs
// no trust), but their actions refuse, as the menu's Compose commands do, and start nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { COMPOSE_TRUST_MESSAGE } from '../../client/src/commands/compose/composeTask';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

describe('Compose CodeLens in Restricted Mode', function () {
  let api: ExtensionApi;
  const folder = workspaceFile('untrusted lens');
  const file = vscode.Uri.joinPath(folder, 'compose.yaml');
  const project = 'untrustedlens';

  before(async function () {
    // Only in a run with workspace trust enabled and this folder not trusted.
    if (vscode.workspace.isTrusted) this.skip();
    api = await activateExtension();
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(file.fsPath, `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "3600"]\n`);
  });

  after(function () {
    if (!api) return;
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('shows the state, and "Up" refuses with the menu\'s words, starting nothing', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const lenses = await waitFor('the lenses', async () => {
      const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file)) ?? [];
      return found.length > 0 && found;
    }, 20_000);
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]).sort((a, b) => (a[0] as number) - (b[0] as number)),
      [[0, 'Up all'], [0, 'Down'], [1, 'not created'], [1, 'Up'], [1, 'Stop'], [1, 'Logs'], [1, 'Restart']],
    );
    const up = lenses.find((l) => l.command?.title === 'Up')!.command!;
    assert.strictEqual(await vscode.commands.executeCommand(up.command, ...(up.arguments ?? [])), undefined);
    assert.strictEqual(api.shownMessages().at(-1)?.message, COMPOSE_TRUST_MESSAGE);
    assert.strictEqual(docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`), '');
  });
});
