import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { prepareRename, rename } from '../../server/src/dockerfile/rename';
import type { Refusal } from '../../server/src/service/LanguageService';

const URI = 'file:///w/Dockerfile';

/** The model of the text without its `|`, and the position of the `|`. */
function at(marked: string): { text: string; model: DockerfileModel; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  const text = marked.replace('|', '');
  return { text, model: parseDockerfile(text), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function r(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The document after the rename at the `|`, or the refusal. */
function renamed(marked: string, newName: string): string | Refusal {
  const { text, model, position } = at(marked);
  const result = rename(model, URI, position, newName);
  if ('refused' in result) return result;
  const edits = (result as WorkspaceEdit).changes![URI];
  return TextDocument.applyEdits(TextDocument.create(URI, 'dockerfile', 1, text), edits);
}

function prepared(marked: string): ReturnType<typeof prepareRename> {
  const { model, position } = at(marked);
  return prepareRename(model, position);
}

function lines(...text: string[]): string {
  return text.join('\n');
}

describe('Dockerfile rename: build variables', () => {
  it('renames a global ARG with FROM uses and stage redeclarations, not a use out of its scope', () => {
    const text = lines(
      'ARG VER|SION=1.0',
      'FROM alpine:${VERSION} AS build',
      'ARG VERSION',
      'RUN echo "$VERSION" > /version',
      'FROM alpine',
      'RUN echo ${VERSION:-none}',
    );
    assert.strictEqual(renamed(text, 'RELEASE'), lines(
      'ARG RELEASE=1.0',
      'FROM alpine:${RELEASE} AS build',
      'ARG RELEASE',
      'RUN echo "$RELEASE" > /version',
      'FROM alpine',
      'RUN echo ${VERSION:-none}',
    ));
    const fromStage = text.replace('VER|SION', 'VERSION').replace('ARG VERSION\n', 'ARG VERS|ION\n');
    assert.strictEqual(renamed(fromStage, 'RELEASE'), renamed(text, 'RELEASE'));
  });

  it('renames ENV inherited through FROM <stage> where the child reads it', () => {
    const text = lines('FROM alpine AS base', 'ENV APP_HOME=/opt/app', 'FROM base', 'WORKDIR $APP_|HOME', 'FROM alpine', 'WORKDIR $APP_HOME');
    assert.strictEqual(renamed(text, 'APP_DIR'), lines('FROM alpine AS base', 'ENV APP_DIR=/opt/app', 'FROM base', 'WORKDIR $APP_DIR', 'FROM alpine', 'WORKDIR $APP_HOME'));
  });

  it('renames every declaration and use of a stage, in shell text, modifiers, triggers and heredoc bodies', () => {
    const text = lines(
      'FROM alpine',
      'ENV MODE=debug',
      'RUN [ "$MODE" = debug ] && echo ${MODE:+on}',
      'ENV MODE=release LEVEL=${MODE}',
      'ONBUILD RUN echo $MODE',
      'COPY <<EOF /etc/mode',
      'mode=$MODE',
      'EOF',
      'CMD echo $MO|DE',
    );
    assert.strictEqual(renamed(text, 'PROFILE'), lines(
      'FROM alpine',
      'ENV PROFILE=debug',
      'RUN [ "$PROFILE" = debug ] && echo ${PROFILE:+on}',
      'ENV PROFILE=release LEVEL=${PROFILE}',
      'ONBUILD RUN echo $PROFILE',
      'COPY <<EOF /etc/mode',
      'mode=$PROFILE',
      'EOF',
      'CMD echo $PROFILE',
    ));
  });

  it('prepares the variable name only, as written', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nARG V=1\nRUN echo ${V|:-x}'), { range: r(2, 11, 12), placeholder: 'V' });
  });

  it('refuses a name that is not a variable name', () => {
    const text = 'FROM alpine\nARG V|=1';
    const message = (name: string) => ({ refused: `"${name}" is not a valid variable name: use letters, digits and "_", and do not start with a digit.` });
    assert.deepStrictEqual(renamed(text, '1X'), message('1X'));
    assert.deepStrictEqual(renamed(text, 'A-B'), message('A-B'));
    assert.deepStrictEqual(renamed(text, 'A B'), message('A B'));
    assert.deepStrictEqual(renamed(text, ''), message(''));
    assert.strictEqual(renamed(text, '_x9'), 'FROM alpine\nARG _x9=1');
  });

  it('refuses predefined ARGs, and predefined names as new names', () => {
    const predefined = { refused: 'TARGETARCH is predefined by BuildKit, which sets it by that name; it cannot be renamed.' };
    assert.deepStrictEqual(prepared('FROM alpine\nARG TARGETARCH\nRUN echo $TARGET|ARCH'), predefined);
    assert.deepStrictEqual(prepared('FROM --platform=$BUILD|PLATFORM alpine'), {
      refused: 'BUILDPLATFORM is predefined by BuildKit, which sets it by that name; it cannot be renamed.',
    });
    assert.deepStrictEqual(renamed('FROM alpine\nARG |PROXY=x', 'HTTP_PROXY'), { refused: 'HTTP_PROXY is predefined by BuildKit; choose another name.' });
  });

  it('refuses a name already used where the variable is visible', () => {
    const text = 'FROM alpine\nENV MODE=debug\nRUN echo $MO|DE $LEVEL\nFROM alpine\nENV OTHER=1';
    assert.deepStrictEqual(renamed(text, 'LEVEL'), { refused: 'A variable named LEVEL is already used where MODE is visible (line 3); renaming would merge the two.' });
    assert.strictEqual(renamed(text, 'OTHER'), 'FROM alpine\nENV OTHER=debug\nRUN echo $OTHER $LEVEL\nFROM alpine\nENV OTHER=1', 'another stage is another scope');
  });

  it('refuses a variable the file does not declare', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nRUN echo $HO|ME'), {
      refused: 'HOME is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.',
    });
    assert.deepStrictEqual(prepared('ARG V=1\nFROM alpine\nRUN echo $|V'), {
      refused: 'V is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.',
    });
  });

  it('refuses a variable whose name is split by a line continuation somewhere', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nENV A|B=1\nRUN echo $A\\\nB'), {
      refused: '"AB" is written on line 3 in a way rename cannot edit safely (split by a line continuation, quoted or escaped); change it by hand.',
    });
  });
});
