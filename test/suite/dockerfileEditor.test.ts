// The Dockerfile editor features as VS Code itself asks for them (the same commands its Outline view, F12,
// Shift+F12, F2, Format Document, the light bulb, links, semantic colouring, inlay hints and parameter hints
// run), against the extension's language server in a real VS Code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from './helpers';

const TEXT = [
  '# syntax=docker/dockerfile:1',
  'ARG NODE_VERSION=20',
  'FROM node:${NODE_VERSION} as build',
  'WORKDIR /src',
  'COPY app.txt ./',
  'RUN --mount=type=cache,target=/root/.npm \\',
  'npm ci',
  '  ',
  'FROM nginx:1.27 AS web',
  'COPY --from=build /src /usr/share/nginx/html',
  'MAINTAINER someone@example.com',
  '',
].join('\n');

type Span = [number, number, number, number];
const span = (r: vscode.Range): Span => [r.start.line, r.start.character, r.end.line, r.end.character];
const at = (line: number, character: number) => new vscode.Position(line, character);

describe('Dockerfile editor features through the VS Code API', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    const folder = workspaceFile('editor');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'app.txt').fsPath, 'hello\n');
    uri = vscode.Uri.joinPath(folder, 'Dockerfile');
    fs.writeFileSync(uri.fsPath, TEXT);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // The server has the document once its diagnostics arrive.
    await waitFor('the diagnostics', () => vscode.languages.getDiagnostics(uri).length === 2, 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile('editor').fsPath, { recursive: true, force: true });
  });

  it('outlines the directive, the global ARG and each stage with its instructions', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const tree = (list: vscode.DocumentSymbol[], indent = ''): string[] =>
      list.flatMap((s) => [`${indent}${vscode.SymbolKind[s.kind]} ${s.name} | ${s.detail}`, ...tree(s.children, `${indent}  `)]);
    assert.deepStrictEqual(tree(symbols), [
      'Key syntax | docker/dockerfile:1',
      'Variable ARG | NODE_VERSION=20',
      '  Variable NODE_VERSION | 20',
      'Class build | node:${NODE_VERSION}',
      '  Function WORKDIR | /src',
      '  Function COPY | app.txt ./',
      '  Function RUN | --mount=type=cache,target=/root/.npm npm ci',
      'Class web | nginx:1.27',
      '  Function COPY | --from=build /src /usr/share/nginx/html',
      '  Function MAINTAINER | someone@example.com',
    ]);
    assert.deepStrictEqual([span(symbols[2].range), span(symbols[2].selectionRange)], [[2, 0, 6, 6], [2, 29, 2, 34]]);
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'bld');
    assert.deepStrictEqual(found.filter((s) => s.location.uri.toString() === uri.toString()).map((s) => [s.name, s.containerName]), [['build', 'Dockerfile']]);
  });

  it('goes from COPY --from to the stage, and finds every reference to it', async () => {
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, at(9, 14));
    assert.deepStrictEqual(definitions.map((l) => [l.uri.toString(), ...span(l.range)]), [[uri.toString(), 2, 29, 2, 34]]);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at(9, 14));
    assert.deepStrictEqual(references.map((l) => span(l.range)), [[2, 29, 2, 34], [9, 12, 9, 17]]);
  });

  it('highlights a global ARG where it is declared and where FROM reads it', async () => {
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, at(1, 6));
    assert.deepStrictEqual(highlights.map((h) => [vscode.DocumentHighlightKind[h.kind ?? vscode.DocumentHighlightKind.Text], ...span(h.range)]), [
      ['Write', 1, 4, 1, 16],
      ['Read', 2, 12, 2, 24],
    ]);
  });

  it('renames a stage in its FROM line and in COPY --from, and refuses a name BuildKit rejects', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at(2, 30), 'compile');
    assert.deepStrictEqual(edit.get(uri).map((e) => [...span(e.range), e.newText]), [[2, 29, 2, 34, 'compile'], [9, 12, 9, 17, 'compile']]);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, at(2, 30), 'Not Valid')),
      (error: Error) => /stage name/i.test(error.message),
    );
  });

  it('folds each stage and the continued RUN', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.deepStrictEqual(ranges.map((r) => [r.start, r.end]), [[2, 6], [5, 6], [8, 10]]);
  });

  it('formats: AS takes the case of FROM, the continuation is indented, the blank line loses its spaces', async () => {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true });
    assert.deepStrictEqual(edits.map((e) => [...span(e.range), e.newText]), [
      [2, 26, 2, 28, 'AS'],
      [6, 0, 6, 0, '    '],
      [7, 0, 7, 2, ''],
    ]);
  });

  it('offers the quick fixes of a diagnostic, preferred first, and "Ignore" through # check=skip=', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at(2, 26), at(2, 28)));
    const quickFixes = actions.filter((a) => a.kind?.value === 'quickfix');
    assert.deepStrictEqual(quickFixes.map((a) => [a.title, !!a.isPreferred]), [
      ["Change to 'AS'", true],
      ['Ignore FromAsCasing in this file', false],
    ]);
    assert.deepStrictEqual(quickFixes[0].edit!.get(uri).map((e) => [...span(e.range), e.newText]), [[2, 26, 2, 28, 'AS']]);
    assert.deepStrictEqual(quickFixes[1].edit!.get(uri).map((e) => [...span(e.range), e.newText]), [[1, 0, 1, 0, '# check=skip=FromAsCasing\n']]);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(at(0, 0), at(0, 0)), vscode.CodeActionKind.SourceFixAll.value,
    );
    assert.deepStrictEqual(fixAll.map((a) => [a.title, a.edit!.get(uri).map((e) => e.newText)]), [
      ['Fix all fixable problems in this file', ['AS', 'LABEL org.opencontainers.image.authors="someone@example.com"']],
    ]);
  });

  it('links the syntax image and FROM images to their registry pages, and COPY sources to their files', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.deepStrictEqual(links.map((l) => [...span(l.range), l.target?.toString()]).sort(), [
      [0, 9, 0, 26, 'https://hub.docker.com/r/docker/dockerfile'],
      [4, 5, 4, 12, vscode.Uri.joinPath(uri, '..', 'app.txt').toString()],
      [8, 5, 8, 10, 'https://hub.docker.com/_/nginx'],
    ]);
  });

  it('colours the file with semantic tokens of the advertised legend', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    // Decoded: [line, character, length, type, modifiers].
    const decoded: [number, number, number, string, string[]][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dLine, dChar, length, type, modifiers] = Array.from(tokens.data.slice(i, i + 5));
      line += dLine;
      character = dLine === 0 ? character + dChar : dChar;
      decoded.push([line, character, length, legend.tokenTypes[type], legend.tokenModifiers.filter((_, k) => modifiers & (1 << k))]);
    }
    assert.deepStrictEqual(decoded.filter((t) => t[0] === 0), [[0, 0, 28, 'macro', []]]);
    assert.deepStrictEqual(decoded.filter((t) => t[0] === 2), [
      [2, 0, 4, 'keyword', []],
      [2, 5, 5, 'type', []],
      [2, 10, 15, 'variable', []],
      [2, 26, 2, 'keyword', []],
      [2, 29, 5, 'class', ['declaration']],
    ]);
  });

  it('shows the value a variable takes in FROM as an inlay hint', async () => {
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(at(0, 0), at(11, 0)));
    assert.deepStrictEqual(hints.map((h) => [h.position.line, h.position.character, h.label, h.tooltip]), [[2, 25, '= 20', 'ARG NODE_VERSION=20 on line 2']]);
  });

  it('shows the signature of COPY with the parameter under the cursor', async () => {
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', uri, at(9, 20));
    const signature = help.signatures[help.activeSignature ?? 0];
    assert.strictEqual(signature.label, 'COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--parents] [--exclude=<pattern>]... <src>... <dest>');
    const active = signature.parameters[help.activeParameter ?? 0].label as [number, number];
    assert.strictEqual(signature.label.slice(active[0], active[1]), '<src>...');
  });
});
