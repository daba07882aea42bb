// The shared corpus of real-world files, ../shared/corpus beside the repository. Tests run from out/test/unit
// when built, or bundled from elsewhere with the repository as the working folder: the folder is looked for by
// walking up from both.
import * as fs from 'fs';
import * as path from 'path';

/** ../shared/corpus (or the folder `sub` in it), or a "missing: ..." text to show in a failed assertion. */
export function corpusFolder(sub?: string): string {
  const inside = sub === undefined ? [] : [sub];
  for (let dir of [__dirname, process.cwd()]) {
    for (let up = 0; up < 7; up++, dir = path.dirname(dir)) {
      const corpus = path.join(dir, '..', 'shared', 'corpus');
      if (fs.existsSync(path.join(corpus, 'dockerfiles'))) return path.join(corpus, ...inside);
    }
  }
  return `missing: ${path.join('..', 'shared', 'corpus', ...inside)}`;
}

/** Every file under the corpus folder `sub`, subfolders included, in sorted name order; [] when it is missing. */
export function corpusFiles(sub = 'dockerfiles'): string[] {
  const folder = corpusFolder(sub);
  return fs.existsSync(folder) ? filesUnder(folder) : [];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isDirectory()) out.push(...filesUnder(file));
    else out.push(file);
  }
  return out;
}
