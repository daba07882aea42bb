import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from './helpers';

describe('Dockerfile completion through the VS Code API', () => {
  before(async () => {
    await activateExtension();
  });

  it('offers FROM, RUN and COPY at the start of a line', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    assert.strictEqual(document.languageId, 'dockerfile');
    await vscode.window.showTextDocument(document);
    // Line 5 of the sample Dockerfile is empty: the start of a new instruction.
    const position = new vscode.Position(4, 0);
    assert.strictEqual(document.lineAt(position.line).text, '');
    // Only our items carry a description; VS Code's word-based suggestions would offer the bare words.
    const ours = await waitFor('completion from the language server', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const described = new Map(list.items.filter((item) => item.detail).map((item) => [String(item.label), item.detail]));
      return described.has('FROM') && described;
    }, 30_000);
    assert.deepStrictEqual(
      ['FROM', 'RUN', 'COPY'].map((keyword) => [keyword, ours.get(keyword)]),
      [
        ['FROM', 'Starts a build stage on top of a base image (or scratch).'],
        ['RUN', 'Runs a command in a new layer while the image is built.'],
        ['COPY', 'Copies files from the build context or another stage into the image.'],
      ],
    );
  });
});
