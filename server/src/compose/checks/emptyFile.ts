// empty-file (error): a compose file with nothing in it (empty, only comments, only `---` or `{}`). Compose
// refuses to load it on its own ("empty compose file"); merged onto other files (an overlay) it is fine.
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeCheck } from './types';

export const emptyFileCheck: ComposeCheck = ({ model, overlay, baseModels }) => {
  if (overlay || baseModels.length > 0) return [];
  const root = model.root;
  const empty = !root || (isScalar(root) && (root.value === null || root.value === undefined)) || (isMap(root) && root.items.length === 0);
  if (!empty) return [];
  if (model.problems.some((p) => p.severity === 'error')) return []; // the YAML problem is the one to report
  const end = model.lineText(0).length;
  return [
    {
      code: 'empty-file',
      message: 'This compose file defines nothing: Compose refuses to load an empty file. Add a "services:" section (or use the file only as an override of another one).',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } },
      severity: 'error',
    },
  ];
};
