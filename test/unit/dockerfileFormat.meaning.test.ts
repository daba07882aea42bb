// Document formatting never changes what a Dockerfile means: heredocs, JSON arrays, quoted strings, words split
// over lines, arguments taken as one string, shell quoting, the backtick escape; and it refuses an open heredoc.
import * as assert from 'assert';
import { formatDockerfile } from '../../server/src/dockerfile/format';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { edits, format, SPACES } from './support/dockerfileFormat';

/** The joined arguments of instruction `index`, before and after formatting. */
function argsText(text: string, index: number): string | undefined {
  return parseDockerfile(text).instructions[index].argsText?.value;
}

describe('Dockerfile formatting: meaning', () => {
  it('leaves heredoc bodies and closing lines exactly as written, trailing blanks included', () => {
    const text = 'FROM alpine\n  RUN <<EOF  \n  echo a  \n\t\n  EOF\nEOF\n  COPY <<-END /x\n\t\tb  \n\tEND\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN <<EOF\n  echo a  \n\t\n  EOF\nEOF\nCOPY <<-END /x\n\t\tb  \n\tEND\n');
  });

  it('reads a heredoc opener on a continuation line, and leaves the body after it', () => {
    const text = 'FROM alpine\nRUN --network=none \\\n  <<EOF  \n  x  \nEOF\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN --network=none \\\n    <<EOF\n  x  \nEOF\n');
  });

  it('leaves JSON arrays with odd spacing alone, and indents their continuation lines outside strings', () => {
    assert.deepStrictEqual(edits('FROM alpine\nCMD [ "a" ,\t"b"   ]\n'), []);
    const text = 'FROM alpine\nENTRYPOINT ["a", \\\n        "b",  \\\n"c"]\nCMD ["x \\\n   y"]\n';
    assert.strictEqual(format(text), 'FROM alpine\nENTRYPOINT ["a", \\\n    "b",  \\\n    "c"]\nCMD ["x \\\n   y"]\n');
    assert.deepStrictEqual(parseDockerfile(format(text)).instructions[1].json?.map((t) => t.value), ['a', 'b', 'c']);
    assert.strictEqual(parseDockerfile(format(text)).instructions[2].json?.[0].value, 'x    y');
    // Right after a comma (no blank before the line break): blanks between JSON strings mean nothing.
    assert.strictEqual(format('FROM alpine\nCMD ["a",\\\n"b"]\n'), 'FROM alpine\nCMD ["a",\\\n    "b"]\n');
  });

  it('keeps the indentation of a line that continues a quoted string', () => {
    const text = 'FROM alpine\nRUN echo "a \\\n   b" \\\n  && echo \'c \\\n  d\'\nENV A="1 \\\n  2" B=3\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN echo "a \\\n   b" \\\n    && echo \'c \\\n  d\'\nENV A="1 \\\n  2" B=3\n');
    assert.strictEqual(parseDockerfile(format(text)).instructions[2].pairs[0].value?.value, '"1   2"');
  });

  it('never splits a word that goes on at the start of the next line', () => {
    const text = 'FROM alpine\nRUN --mount=type=cache,\\\ntarget=/root/.cache make\nCOPY a\\\nb /c\n';
    assert.strictEqual(format(text), text);
    assert.strictEqual(parseDockerfile(text).instructions[1].flags[0].value, 'type=cache,target=/root/.cache');
  });

  it('indents a line that starts a new word even when the line above does not end with a blank', () => {
    assert.strictEqual(format('FROM alpine\nRUN make\\\n  all\n'), 'FROM alpine\nRUN make\\\n    all\n');
    assert.strictEqual(format('FROM alpine\nRUN make \\\nall\n'), 'FROM alpine\nRUN make \\\n    all\n');
  });

  it('keeps arguments that BuildKit takes as one string as written (WORKDIR, USER, legacy ENV ...)', () => {
    const text = 'FROM alpine\nWORKDIR /my \\\n  dir\nENV PATH \\\n   /a \\\n   /b\nLABEL x \\\n y\n';
    assert.strictEqual(format(text), text);
  });

  it('indents the lines before such an argument starts', () => {
    assert.strictEqual(format('FROM alpine\nWORKDIR \\\n  /my \\\n  dir\n'), 'FROM alpine\nWORKDIR \\\n    /my \\\n  dir\n');
  });

  it('follows the shell: a quoted command substitution keeps its lines, a plain one is indented', () => {
    const quoted = 'FROM alpine\nRUN x="$(echo "a \\\n   b")"\n';
    assert.strictEqual(format(quoted), quoted);
    assert.strictEqual(format('FROM alpine\nRUN x=$(echo a \\\n  | tr a b) \\\n  && echo $x\n'), 'FROM alpine\nRUN x=$(echo a \\\n    | tr a b) \\\n    && echo $x\n');
    const ansi = "FROM alpine\nRUN printf $'a\\' \\\n  b'\n";
    assert.strictEqual(format(ansi), ansi);
    const backticks = 'FROM alpine\nRUN x=`date` && \\\n  echo $x\n';
    assert.strictEqual(format(backticks), backticks);
  });

  it('keeps the lines of a parameter expansion, whose pattern may hold blanks', () => {
    const text = 'FROM alpine\nRUN echo ${A// \\\n  /_}\n';
    assert.strictEqual(format(text), text);
  });

  it('uses the stage\'s SHELL: PowerShell quoting, and no change for shells it does not know', () => {
    // A backtick is PowerShell's escape character, but starts a command substitution in a POSIX shell.
    const run = 'RUN Write-Host a`tb \\\n  ; Write-Host c\nRUN Write-Host \'x \\\n  y\'\n';
    const pwsh = 'FROM alpine\nSHELL ["pwsh", "-Command"]\n' + run;
    assert.strictEqual(format(pwsh), 'FROM alpine\nSHELL ["pwsh", "-Command"]\nRUN Write-Host a`tb \\\n    ; Write-Host c\nRUN Write-Host \'x \\\n  y\'\n');
    assert.strictEqual(format('FROM alpine\n' + run), 'FROM alpine\n' + run);
    const cmd = 'FROM alpine\nSHELL ["cmd", "/S", "/C"]\nRUN echo a \\\n  b\n';
    assert.strictEqual(format(cmd), cmd);
    const inherited = 'FROM alpine AS base\nSHELL ["cmd", "/S", "/C"]\nFROM base\nRUN echo a \\\n  b\nFROM alpine\nRUN echo a \\\n  b\n';
    assert.strictEqual(format(inherited), 'FROM alpine AS base\nSHELL ["cmd", "/S", "/C"]\nFROM base\nRUN echo a \\\n  b\nFROM alpine\nRUN echo a \\\n    b\n');
  });

  it('leaves shell commands of Windows images alone (cmd echoes blanks as written)', () => {
    const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a \\\n  b\nCOPY a \\\n  b /c/\n';
    assert.strictEqual(format(text), 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a \\\n  b\nCOPY a \\\n    b /c/\n');
  });

  it('uses the backtick escape of the escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a `  \n  b C:\\dir\\  \nRUN dir `\n  C:\\\n';
    assert.strictEqual(format(text), '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a `\n    b C:\\dir\\\nRUN dir `\n  C:\\\n');
    assert.deepStrictEqual(parseDockerfile(format(text)).instructions[1].args.map((a) => a.value), ['a', 'b', 'C:\\dir\\']);
  });

  it('keeps an escaped blank before the escape: the next word stays joined to it', () => {
    const text = 'FROM alpine\nCOPY my\\ \\\nfile /x\n';
    assert.strictEqual(format(text), text);
    assert.strictEqual(argsText(text, 1), 'my\\ file /x');
  });

  it('keeps an escaped escape at the end of a line: the line does not continue, trailing blanks go', () => {
    const text = 'FROM alpine\nRUN echo \\\\  \n  RUN b\n';
    assert.strictEqual(format(text), 'FROM alpine\nRUN echo \\\\\nRUN b\n');
  });

  it('indents ONBUILD triggers by the trigger\'s rules', () => {
    const text = 'FROM alpine\nONBUILD ENV A=1 \\\n  B=2\nONBUILD RUN echo a \\\n  b\nONBUILD WORKDIR /a \\\n  b\n';
    assert.strictEqual(format(text), 'FROM alpine\nONBUILD ENV A=1 \\\n    B=2\nONBUILD RUN echo a \\\n    b\nONBUILD WORKDIR /a \\\n  b\n');
  });

  it('refuses to format while a heredoc has no closing line, whole document or range', () => {
    const model = parseDockerfile('FROM alpine\n  RUN <<EOF\necho a\n');
    const expected = { refused: 'The Dockerfile was not formatted: the heredoc <<EOF opened on line 2 has no closing "EOF" line, so every line after it is part of its body. Add the closing line, then format again.' };
    assert.deepStrictEqual(formatDockerfile(model, SPACES), expected);
    assert.deepStrictEqual(formatDockerfile(model, SPACES, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }), expected);
  });
});
