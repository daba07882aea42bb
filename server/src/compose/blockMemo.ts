// What the model remembers for the nodes of one parsed block (see BlockParse.memo), by kind of result and node. A
// block holds a few results (the entries of its maps, what each check found in its service): a flat list of
// (kind, node, result) looked through, with no Map per kind per block (thousands of them in a large file, each a
// hash table of its own); a block with many results gets an index instead.

/** Results in the flat list before it becomes an index. */
const FLAT_LIMIT = 24;

export class BlockMemo {
  /** kind, node, result, kind, node, result ... */
  private list: unknown[] | undefined;
  private index: Map<string, Map<object, unknown>> | undefined;

  get(kind: string, node: object): unknown {
    if (this.index) return this.index.get(kind)?.get(node);
    const list = this.list;
    if (!list) return undefined;
    for (let i = 0; i < list.length; i += 3) if (list[i + 1] === node && list[i] === kind) return list[i + 2];
    return undefined;
  }

  set(kind: string, node: object, result: unknown): void {
    if (!this.index) {
      const list = (this.list ??= []);
      for (let i = 0; i < list.length; i += 3) {
        if (list[i + 1] === node && list[i] === kind) {
          list[i + 2] = result;
          return;
        }
      }
      if (list.length < FLAT_LIMIT * 3) {
        list.push(kind, node, result);
        return;
      }
      this.index = new Map();
      for (let i = 0; i < list.length; i += 3) slotOf(this.index, list[i] as string).set(list[i + 1] as object, list[i + 2]);
      this.list = undefined;
    }
    slotOf(this.index, kind).set(node, result);
  }
}

function slotOf(index: Map<string, Map<object, unknown>>, kind: string): Map<object, unknown> {
  let slot = index.get(kind);
  if (!slot) index.set(kind, (slot = new Map()));
  return slot;
}
