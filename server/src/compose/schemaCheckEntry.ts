// The schema check of one entry directly under a top-level map (a service, a volume ...): its findings are
// remembered with its block and reused, moved, in later versions of the document while nothing it depends on
// changed (see checkEntry). Split from schemaCheck.ts, whose walk it calls back.
import type { Pair, Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../diagnostics/types';
import type { KeyDoc } from './schema';
import type { Recording, Walk } from './schemaCheckWalk';

/** schemaCheck.ts's walk of a value against its key's metadata. */
export type CheckValue = (walk: Walk, node: unknown, doc: KeyDoc, place: Pair) => void;

/** The findings of one entry's walk, remembered with its block (see `checkEntry`). */
interface EntryWalk {
  doc: KeyDoc;
  /** Where the entry's key was when it was walked. */
  line: number;
  character: number;
  findings: Finding[];
  recording: Recording;
}

/**
 * An entry directly under a top-level map (a service, a volume ...), i.e. a block of the model: its walk is
 * remembered with the block (model.memo) and repeated in later versions, its findings moved by as many lines
 * as the block moved, when the walk stayed inside the entry's own nodes: no anchor among them, every alias it
 * followed still names the node it named then and leads to a node already checked here, and the alias
 * budget is not running out. Otherwise the entry is walked as usual.
 */
export function checkEntry(walk: Walk, pair: Pair, keyNode: Scalar, child: KeyDoc, check: CheckValue): void {
  const model = walk.model;
  if (!model || walk.expanding > 0 || walk.exact || walk.recording || walk.path.length !== 2) return check(walk, pair.value, child, pair);
  const at = model.rangeOf(keyNode).start;
  let fresh = false;
  const remembered = model.memo(keyNode, `schema ${String(walk.path[0])}`, (): EntryWalk => {
    fresh = true;
    const recording: Recording = { aliases: [], alreadyChecked: [], replayable: true };
    const before = walk.findings.length;
    const budget = walk.budget;
    walk.recording = recording;
    try {
      check(walk, pair.value, child, pair);
    } finally {
      walk.recording = undefined;
    }
    const findings = walk.findings.slice(before);
    if (walk.budget <= 0 || budget - walk.budget !== recording.aliases.length || walk.exact) recording.replayable = false;
    // Findings at nodes outside the entry (the top of the file) cannot be moved with it.
    const span = model.rangeOf(pair);
    if (findings.some((f) => f.range.start.line < span.start.line || f.range.end.line > span.end.line)) recording.replayable = false;
    return { doc: child, line: at.line, character: at.character, findings: findings.map((f) => moved(f, 0)), recording };
  });
  if (fresh) return;
  const { recording } = remembered;
  const replayable =
    recording.replayable &&
    remembered.doc === child &&
    remembered.character === at.character &&
    walk.budget >= recording.aliases.length &&
    recording.aliases.every(([alias, target]) => walk.anchors.get(alias.source) === target) &&
    recording.alreadyChecked.every(([node, doc]) => walk.checked.get(node)?.has(doc));
  if (!replayable) return check(walk, pair.value, child, pair);
  walk.budget -= recording.aliases.length;
  const lines = at.line - remembered.line;
  for (const finding of remembered.findings) walk.findings.push(moved(finding, lines));
}

/** A copy of the finding, `lines` lines further down. */
function moved(finding: Finding, lines: number): Finding {
  const shift = (range: Range): Range => ({ start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } });
  const copy: Finding = { ...finding, range: shift(finding.range) };
  if (finding.fix) copy.fix = { ...finding.fix, range: shift(finding.fix.range) };
  if (finding.tags) copy.tags = [...finding.tags];
  return copy;
}
