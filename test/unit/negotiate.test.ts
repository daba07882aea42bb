// What a plainer client gets: the conversions of server/src/service/negotiate.ts.
import * as assert from 'assert';
import { CodeActionKind, InsertTextFormat, MarkupKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import {
  APPLY_EDIT_COMMAND, actionsAsCommands, adaptCompletion, adaptHover, adaptSignatureHelp, clientFeatures, flattenSymbols,
  markdownToPlain, snippetToPlain,
} from '../../server/src/service/negotiate';
import { serverCapabilities } from '../../server/src/service/capabilities';
import type { LanguageService } from '../../server/src/service/LanguageService';

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

describe('client capabilities: what the client can show', () => {
  it('reads nothing into a bare client', () => {
    assert.deepStrictEqual(clientFeatures({}), {
      hierarchicalSymbols: false, codeActionLiterals: false, snippets: false, completionMarkdown: false,
      hoverMarkdown: false, signatureMarkdown: false, signatureLabelOffsets: false, signatureActiveParameter: false,
      prepareRename: false, applyEdit: false,
    });
  });

  it('reads every feature of a client like VS Code', () => {
    assert.deepStrictEqual(clientFeatures({
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        completion: { completionItem: { snippetSupport: true, documentationFormat: [MarkupKind.Markdown] } },
        hover: { contentFormat: [MarkupKind.PlainText, MarkupKind.Markdown] },
        signatureHelp: {
          signatureInformation: { documentationFormat: [MarkupKind.Markdown], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true },
        },
        rename: { prepareSupport: true },
      },
      workspace: { applyEdit: true },
    }), {
      hierarchicalSymbols: true, codeActionLiterals: true, snippets: true, completionMarkdown: true,
      hoverMarkdown: true, signatureMarkdown: true, signatureLabelOffsets: true, signatureActiveParameter: true,
      prepareRename: true, applyEdit: true,
    });
  });
});

describe('client capabilities: conversions for plainer clients', () => {
  const bare = clientFeatures({});

  it('turns snippets into the text they insert by default', () => {
    assert.strictEqual(snippetToPlain('FROM ${1:image}'), 'FROM image');
    assert.strictEqual(snippetToPlain('HEALTHCHECK --interval=${1:30s} CMD ${2:command}$0'), 'HEALTHCHECK --interval=30s CMD command');
    assert.strictEqual(snippetToPlain('--mount=type=${1|cache,bind,secret|}'), '--mount=type=cache');
    assert.strictEqual(snippetToPlain('${1:outer ${2:inner}} end'), 'outer inner end');
    assert.strictEqual(snippetToPlain('echo \\$HOME \\} $1'), 'echo $HOME } ');
    assert.strictEqual(snippetToPlain('ports:\n  - "${1:8080}:${2:80}"'), 'ports:\n  - "8080:80"');
    assert.strictEqual(snippetToPlain('${1'), '');
    // A tab-indented last line with only an item marker: left to the editor's indentation.
    assert.strictEqual(snippetToPlain('environment:\n\t$0'), 'environment:');
    assert.strictEqual(snippetToPlain('networks:\n\t- $0'), 'networks:');
    assert.strictEqual(snippetToPlain('RUN a \\\n\t${1:b}'), 'RUN a \\\n\tb');
  });

  it('turns markdown into readable text', () => {
    assert.strictEqual(
      markdownToPlain('**WORKDIR**\n\nSets the `working directory`.\n\n```dockerfile\nWORKDIR /app\n```\n\n[Dockerfile reference](https://docs.docker.com/x)'),
      'WORKDIR\n\nSets the working directory.\n\nWORKDIR /app\n\nDockerfile reference (https://docs.docker.com/x)',
    );
  });

  it('gives completion items plain text and plain documentation', () => {
    const [item] = adaptCompletion([{
      label: 'FROM', insertText: 'FROM ${1:image}', insertTextFormat: InsertTextFormat.Snippet,
      documentation: { kind: MarkupKind.Markdown, value: 'Starts a **stage**.' },
    }], bare);
    assert.deepStrictEqual(item, { label: 'FROM', insertText: 'FROM image', insertTextFormat: InsertTextFormat.PlainText, documentation: { kind: MarkupKind.PlainText, value: 'Starts a stage.' } });
    const edit = adaptCompletion([{ label: 'x', textEdit: { range: range(0, 0, 1), newText: '${1:y}' }, insertTextFormat: InsertTextFormat.Snippet }], bare)[0];
    assert.deepStrictEqual(edit.textEdit, { range: range(0, 0, 1), newText: 'y' });
  });

  it('gives hovers and signature documentation as plain text', () => {
    assert.deepStrictEqual(adaptHover({ contents: { kind: MarkupKind.Markdown, value: '**ARG** `x`' }, range: range(0, 0, 3) }, bare), {
      contents: { kind: MarkupKind.PlainText, value: 'ARG x' }, range: range(0, 0, 3),
    });
    assert.strictEqual(adaptHover(null, bare), null);
    const help = adaptSignatureHelp({
      signatures: [{ label: 'FROM <image>', documentation: { kind: MarkupKind.Markdown, value: '`image`' }, parameters: [{ label: [5, 12], documentation: { kind: MarkupKind.Markdown, value: '**the** image' } }] }],
      activeSignature: 0, activeParameter: 0,
    }, bare);
    assert.deepStrictEqual(help, {
      signatures: [{
        label: 'FROM <image>', documentation: { kind: MarkupKind.PlainText, value: 'image' },
        parameters: [{ label: '<image>', documentation: { kind: MarkupKind.PlainText, value: 'the image' } }],
      }],
      activeSignature: 0, activeParameter: 0,
    });
    // The active parameter of the active signature moves to the answer for a client that reads it only there.
    const own = adaptSignatureHelp({ signatures: [{ label: 'A <x> <y>', parameters: [{ label: [2, 5] }, { label: [6, 9] }], activeParameter: 1 }], activeSignature: 0 }, bare);
    assert.deepStrictEqual(own, { signatures: [{ label: 'A <x> <y>', parameters: [{ label: '<x>' }, { label: '<y>' }] }], activeSignature: 0, activeParameter: 1 });
    const full = clientFeatures({ textDocument: { signatureHelp: { signatureInformation: { parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true } } } });
    assert.deepStrictEqual(adaptSignatureHelp({ signatures: [{ label: 'A <x>', parameters: [{ label: [2, 5] }], activeParameter: 0 }] }, full), {
      signatures: [{ label: 'A <x>', parameters: [{ label: [2, 5] }], activeParameter: 0 }],
    });
  });

  it('flattens the outline in document order, children naming their parent', () => {
    const child: DocumentSymbol = { name: 'RUN', kind: SymbolKind.Function, range: range(2, 0, 10), selectionRange: range(2, 0, 3) };
    const stage: DocumentSymbol = { name: 'build', kind: SymbolKind.Class, range: range(1, 0, 10, 2), selectionRange: range(1, 15, 20), children: [child] };
    assert.deepStrictEqual(flattenSymbols([stage], 'file:///w/Dockerfile'), [
      { name: 'build', kind: SymbolKind.Class, location: { uri: 'file:///w/Dockerfile', range: range(1, 0, 10, 2) } },
      { name: 'RUN', kind: SymbolKind.Function, location: { uri: 'file:///w/Dockerfile', range: range(2, 0, 10) }, containerName: 'build' },
    ]);
  });

  it('advertises code actions only to a client that can apply them (literals, or edits sent by the server)', () => {
    const service = { codeActions: () => [] } as unknown as LanguageService;
    assert.strictEqual(serverCapabilities([service], bare, false).codeActionProvider, undefined);
    assert.strictEqual(serverCapabilities([service], bare, false).executeCommandProvider, undefined);
    const commands = serverCapabilities([service], clientFeatures({ workspace: { applyEdit: true } }), false);
    assert.deepStrictEqual([commands.codeActionProvider, commands.executeCommandProvider], [true, { commands: [APPLY_EDIT_COMMAND] }]);
  });

  it('offers code actions as commands that carry their edit', () => {
    const edit = { changes: { 'file:///w/Dockerfile': [{ range: range(0, 12, 14), newText: 'AS' }] } };
    assert.deepStrictEqual(actionsAsCommands([
      { title: 'Change "as" to "AS"', kind: CodeActionKind.QuickFix, edit, isPreferred: true },
      { title: 'Run something', command: { title: 'Run something', command: 'x.run' } },
      { title: 'Nothing to do' },
    ]), [
      { title: 'Change "as" to "AS"', command: APPLY_EDIT_COMMAND, arguments: [edit] },
      { title: 'Run something', command: 'x.run' },
    ]);
  });
});
