import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { isNetworkName } from '../../engine/containerOptions';
import type { ImageRunDefaults, NetworkSummary } from '../../engine/types';
import { displayName } from '../../engine/validate';
import { BACK, afterAnswer, runSteps, type Step, type StepItem, type StepPosition } from '../../ui/steps';
import { problemOf } from '../../util/parsed';
import { commandLine } from '../../util/shellWords';
import { byName, engineOf, reasonOf } from '../shared';
import { sayStarted } from './run';
import {
  defaultAnswers,
  networkProblem,
  parseCommand,
  parseEnv,
  parseName,
  parsePorts,
  parseRestart,
  parseVolumes,
  removeProblem,
  toRunOptions,
} from './runAnswers';
import { runCommandLine } from './runCommandLine';
import { rememberAnswers, rememberedAnswers } from './runMemory';
import { labelOf, selectedImageRow, targetOf } from './rows';

export const KEEP_STOPPED = 'Keep when stopped';
export const REMOVE_STOPPED = 'Remove when stopped (--rm)';
export const RUN = 'Run';
export const COPY_COMMAND = 'Copy command';
const TOTAL_STEPS = 9;

const RESTART_ITEMS: readonly StepItem[] = [
  { label: 'no', description: 'never restart it (the default)' },
  { label: 'always', description: 'restart it whenever it stops, and when the engine starts' },
  { label: 'unless-stopped', description: 'as always, except after you stopped it' },
  { label: 'on-failure', description: 'restart it when it exits with an error (type on-failure:N for at most N times)' },
];

/**
 * Run with Options: asks, step by step (Back goes back, Escape cancels and runs nothing), for the container's name,
 * published ports (prefilled from the image's EXPOSE; on 127.0.0.1 unless an address is written), environment
 * variables, volumes and bind mounts, network, restart policy, command and --rm; shows the equivalent `docker run`
 * command line (Copy command puts it on the clipboard) and runs the container through the Engine API. The answers
 * are remembered per image for the next time. Resolves with the container, its published ports and the command line.
 */
export async function runImageWithOptions(ctx: Ctx, node?: unknown): Promise<{ id: string; name: string; ports: string[]; commandLine: string } | undefined> {
  const row = await selectedImageRow(ctx, node);
  const engine = row && engineOf(ctx);
  if (!row || !engine) return undefined;
  const image = targetOf(row);
  const label = labelOf(row);
  let defaults: ImageRunDefaults;
  let networks: NetworkSummary[];
  try {
    [defaults, networks] = await Promise.all([engine.imageRunDefaults(image), engine.listNetworks()]);
  } catch (error) {
    ctx.notifier.error(`Could not read ${label} and the engine's networks: ${reasonOf(error)}`);
    return undefined;
  }
  const usable = networks.filter((n) => isNetworkName(n.name)).sort((a, b) => byName(a.name, b.name));
  const answers = rememberedAnswers(ctx.extension.workspaceState, image) ?? defaultAnswers(defaults);
  // A remembered network that is gone, or none yet: the engine's default.
  if (!usable.some((n) => n.name === answers.network)) answers.network = usable.some((n) => n.name === 'bridge') ? 'bridge' : (usable[0]?.name ?? '');
  let line = '';
  const position = (step: number): StepPosition => ({ title: `Run ${label} with Options`, step, totalSteps: TOTAL_STEPS });
  const ask = (step: number, prompt: string, field: 'name' | 'ports' | 'env' | 'volumes' | 'command', validate: (text: string) => string | undefined): Step =>
    async () => afterAnswer(await ctx.notifier.inputStep(position(step), prompt, answers[field], validate), (value) => (answers[field] = value));
  const ownCommand = defaults.command.length > 0 ? `: ${displayName(commandLine(defaults.command))}` : '';
  const steps: Step[] = [
    ask(1, 'Container name (empty: the engine makes one up)', 'name', (text) => problemOf(parseName(text))),
    ask(
      2,
      'Ports to publish, separated by blanks: 80 (on a port the engine picks), 8080:80, 8080:80/udp; on 127.0.0.1 unless you write an address (0.0.0.0:8080:80)',
      'ports',
      (text) => problemOf(parsePorts(text)),
    ),
    ask(3, 'Environment variables, separated by blanks: KEY=value (GREETING="hello world" for a value with blanks)', 'env', (text) => problemOf(parseEnv(text))),
    ask(
      4,
      'Volumes and bind mounts, separated by blanks: data:/var/lib/data (a named volume), /home/me/site:/www:ro (a host path, read-only)',
      'volumes',
      (text) => problemOf(parseVolumes(text)),
    ),
    async () => {
      const items = usable.map((n) => ({ label: n.name, description: [n.driver, n.subnet].filter(Boolean).join(' · ') }));
      const answer = await ctx.notifier.pickStep(position(5), 'Network', items, { active: answers.network, problemOf: (name) => networkProblem(answers.ports, name) });
      return afterAnswer(answer, (value) => (answers.network = value));
    },
    async () => {
      const typed = RESTART_ITEMS.some((item) => item.label === answers.restart) ? [] : [{ label: answers.restart, description: 'last time' }];
      const answer = await ctx.notifier.pickStep(position(6), 'Restart policy', [...typed, ...RESTART_ITEMS], {
        active: answers.restart,
        custom: (text) => 'value' in parseRestart(text),
      });
      return afterAnswer(answer, (value) => (answers.restart = value));
    },
    ask(7, `Command, in place of the image's own (empty: its own${ownCommand})`, 'command', (text) => problemOf(parseCommand(text))),
    async () => {
      const items = [
        { label: KEEP_STOPPED, description: 'it stays until you remove it' },
        { label: REMOVE_STOPPED, description: 'the engine removes it when it stops' },
      ];
      const answer = await ctx.notifier.pickStep(position(8), 'When the container stops', items, {
        active: answers.remove ? REMOVE_STOPPED : KEEP_STOPPED,
        problemOf: (choice) => removeProblem(answers.restart, choice === REMOVE_STOPPED),
      });
      return afterAnswer(answer, (value) => (answers.remove = value === REMOVE_STOPPED));
    },
    async () => {
      const options = toRunOptions(image, answers);
      if ('problem' in options) {
        ctx.notifier.error(options.problem);
        return 'cancel';
      }
      line = runCommandLine(options.value);
      return review(ctx, position(9), line);
    },
  ];
  if (!(await runSteps(steps))) return undefined;
  const options = toRunOptions(image, answers);
  if ('problem' in options) return undefined;
  await rememberAnswers(ctx.extension.workspaceState, image, answers);
  let container: { id: string; name: string };
  try {
    container = await engine.runWithOptions(options.value);
  } catch (error) {
    ctx.notifier.error(`Could not run ${label}: ${reasonOf(error)}`);
    return undefined;
  }
  return { ...(await sayStarted(ctx, engine, container, label)), commandLine: line };
}

/** The last step: the command line, with Run and Copy command (which copies it and stays on this step). */
async function review(ctx: Ctx, position: StepPosition, line: string): Promise<'next' | 'back' | 'cancel'> {
  const items = [
    { label: RUN, description: 'create and start the container' },
    { label: COPY_COMMAND, description: 'put this command line on the clipboard' },
  ];
  for (;;) {
    const answer = await ctx.notifier.pickStep(position, line, items, { active: RUN });
    if (answer !== COPY_COMMAND) return answer === BACK ? 'back' : answer === RUN ? 'next' : 'cancel';
    await vscode.env.clipboard.writeText(line);
    ctx.notifier.info('Copied the docker run command line to the clipboard.');
  }
}
