// Signature help, document links and inlay hints over every Dockerfile of the real-world corpus: they never
// throw and every answer is well formed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { inlayHints } from '../../server/src/dockerfile/inlayHints';
import { documentLinks } from '../../server/src/dockerfile/links';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { signatureHelp } from '../../server/src/dockerfile/signatureHelp';
import { corpusFiles, corpusFolder } from './support/corpus';

function corpus(): { name: string; model: DockerfileModel }[] {
  return corpusFiles().map((file) => ({ name: path.basename(file), model: parseDockerfile(fs.readFileSync(file, 'utf8')) }));
}

function inside(model: DockerfileModel, range: Range): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < model.lines.length && p.character >= 0 && p.character <= model.lines[p.line].length;
  return ok(range.start) && ok(range.end);
}

describe('Dockerfile signature help, links and inlay hints on the corpus', () => {
  const files = corpus();

  it('finds the corpus', () => {
    assert.ok(files.length > 100, `Dockerfiles in ${corpusFolder()}`);
  });

  it('answers signature help anywhere with well-formed results, and nothing on comment lines', () => {
    let answered = 0;
    for (const { name, model } of files) {
      const comments = new Set(model.comments.map((c) => c.range.start.line));
      model.lines.forEach((text, line) => {
        for (const character of [0, text.length >> 1, text.length, text.length + 3]) {
          const help = signatureHelp(model, { line, character });
          if (comments.has(line)) assert.strictEqual(help, null, `${name}:${line + 1}: comment line`);
          if (!help) continue;
          answered++;
          const where = `${name}:${line + 1}:${character}`;
          assert.ok(help.activeSignature! >= 0 && help.activeSignature! < help.signatures.length, where);
          for (const signature of help.signatures) {
            let last = 0;
            for (const parameter of signature.parameters ?? []) {
              const [start, end] = parameter.label as [number, number];
              assert.ok(start >= last && end > start && end <= signature.label.length, `${where}: parameter offsets of ${signature.label}`);
              last = end;
            }
            assert.ok(signature.activeParameter! >= 0 && signature.activeParameter! <= signature.parameters!.length, where);
          }
        }
      });
    }
    assert.ok(answered > 10_000, `answers: ${answered}`);
  });

  it('gives links with ranges in the document and absolute targets', () => {
    let images = 0;
    for (const { name, model } of files) {
      const links = documentLinks(model, { uri: `file:///corpus/${name}`, fileExists: () => true });
      for (const link of links) {
        assert.ok(inside(model, link.range), `${name}: link range`);
        assert.match(link.target!, /^(https:\/\/|file:\/\/\/corpus\/)/, name);
        if (link.target!.startsWith('https://')) images++;
      }
    }
    assert.ok(images > 300, `image links: ${images}`);
  });

  it('gives inlay hints inside the document, each with a value and its origin', () => {
    let count = 0;
    const everywhere: Range = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
    for (const { name, model } of files) {
      for (const hint of inlayHints(model, everywhere)) {
        count++;
        assert.ok(inside(model, { start: hint.position, end: hint.position }), `${name}: hint position`);
        assert.match(hint.label as string, /^= \S/, name);
        assert.match(hint.tooltip as string, /^(ARG |\w+ is not declared)/, name);
      }
    }
    assert.ok(count > 20, `hints: ${count}`);
  });
});
