import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Compose language features through the VS Code API', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await vscode.workspace.openTextDocument(workspaceFile('docker-compose.yml'));
    await vscode.window.showTextDocument(document);
  });

  it('opens the sample compose file as a Compose document', () => {
    assert.strictEqual(document.languageId, 'dockercompose');
  });

  it('reports the obsolete version and the list without a key, and nothing else at Error', async () => {
    const diagnostics = await waitFor('the diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 && found;
    }, 30_000);
    const summary = diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);
    assert.deepStrictEqual(summary.filter(([code]) => code === 'obsolete-version'), [['obsolete-version', vscode.DiagnosticSeverity.Warning, 0]]);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => [d.code, d.range.start.line]), [['yaml-syntax', 18]]);
    assert.match(errors[0].message, /key is missing before this list/);
    assert.match(errors[0].message, /command:/);
  });

  it('explains a key on hover', async () => {
    // The `image` key of the redis service.
    const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text.trim().startsWith('image: redis'))!;
    const character = document.lineAt(line).text.indexOf('image') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
    const text = hoverText(hovers);
    assert.match(text, /^\*\*image\*\*/);
    assert.match(text, /https:\/\/docs\.docker\.com\/reference\/compose-file\/services\/#image/);
  });

  it('completes the other services in depends_on', async () => {
    const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text.includes('- db'))!;
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('db'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const references = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => String(i.label)).sort();
    assert.deepStrictEqual(references, ['db', 'redis']);
  });
});
