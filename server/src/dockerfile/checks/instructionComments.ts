// The comment lines BuildKit attaches to an instruction, and the `# check=` among them. Pure.
//
// What "directly above" means, from BuildKit's Dockerfile parser (frontend/dockerfile/parser/parser.go, the
// version with lint warnings): while reading the file it collects every comment line it meets and hands
// the collection to the next instruction (Node.PrevComment), then starts over. So an instruction's comments
// are all the comment lines between the previous instruction and it, with three exceptions:
//   - parser directives at the top of the file are taken out (they configure the whole file);
//   - an empty comment (`#` alone) throws away what was collected so far;
//   - comment lines inside a continuation belong to that instruction's text, not to the next one.
// A blank line does NOT separate a comment from the instruction below it (the parser skips blank lines
// without touching the collection), even though the InvalidDefinitionDescription page suggests an empty
// line; we follow the code, which is what `docker build --check` runs. Several comment lines may be
// attached; for `# check=` the first one among them counts (BuildKit's WithMergedConfigFromComments), its
// value read up to the first blank, and a value that does not parse is ignored.
import { parseCheckDirective, type CheckDirectiveValue } from '../docs/directives';
import type { Comment, DockerfileModel, Instruction } from '../model';
import { perModel } from '../../util/perModel';

export interface AttachedComments {
  instruction: Instruction;
  /** The attached comment lines, in file order. */
  comments: Comment[];
}

/**
 * Every top-level instruction with the comments BuildKit attaches to it (possibly none). Made once per model (the
 * check configuration and InvalidDefinitionDescription both read it).
 */
export const attachedComments: (model: DockerfileModel) => readonly AttachedComments[] = perModel(attach);

const NO_COMMENTS: Comment[] = Object.freeze([]) as unknown as Comment[];

function attach(model: DockerfileModel): AttachedComments[] {
  const out: AttachedComments[] = [];
  let c = 0;
  let previousEnd = -1;
  const instructions = model.instructions;
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const start = instruction.range.start.line;
    // Most instructions have no comment above them: they share one empty list.
    let comments: Comment[] = NO_COMMENTS;
    for (; c < model.comments.length && model.comments[c].range.start.line < start; c++) {
      const comment = model.comments[c];
      if (comment.range.start.line <= previousEnd) continue;
      if (commentBody(comment) === '') comments = NO_COMMENTS;
      else if (comments === NO_COMMENTS) comments = [comment];
      else comments.push(comment);
    }
    out.push({ instruction, comments });
    previousEnd = instruction.range.end.line;
    while (c < model.comments.length && model.comments[c].range.start.line <= previousEnd) c++;
  }
  return out;
}

/** The comment's text after `#`, trimmed (as BuildKit keeps it). */
export function commentBody(comment: Comment): string {
  return comment.text.trim().replace(/^#/, '').trim();
}

const CHECK_COMMENT = /^#\s*check\s*=\s*(\S*)/i;

/** The first `# check=` comment among `comments`, or undefined. */
export function checkComment(comments: readonly Comment[]): { comment: Comment; value: string } | undefined {
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i];
    const match = CHECK_COMMENT.exec(comment.text.trim());
    if (match) return { comment, value: match[1] };
  }
  return undefined;
}

/** The check configuration of an instruction's own `# check=` comment, when it has one that parses. */
export function instructionCheckConfig(comments: readonly Comment[]): CheckDirectiveValue | undefined {
  const found = checkComment(comments);
  if (!found) return undefined;
  const parsed = parseCheckDirective(found.value);
  return parsed.problems.length === 0 ? parsed : undefined;
}
