import * as assert from 'assert';
import { SIGNATURES } from '../../server/src/dockerfile/docs/signatures';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { signatureHelp } from '../../server/src/dockerfile/signatureHelp';
import { helpAt } from './support/dockerfileCaret';

/** [active signature index, its label, the text of the active parameter (undefined when none is active)]. */
function active(marked: string): [number, string, string | undefined] | null {
  const help = helpAt(marked);
  if (!help) return null;
  const signature = help.signatures[help.activeSignature!];
  const parameter = signature.parameters![help.activeParameter!];
  assert.strictEqual(signature.activeParameter, help.activeParameter);
  return [help.activeSignature!, signature.label, parameter ? signature.label.slice(...(parameter.label as [number, number])) : undefined];
}

const COPY_FLAGS = '[--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--parents] [--exclude=<pattern>]...';
const RUN_FLAGS = '[--mount=<mount>]... [--network=<default|none|host>] [--security=<sandbox|insecure>] [--device=<device>]...';
const HEALTHCHECK_FLAGS = '[--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>]';

describe('Dockerfile signature help: signatures', () => {
  it('answers with the exact LSP signature, markdown documentation and parameter offsets', () => {
    assert.deepStrictEqual(helpAt('FROM alpine\nSTOPSIGNAL |'), {
      signatures: [
        {
          label: 'STOPSIGNAL <signal>',
          documentation: { kind: 'markdown', value: 'Sets the signal sent to the container to stop it.' },
          parameters: [
            {
              label: [11, 19],
              documentation: { kind: 'markdown', value: 'A signal name such as `SIGQUIT` (the `SIG` prefix is optional) or its number. The default is SIGTERM.' },
            },
          ],
          activeParameter: 0,
        },
      ],
      activeSignature: 0,
      activeParameter: 0,
    });
  });

  it('lists the flags of the flag table as parameters, with their documentation', () => {
    const help = helpAt('FROM alpine\nCOPY --chown=|')!;
    const shell = help.signatures[0];
    assert.strictEqual(shell.label, `COPY ${COPY_FLAGS} <src>... <dest>`);
    assert.deepStrictEqual(
      shell.parameters!.map((p) => shell.label.slice(...(p.label as [number, number]))),
      ['[--from=<stage>]', '[--chown=<user>:<group>]', '[--chmod=<perms>]', '[--link]', '[--parents]', '[--exclude=<pattern>]...', '<src>...', '<dest>'],
    );
    assert.deepStrictEqual(shell.parameters![3].documentation, {
      kind: 'markdown',
      value: 'Copies into a layer of its own that does not depend on the layers below it.\n\nDefault: `false`.',
    });
    assert.deepStrictEqual(shell.parameters![5].documentation, {
      kind: 'markdown',
      value: 'Leaves out the files that match a pattern.\n\nMay be given more than once.',
    });
    assert.strictEqual(help.activeParameter, 1);
    assert.strictEqual(help.signatures[1].label, `COPY ${COPY_FLAGS} ["<src>", ..., "<dest>"]`);
  });

  it('finds every parameter of every signature in its label, in order', () => {
    for (const [name, signatures] of Object.entries(SIGNATURES)) {
      for (const signature of signatures) {
        let from = 0;
        for (const parameter of signature.parameters) {
          const at = signature.label.indexOf(parameter.label, from);
          assert.ok(at >= 0, `${name}: ${parameter.label} in ${signature.label}`);
          from = at + parameter.label.length;
        }
      }
    }
  });

  it('chooses the exec form when the arguments start with [', () => {
    assert.deepStrictEqual(active('FROM alpine\nRUN ["apt-get", |'), [1, `RUN ${RUN_FLAGS} ["<executable>", "<arg>", ...]`, '"<arg>"']);
    assert.deepStrictEqual(active('FROM alpine\nRUN apt-get |'), [0, `RUN ${RUN_FLAGS} <command>`, '<command>']);
    assert.deepStrictEqual(active('FROM alpine\nENTRYPOINT ["/entry.sh"|]'), [0, 'ENTRYPOINT ["<executable>", "<arg>", ...]', '"<executable>"']);
    assert.deepStrictEqual(active('FROM alpine\nENTRYPOINT /entry.sh |'), [1, 'ENTRYPOINT <command>', '<command>']);
    assert.deepStrictEqual(active('FROM alpine\nCMD nginx -g |'), [2, 'CMD <command>', '<command>']);
    assert.deepStrictEqual(active('FROM alpine\nVOLUME ["/data", |'), [0, 'VOLUME ["<path>", ...]', '"<path>"']);
    assert.deepStrictEqual(active('FROM alpine\nVOLUME /data |'), [1, 'VOLUME <path> [<path>...]', '<path>']);
  });

  it('offers the JSON form first for CMD and ENTRYPOINT before anything is typed', () => {
    assert.deepStrictEqual(active('FROM alpine\nCMD |'), [0, 'CMD ["<executable>", "<arg>", ...]', '"<executable>"']);
    assert.deepStrictEqual(
      helpAt('FROM alpine\nCMD |')!.signatures.map((s) => s.label),
      ['CMD ["<executable>", "<arg>", ...]', 'CMD ["<arg>", ...]', 'CMD <command>'],
    );
    assert.deepStrictEqual(active('FROM alpine\nRUN |'), [0, `RUN ${RUN_FLAGS} <command>`, '<command>']);
  });

  it('keeps the signature the user picked while the form is still open', () => {
    const model = parseDockerfile('FROM alpine\nCMD ');
    const position = { line: 1, character: 4 };
    const first = signatureHelp(model, position)!;
    const picked = { ...first, activeSignature: 2 };
    const again = signatureHelp(model, position, { triggerKind: 3, isRetrigger: true, activeSignatureHelp: picked })!;
    assert.strictEqual(again.activeSignature, 2);
    assert.strictEqual(again.activeParameter, 0);
    const typed = signatureHelp(parseDockerfile('FROM alpine\nCMD ['), { line: 1, character: 5 }, { triggerKind: 3, isRetrigger: true, activeSignatureHelp: picked })!;
    assert.strictEqual(typed.activeSignature, 0);
  });

  it('shows the legacy ENV form for `ENV NAME value`', () => {
    assert.deepStrictEqual(active('FROM alpine\nENV PATH |'), [1, 'ENV <key> <value>', '<value>']);
    assert.deepStrictEqual(active('FROM alpine\nENV PATH=|'), [0, 'ENV <key>=<value> [<key>=<value>...]', '<value>']);
  });

  it('has a CMD form and a NONE form for HEALTHCHECK', () => {
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK --interval=5s |'), [0, `HEALTHCHECK ${HEALTHCHECK_FLAGS} CMD <command>`, 'CMD']);
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK CMD curl -f |'), [0, `HEALTHCHECK ${HEALTHCHECK_FLAGS} CMD <command>`, '<command>']);
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK CMD ["/probe", |'), [1, `HEALTHCHECK ${HEALTHCHECK_FLAGS} CMD ["<executable>", "<arg>", ...]`, '"<arg>"']);
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK CMD |'), [0, `HEALTHCHECK ${HEALTHCHECK_FLAGS} CMD <command>`, '<command>']);
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK no|'), [2, 'HEALTHCHECK NONE', 'NONE']);
    assert.deepStrictEqual(active('FROM alpine\nHEALTHCHECK --retr|'), [0, `HEALTHCHECK ${HEALTHCHECK_FLAGS} CMD <command>`, '[--retries=<n>]']);
  });

  it("shows the trigger instruction's signature inside ONBUILD", () => {
    assert.deepStrictEqual(active('FROM alpine\nONBUILD |'), [0, 'ONBUILD <INSTRUCTION> <arguments>', '<INSTRUCTION>']);
    assert.deepStrictEqual(active('FROM alpine\nONBUILD CO|'), [0, 'ONBUILD <INSTRUCTION> <arguments>', '<INSTRUCTION>']);
    assert.deepStrictEqual(active('FROM alpine\nONBUILD COPY --chown=app . |'), [0, `ONBUILD COPY ${COPY_FLAGS} <src>... <dest>`, '<dest>']);
    assert.deepStrictEqual(active('FROM alpine\nONBUILD RUN ["make", |'), [1, `ONBUILD RUN ${RUN_FLAGS} ["<executable>", "<arg>", ...]`, '"<arg>"']);
    assert.deepStrictEqual(active('FROM alpine\nONBUILD FROM |'), [0, 'ONBUILD <INSTRUCTION> <arguments>', '<arguments>']);
    const help = helpAt('FROM alpine\nONBUILD WORKDIR |')!;
    assert.deepStrictEqual(help.signatures[0].parameters![0].label, [16, 22]);
  });

  it('gives nothing outside an instruction, on its keyword, in comments or in heredoc bodies', () => {
    assert.strictEqual(helpAt('FROM alpine\n\n|\nRUN make'), null);
    assert.strictEqual(helpAt('FROM alpine\n# RUN |'), null);
    assert.strictEqual(helpAt('FROM alpine\nRU|N make'), null);
    assert.strictEqual(helpAt('FROM alpine\nRUN|'), null);
    assert.strictEqual(helpAt('FROM alpine\nRUN make \\\n  # a comment |\n  install'), null);
    assert.strictEqual(helpAt('FROM alpine\nRUN <<EOF\napt-get |update\nEOF'), null);
    assert.strictEqual(helpAt('FROM alpine\nCOPY <<EOF /x\nEOF|'), null);
    assert.strictEqual(helpAt('FROM alpine\nFOO |bar'), null);
    assert.strictEqual(helpAt('|'), null);
  });

  it('never throws on broken input or odd positions', () => {
    const model = parseDockerfile('FROM alpine\nRUN ["a", "b\\\n  # c\n  ,]\nHEALTHCHECK CMD [\nONBUILD\n');
    for (const position of [
      { line: -1, character: 0 },
      { line: 1, character: 10_000 },
      { line: 2, character: 3 },
      { line: 99, character: 1 },
      { line: 0.5, character: 1 },
      { line: 3, character: 17 },
      { line: 4, character: 8 },
    ]) {
      assert.doesNotThrow(() => signatureHelp(model, position));
    }
    assert.strictEqual(signatureHelp(model, { line: -1, character: 0 }), null);
  });
});
