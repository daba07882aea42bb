import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { dataNameProblem } from '../../engine/swarmValidate';
import { reasonOf } from '../shared';
import { suggestedName } from './inputs';
import { swarmOf } from './shared';

/** Swarmkit refuses secrets and configs over 500 KiB. */
const MAX_BYTES = 500 * 1024;
const FROM_SELECTION = 'The selection in the editor';
const FROM_FILE = 'A file…';


/** The value and a suggested name: the file clicked in the explorer, else the editor's selection or a file, as the user picks. */
async function source(ctx: Ctx, node: unknown, what: string): Promise<{ data: Buffer; suggestion: string } | undefined> {
  let uri = node instanceof vscode.Uri ? node : undefined;
  if (!uri) {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    const choice = selected ? await ctx.notifier.pick(`Value of the new ${what}`, [FROM_SELECTION, FROM_FILE]) : FROM_FILE;
    if (!choice) return undefined;
    if (choice === FROM_SELECTION && editor) {
      return { data: Buffer.from(selected, 'utf8'), suggestion: editor.document.uri.scheme === 'file' ? suggestedName(editor.document.uri.fsPath) : '' };
    }
    uri = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: `Create ${what}`, title: `File holding the value of the new ${what}` }))?.[0];
    if (!uri) return undefined;
  }
  if (uri.scheme !== 'file') {
    ctx.notifier.error(`The value of a ${what} must come from a file on this machine.`);
    return undefined;
  }
  try {
    const stat = fs.statSync(uri.fsPath);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_BYTES) throw new Error(`it has ${stat.size} bytes; a ${what} holds at most 500 KiB`);
    return { data: fs.readFileSync(uri.fsPath), suggestion: suggestedName(uri.fsPath) };
  } catch (error) {
    ctx.notifier.error(`Cannot use ${uri.fsPath} as the value of a ${what}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * A command that creates a secret or a config from a file (the one clicked in the explorer, or one the user picks)
 * or from the active editor's selection, under a name the user gives. The value goes to the engine only; it is never
 * shown or logged. Resolves with the new name.
 */
export function createSwarmData(kind: 'secret' | 'config') {
  return async (ctx: Ctx, node?: unknown): Promise<string | undefined> => {
    const swarm = swarmOf(ctx);
    if (!swarm) return undefined;
    const value = await source(ctx, node, kind);
    if (!value) return undefined;
    if (value.data.length === 0) {
      ctx.notifier.error(`A ${kind} cannot be empty.`);
      return undefined;
    }
    let existing: string[];
    try {
      existing = (await (kind === 'secret' ? swarm.listSecrets() : swarm.listConfigs())).map((d) => d.name);
    } catch (error) {
      ctx.notifier.error(`Could not list the ${kind}s: ${reasonOf(error)}`);
      return undefined;
    }
    const name = (await ctx.notifier.input(`Name of the new ${kind}`, value.suggestion, (v) => dataNameProblem(kind, v.trim(), existing)))?.trim();
    if (!name) return undefined;
    try {
      await (kind === 'secret' ? swarm.createSecret(name, value.data) : swarm.createConfig(name, value.data));
      return name;
    } catch (error) {
      ctx.notifier.error(`Could not create the ${kind} ${name}: ${reasonOf(error)}`);
      return undefined;
    }
  };
}
