import * as assert from 'assert';
import { helpAt } from './support/dockerfileCaret';

/** The text of the active parameter at the `|` (undefined when none is active, null without signature help). */
function parameterAt(marked: string): string | undefined | null {
  const help = helpAt(marked);
  if (!help) return null;
  const signature = help.signatures[help.activeSignature!];
  const parameter = signature.parameters![help.activeParameter!];
  return parameter ? signature.label.slice(...(parameter.label as [number, number])) : undefined;
}

/** The active parameter at each `|` of a template written with several markers. */
function parametersAt(template: string): (string | undefined | null)[] {
  const parts = template.split('|');
  return parts.slice(0, -1).map((_, i) => parameterAt(parts.slice(0, i + 1).join('') + '|' + parts.slice(i + 1).join('')));
}

describe('Dockerfile signature help: active parameter', () => {
  it('follows the flags of COPY and RUN, including one whose name is still being typed', () => {
    assert.deepStrictEqual(parametersAt('FROM alpine\nCOPY --fr|om=build --ch|own=1:1 --li|nk --|'), [
      '[--from=<stage>]',
      '[--chown=<user>:<group>]',
      '[--link]',
      '[--from=<stage>]',
    ]);
    assert.deepStrictEqual(parametersAt('FROM alpine\nRUN --mount=type=cache,|target=/root/.npm --network=no|ne npm ci'), [
      '[--mount=<mount>]...',
      '[--network=<default|none|host>]',
    ]);
    assert.strictEqual(parameterAt('FROM alpine\nCOPY --nope=1| a b'), undefined);
  });

  it('moves from the sources to the destination of COPY and ADD', () => {
    assert.deepStrictEqual(parametersAt('FROM alpine\nCOPY | a| b| c |'), ['<src>...', '<src>...', '<src>...', '<dest>']);
    assert.deepStrictEqual(parametersAt('FROM alpine\nCOPY a |'), ['<dest>']);
    assert.deepStrictEqual(parametersAt('FROM alpine\nADD --checksum=sha256:00 https://x/y.tgz |'), ['<dest>']);
    assert.deepStrictEqual(parametersAt('FROM alpine\nCOPY a| /b'), ['<src>...']);
  });

  it('follows the JSON element under the cursor in the exec form', () => {
    assert.deepStrictEqual(parametersAt('FROM alpine\nCMD [|"node"|, "--x=a,b"|, |"server.js"]|'), [
      '"<executable>"',
      '"<executable>"',
      '"<arg>"',
      '"<arg>"',
      undefined,
    ]);
    assert.deepStrictEqual(parametersAt('FROM alpine\nCOPY ["a b", |"c", |"/d/"]'), ['"<src>"', '"<dest>"']);
    assert.strictEqual(parameterAt('FROM alpine\nSHELL ["/bin/bash", "-c"] |'), undefined);
  });

  it('counts JSON elements across continuation lines and comment lines', () => {
    const text = 'FROM alpine\nENTRYPOINT ["tini", \\\n# "not, counted",\n  "--", |\\\n  "run"]';
    assert.strictEqual(parameterAt(text), '"<arg>"');
    assert.strictEqual(parameterAt('FROM alpine\nRUN ["a", "b\\\\",\\\n  |"c"]'), '"<arg>"');
    assert.strictEqual(parameterAt('FROM alpine\nRUN ["a", "b\\", |"c"]'), '"<arg>"');
  });

  it('tells keys from values in LABEL, ENV and ARG', () => {
    assert.deepStrictEqual(parametersAt('FROM alpine\nLABEL a|=b| c|=|"d e"'), ['<key>', '<value>', '<key>', '<value>']);
    assert.strictEqual(parameterAt('FROM alpine\nLABEL c="d |e"'), '<value>');
    assert.deepStrictEqual(parametersAt('FROM alpine\nENV A=1 |B=|2'), ['<key>', '<value>']);
    assert.deepStrictEqual(parametersAt('FROM alpine\nENV NAME| so|me |value'), ['<key>', '<value>', '<value>']);
    assert.deepStrictEqual(parametersAt('ARG VERSION|=1.|0 |'), ['<name>', '<default>', '<name>']);
  });

  it('splits EXPOSE ports from protocols and USER names from groups', () => {
    assert.deepStrictEqual(parametersAt('FROM alpine\nEXPOSE 80|80/|tcp |53/udp'), ['<port>', '<protocol>', '<port>']);
    assert.deepStrictEqual(parametersAt('FROM alpine\nUSER ap|p:|staff'), ['<user>', '<group>']);
  });

  it('follows FROM from the image to the stage name', () => {
    assert.deepStrictEqual(parametersAt('FROM --platform=|$BUILDPLATFORM golang:1.2|3 A|S bui|ld'), [
      '[--platform=<platform>]',
      '<image>[:<tag>|@<digest>]',
      '[AS <name>]',
      '[AS <name>]',
    ]);
  });

  it('has one parameter for the one-operand instructions', () => {
    assert.strictEqual(parameterAt('FROM alpine\nWORKDIR /sr|v'), '<path>');
    assert.strictEqual(parameterAt('FROM alpine\nMAINTAINER me|'), '<name>');
    assert.deepStrictEqual(parametersAt('FROM alpine\nVOLUME /a |/b'), ['<path>']);
  });

  it('follows shell words on continuation lines', () => {
    assert.strictEqual(parameterAt('FROM alpine\nCOPY a \\\n  b \\\n  |/c/'), '<dest>');
    assert.strictEqual(parameterAt('FROM alpine\nCOPY a \\\n  |b \\\n  /c/'), '<src>...');
  });
});
