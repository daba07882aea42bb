// The top-level rows of a view, and when the view is told that they changed. VS Code forgets every row of a tree the
// moment it is told that the top level changed, until it has read the rows again: a context-menu command picked in
// that moment gets no row (a refresh during a burst of engine events, say while Compose Up starts its containers).
// So a view that shows its rows gets the new ones built first and is told once they are ready (VS Code then reads
// them at once); a view whose rows nobody read since it was last told (hidden) is told at once and builds when read.

export class RootRows<N> {
  private roots: Promise<N[] | undefined> | undefined;
  /** Whether the rows were read since the view was last told. */
  private read = false;
  /** The newest rows being built, the view to be told when they are ready. */
  private building: Promise<unknown> | undefined;

  /** `build` makes the rows, or undefined when a list could not be read (not kept); `tell` tells the view. */
  constructor(
    private readonly build: () => Promise<N[] | undefined>,
    private readonly tell: () => void,
  ) {}

  refresh(): void {
    if (!this.read && !this.building) {
      this.roots = undefined;
      this.tell();
      return;
    }
    const roots = (this.roots = this.build());
    this.building = roots;
    const told = () => {
      if (this.building !== roots) return;
      this.building = undefined;
      this.read = false;
      this.tell();
    };
    roots.then(told, told);
  }

  /** The rows (built when there are none), as the view reads them. */
  async get(): Promise<N[]> {
    this.read = true;
    const roots = (this.roots ??= this.build());
    const nodes = await roots;
    if (nodes) return nodes;
    if (this.roots === roots) this.roots = undefined;
    return [];
  }

  /** The rows last built, without building any. */
  async last(): Promise<N[]> {
    return (await this.roots) ?? [];
  }
}
