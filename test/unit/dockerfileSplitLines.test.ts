// splitLinesAfterEdit: the lines of a new version, the untouched ones taken from the previous version.
import * as assert from 'assert';
import { splitLines, splitLinesAfterEdit } from '../../server/src/dockerfile/parseText';
describe('Dockerfile lines after an edit (the unchanged lines are the previous version\'s strings)', () => {
  it('gives what splitting the new text gives, for 20,000 random edits of small documents', () => {
    let seed = 5; const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pieces = ['a', 'b', '\n', '\n\n', 'RUN x', ' ', '\\', 'FROM a AS b\n'];
    for (let k = 0; k < 20000; k++) {
      let old = ''; const len = Math.floor(rnd() * 12);
      for (let i = 0; i < len; i++) old += pieces[Math.floor(rnd() * pieces.length)];
      let t = old;
      const ops = 1 + Math.floor(rnd() * 3);
      for (let o = 0; o < ops; o++) {
        const p = Math.floor(rnd() * (t.length + 1));
        if (rnd() < 0.5) t = t.slice(0, p) + pieces[Math.floor(rnd() * pieces.length)] + t.slice(p);
        else t = t.slice(0, p) + t.slice(p + 1 + Math.floor(rnd() * 3));
      }
      const got = splitLinesAfterEdit(t, splitLines(old));
      assert.deepStrictEqual(got, splitLines(t), JSON.stringify({ old, t }));
    }
  });

  it('keeps the previous strings around a one-character edit, and splits text with carriage returns anew', () => {
    const old = ['FROM a', 'RUN b', 'RUN c'];
    const lines = splitLinesAfterEdit('FROM a\nRUN bb\nRUN c', old);
    assert.deepStrictEqual(lines, ['FROM a', 'RUN bb', 'RUN c']);
    assert.ok(lines[0] === old[0] && lines[2] === old[2]);
    assert.deepStrictEqual(splitLinesAfterEdit('FROM a\r\nRUN b\rRUN c', old), ['FROM a', 'RUN b', 'RUN c']);
  });
});
