// What activation registers before the extension's code is loaded: a stand-in for every command in package.json and
// the tree views of the Docker container, so that VS Code can show the first screen and run any command at once. The
// code behind them (dockerode, the commands, the views, the language client: dist/main.js) loads right after
// activation, or sooner when a stand-in is used; it then takes its place through the Registrar. Imports only `vscode`:
// this file is part of the small bundle that VS Code loads to activate the extension (dist/extension.js).
import * as vscode from 'vscode';

/** How the loaded code registers its commands and tree views (see registrar() below). */
export interface Registrar {
  /** Registers a command: it takes over the stand-in of a command that package.json declares. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as vscode.commands.registerCommand takes it
  command(id: string, handler: (...args: any[]) => unknown): vscode.Disposable;
  /** The tree view of a view that package.json declares, now fed by `options.treeDataProvider`. */
  treeView<T>(id: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T>;
}

/** Makes the tree view of a declared view, fed by the given provider. */
export type CreateTreeView = Registrar['treeView'];

/** How each view is created at activation: what VS Code reads once, when the view is made. */
export interface ViewShape {
  canSelectMany: boolean;
  /** Mime types a drop onto the view accepts (a drag-and-drop controller forwards to the loaded one). */
  dropMimeTypes?: readonly string[];
}

interface PackageJson {
  contributes?: { commands?: { command?: unknown }[]; views?: Record<string, { id?: unknown }[]> };
}

/** A TreeDataProvider that stands in for the loaded one: asks for the code when VS Code first asks for rows. */
class StandInProvider<T> implements vscode.TreeDataProvider<T>, vscode.TreeDragAndDropController<T> {
  private target: vscode.TreeDataProvider<T> | undefined;
  private dropTarget: vscode.TreeDragAndDropController<T> | undefined;
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly dragMimeTypes: readonly string[] = [];

  constructor(
    private readonly load: () => void,
    readonly dropMimeTypes: readonly string[],
  ) {}

  bind(target: vscode.TreeDataProvider<T>, dropTarget: vscode.TreeDragAndDropController<T> | undefined): vscode.Disposable {
    this.target = target;
    this.dropTarget = dropTarget;
    const forwarding = target.onDidChangeTreeData?.((change) => this.changed.fire(change));
    // Rows asked for before the code was there were answered by it (getChildren loads it): nothing to redo.
    return new vscode.Disposable(() => {
      forwarding?.dispose();
      this.target = undefined;
      this.dropTarget = undefined;
    });
  }

  private loaded(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    if (!this.target) throw new Error('the view has no rows: the extension could not start');
    return this.target;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.loaded().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.loaded().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    const target = this.loaded();
    return target.getParent ? target.getParent(element) : undefined;
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    const target = this.loaded();
    return target.resolveTreeItem ? target.resolveTreeItem(item, element, token) : item;
  }

  handleDrop(target: T | undefined, data: vscode.DataTransfer, token: vscode.CancellationToken): Thenable<void> | void {
    this.loaded();
    return this.dropTarget?.handleDrop?.(target, data, token);
  }
}

/**
 * Registers the stand-ins: one command per `contributes.commands` entry of package.json and one tree view per
 * `contributes.views` entry (with the shape `shapes` gives it), each loading the code (`load`, synchronous) when
 * first used. Returns the Registrar the loaded code registers through.
 */
export function registrar(context: vscode.ExtensionContext, shapes: Readonly<Record<string, ViewShape>>, load: () => void): Registrar {
  const manifest = context.extension.packageJSON as PackageJson;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as vscode.commands.registerCommand takes it
  const handlers = new Map<string, (...args: any[]) => unknown>();
  for (const entry of manifest.contributes?.commands ?? []) {
    const id = entry.command;
    if (typeof id !== 'string') continue;
    const standIn = (...args: unknown[]): unknown => {
      if (!handlers.has(id)) load();
      const handler = handlers.get(id);
      if (!handler) throw new Error(`command ${id} is not available: the extension could not start`);
      return handler(...args);
    };
    context.subscriptions.push(vscode.commands.registerCommand(id, standIn));
  }
  const declared = new Set((manifest.contributes?.commands ?? []).map((entry) => entry.command).filter((id): id is string => typeof id === 'string'));
  const views = new Map<string, { view: vscode.TreeView<unknown>; standIn: StandInProvider<unknown>; shape: ViewShape; bound: boolean }>();
  for (const entries of Object.values(manifest.contributes?.views ?? {})) {
    for (const { id } of entries) {
      if (typeof id !== 'string') continue;
      const shape = shapes[id];
      if (!shape) throw new Error(`view ${id} has no shape in the activation table`);
      const standIn = new StandInProvider<unknown>(load, shape.dropMimeTypes ?? []);
      const view = vscode.window.createTreeView(id, {
        treeDataProvider: standIn,
        canSelectMany: shape.canSelectMany,
        dragAndDropController: shape.dropMimeTypes ? standIn : undefined,
      });
      context.subscriptions.push(view);
      views.set(id, { view, standIn, shape, bound: false });
    }
  }
  return {
    command(id, handler) {
      if (!declared.has(id)) return vscode.commands.registerCommand(id, handler);
      handlers.set(id, handler);
      return new vscode.Disposable(() => handlers.get(id) === handler && handlers.delete(id));
    },
    treeView<T>(id: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> {
      const entry = views.get(id);
      if (!entry) throw new Error(`view ${id} is not declared in package.json`);
      if (entry.bound) throw new Error(`view ${id} is already fed`);
      if (!!options.canSelectMany !== entry.shape.canSelectMany) throw new Error(`view ${id}: canSelectMany differs from the activation table`);
      const drop = options.dragAndDropController;
      const wanted = [...(entry.shape.dropMimeTypes ?? [])].sort().join();
      if ((drop ? [...drop.dropMimeTypes].sort().join() : '') !== wanted) throw new Error(`view ${id}: drop types differ from the activation table`);
      entry.bound = true;
      const binding = entry.standIn.bind(options.treeDataProvider as vscode.TreeDataProvider<unknown>, drop as vscode.TreeDragAndDropController<unknown> | undefined);
      context.subscriptions.push(new vscode.Disposable(() => {
        binding.dispose();
        entry.bound = false;
      }));
      return entry.view as vscode.TreeView<T>;
    },
  };
}
