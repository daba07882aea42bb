import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from './helpers';

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.detail !== undefined).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('Dockerfile language features through the VS Code API', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    await vscode.window.showTextDocument(document);
    // The language server is ready once it answers completion.
    await waitFor('the language server', async () => (await completionLabels(document.uri, new vscode.Position(4, 0))).includes('FROM'), 30_000);
  });

  it('reports exactly one diagnostic on the sample Dockerfile: FromAsCasing on its first FROM', async () => {
    const diagnostics = await waitFor('the diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 && found;
    }, 30_000);
    assert.deepStrictEqual(
      diagnostics.map((d) => ({
        code: typeof d.code === 'object' ? { value: d.code.value, target: d.code.target.toString() } : d.code,
        severity: d.severity,
        range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
        source: d.source,
      })),
      [{
        code: { value: 'FromAsCasing', target: 'https://docs.docker.com/reference/build-checks/from-as-casing/' },
        severity: vscode.DiagnosticSeverity.Warning,
        range: [3, 31, 3, 33],
        source: 'docker-workflows',
      }],
    );
  });

  it('a setting can silence a diagnostic code', async () => {
    const config = vscode.workspace.getConfiguration('docker-workflows');
    await config.update('dockerfile.diagnostics', { FromAsCasing: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no diagnostics', () => vscode.languages.getDiagnostics(document.uri).length === 0, 10_000);
    } finally {
      await config.update('dockerfile.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the diagnostic back', () => vscode.languages.getDiagnostics(document.uri).length === 1, 10_000);
  });

  it('shows the reference of an instruction on hover', async () => {
    // Line 8 of the sample Dockerfile: WORKDIR /app
    assert.strictEqual(document.lineAt(7).text, 'WORKDIR /app');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(7, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /^\*\*WORKDIR\*\*/);
    assert.match(text, /https:\/\/docs\.docker\.com\/reference\/dockerfile\/#workdir/);
  });

  it('shows the FROM line of the stage that COPY --from names', async () => {
    const line = document.lineAt(31).text;
    assert.ok(line.startsWith('COPY --from=builder '), line);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(31, 14));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.strictEqual(text, '**Stage 0 `builder`**, line 4\n\n```dockerfile\nFROM python:3.10-slim-bullseye as builder\n```');
  });

  it('completes the flags of COPY in an edited document', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const end = new vscode.Position(document.lineCount, 0);
    await editor.edit((edit) => edit.insert(end, 'COPY --'));
    try {
      const labels = await waitFor('flag completion', async () => {
        const found = await completionLabels(document.uri, new vscode.Position(document.lineCount - 1, 7));
        return found.includes('--from') && found;
      });
      assert.deepStrictEqual(labels.filter((l) => l.startsWith('--')).sort(), ['--chmod', '--chown', '--exclude', '--from', '--link', '--parents']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
