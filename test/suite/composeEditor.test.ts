// The Compose editor features as VS Code itself asks for them (Outline, F12, Shift+F12, F2 across the base and
// override files, Format Document, the light bulb, links and inlay hints), against the extension's language
// server in a real VS Code, on a project of its own folder: compose.yaml, compose.override.yaml and .env.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from './helpers';

const BASE = [
  'x-common: &common',
  '  restart: unless-stopped',
  'services:',
  '  web:',
  '    <<: *common',
  '    image: nginx:${TAG:-latest}',
  '    depends_on:',
  '      - api',
  '    volumes:',
  '      - ./src:/usr/share/nginx/html:ro',
  '      - cache:/cache',
  '  api:',
  '    image:   redis:7',
  '    networks: [backend]',
  'networks:',
  '  backend:',
  '',
].join('\n');
const OVERRIDE = ['services:', '  api:', '    environment:', '      MODE: dev', ''].join('\n');

type Span = [number, number, number, number];
const span = (r: vscode.Range): Span => [r.start.line, r.start.character, r.end.line, r.end.character];
const at = (line: number, character: number) => new vscode.Position(line, character);

describe('Compose editor features through the VS Code API', () => {
  let uri: vscode.Uri;
  let override: vscode.Uri;

  before(async () => {
    await activateExtension();
    const folder = workspaceFile('composeEditor');
    fs.mkdirSync(vscode.Uri.joinPath(folder, 'src').fsPath, { recursive: true });
    fs.writeFileSync(vscode.Uri.joinPath(folder, '.env').fsPath, 'TAG=1.27\n');
    uri = vscode.Uri.joinPath(folder, 'compose.yaml');
    override = vscode.Uri.joinPath(folder, 'compose.override.yaml');
    fs.writeFileSync(uri.fsPath, BASE);
    fs.writeFileSync(override.fsPath, OVERRIDE);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'dockercompose');
    await vscode.window.showTextDocument(document);
    await waitFor('the diagnostics', () => vscode.languages.getDiagnostics(uri).length === 1, 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile('composeEditor').fsPath, { recursive: true, force: true });
  });

  it('outlines the sections, each service with its image and its keys', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const tree = (list: vscode.DocumentSymbol[], indent = ''): string[] =>
      list.flatMap((s) => [`${indent}${s.name} | ${s.detail}`, ...tree(s.children, `${indent}  `)]);
    assert.deepStrictEqual(tree(symbols), [
      'x-common | &common 1 key',
      '  restart | unless-stopped',
      'services | ',
      '  web | nginx:${TAG:-latest}',
      '    << | *common',
      '    image | nginx:${TAG:-latest}',
      '    depends_on | 1 entry',
      '    volumes | 2 entries',
      '  api | redis:7',
      '    image | redis:7',
      '    networks | [backend]',
      'networks | ',
      '  backend | ',
    ]);
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ap');
    assert.deepStrictEqual(found.filter((s) => s.location.uri.toString() === uri.toString()).map((s) => [s.name, s.containerName]), [['api', 'compose.yaml']]);
  });

  it('goes from depends_on to the service, declared in the base file (the override completes it)', async () => {
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, at(7, 9));
    assert.deepStrictEqual(definitions.map((l) => [l.uri.toString(), ...span(l.range)]), [[uri.toString(), 11, 2, 11, 5]]);
  });

  it('finds every reference to a service across the project, and highlights a network in the file', async () => {
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at(7, 9));
    // VS Code orders them by file.
    assert.deepStrictEqual(references.map((l) => [l.uri.toString(), ...span(l.range)]), [
      [override.toString(), 1, 2, 1, 5],
      [uri.toString(), 7, 8, 7, 11],
      [uri.toString(), 11, 2, 11, 5],
    ]);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, at(13, 16));
    assert.deepStrictEqual(highlights.map((h) => [vscode.DocumentHighlightKind[h.kind ?? vscode.DocumentHighlightKind.Text], ...span(h.range)]), [
      ['Read', 13, 15, 13, 22],
      ['Write', 15, 2, 15, 9],
    ]);
  });

  it('renames a service in the base and the override file, and refuses a name Compose rejects', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at(11, 3), 'backend-api');
    assert.deepStrictEqual(edit.get(uri).map((e) => [...span(e.range), e.newText]), [[7, 8, 7, 11, 'backend-api'], [11, 2, 11, 5, 'backend-api']]);
    assert.deepStrictEqual(edit.get(override).map((e) => [...span(e.range), e.newText]), [[1, 2, 1, 5, 'backend-api']]);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, at(11, 3), 'no spaces')));
  });

  it('folds the sections, the services and their blocks', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.deepStrictEqual(ranges.map((r) => [r.start, r.end]), [[0, 1], [2, 13], [3, 10], [6, 7], [8, 10], [11, 13], [14, 15]]);
  });

  it('formats only blanks: the extra spaces after `image:` go', async () => {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
    assert.deepStrictEqual(edits.map((e) => [...span(e.range), e.newText]), [[12, 11, 12, 13, '']]);
  });

  it('offers to declare a volume a service uses but nobody declared', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at(10, 9), at(10, 9)));
    const declare = actions.filter((a) => a.kind?.value === 'quickfix');
    assert.deepStrictEqual(declare.map((a) => [a.title, a.edit!.get(uri).map((e) => [...span(e.range), e.newText])]), [
      ['Declare the volume "cache" under the top-level "volumes"', [[16, 0, 16, 0, 'volumes:\n  cache:\n']]],
    ]);
  });

  it('links a bind-mount folder and an image to its registry page', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.deepStrictEqual(links.map((l) => [...span(l.range), l.target?.toString()]), [
      [9, 8, 9, 13, vscode.Uri.joinPath(uri, '..', 'src').toString()],
      [12, 13, 12, 18, 'https://hub.docker.com/_/redis'],
    ]);
  });

  it('shows the value an interpolation takes from .env as an inlay hint', async () => {
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(at(0, 0), at(16, 0)));
    assert.deepStrictEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [[5, 31, '= 1.27']]);
  });
});
