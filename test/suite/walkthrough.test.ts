// The first-run walkthrough in a real VS Code against the test engine: its contribution is sound (every step's
// media file exists, every button's command and every completion event names something that exists), and the
// context keys that complete its steps are set when the actions really happen. (That it opens on first run is the
// end-to-end journey's: under an extension test suite it stays closed, so that it disturbs no other test.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activateExtension, docker, engineProduct, EXTENSION_ID, TEST_IMAGE, waitFor, workspaceFile } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}

interface Manifest {
  contributes: {
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}

const KEYS = {
  engineConnected: 'dockerWorkflows.walkthrough.engineConnected',
  containerRun: 'dockerWorkflows.walkthrough.containerRun',
  composeUp: 'dockerWorkflows.walkthrough.composeUp',
  dockerfileCompletion: 'dockerWorkflows.walkthrough.dockerfileCompletion',
};

describe('Walkthrough: Get Started with Docker Workflows', () => {
  let api: ExtensionApi;
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  const manifest = () => extension().packageJSON as Manifest;
  // A name Compose v1 and v2 both take as the project's name unchanged.
  const project = 'dwwalkthrough';
  const folder = workspaceFile(project);
  const started: string[] = [];

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  after(async () => {
    if (started.length) docker('rm', '-f', ...started);
    const composed = docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean);
    if (composed.length) docker('rm', '-f', ...composed);
    if (docker('network', 'ls', '-q', '--filter', `name=^${project}_default$`)) docker('network', 'rm', `${project}_default`);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('contributes one walkthrough with the five steps in order', () => {
    const [walkthrough, ...others] = manifest().contributes.walkthroughs;
    assert.strictEqual(others.length, 0);
    assert.deepStrictEqual(
      [walkthrough.id, walkthrough.title, walkthrough.steps.map((step) => [step.id, step.title])],
      [
        'gettingStarted',
        'Get Started with Docker Workflows',
        [
          ['connect', 'Connect to a Docker engine'],
          ['openView', 'Open the Docker view'],
          ['runContainer', 'Run a first container'],
          ['composeUp', 'Try Compose Up'],
          ['dockerfileCompletion', 'Try completion in a Dockerfile'],
        ],
      ],
    );
  });

  it('has a media file for every step, and every button and completion event names something that exists', async () => {
    const { walkthroughs, commands, views } = manifest().contributes;
    const contributed = new Set(commands.map((c) => c.command));
    const registered = new Set(await vscode.commands.getCommands(true));
    const viewIds = new Set(Object.values(views).flat().map((view) => view.id));
    for (const step of walkthroughs[0].steps) {
      const media = step.media.markdown ?? step.media.image ?? '';
      assert.ok(media && fs.statSync(path.join(extension().extensionPath, media)).isFile(), `${step.id}: media ${media}`);
      const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);
      assert.strictEqual(buttons.length, 1, `${step.id}: one button`);
      for (const command of buttons) {
        assert.ok(registered.has(command), `${step.id}: the button's command ${command} is registered`);
        assert.ok(contributed.has(command) || command === 'workbench.view.extension.dockerWorkflows', `${step.id}: ${command} is ours or the Docker view container's`);
      }
      assert.ok(step.completionEvents.length > 0, `${step.id}: completes by itself`);
      for (const event of step.completionEvents) {
        const [kind, argument] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(contributed.has(argument), `${step.id}: ${event}`);
        else if (kind === 'onView') assert.ok(viewIds.has(argument), `${step.id}: ${event}`);
        else if (kind === 'onContext') assert.ok(Object.values(KEYS).includes(argument), `${step.id}: ${event} is a key the extension sets`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('stays closed under the test suite (no walkthrough or Welcome editor was opened)', () => {
    const labels = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    assert.ok(!labels.some((label) => label.startsWith('Walkthrough') || label === 'Welcome'), JSON.stringify(labels));
  });

  it('completes the first two steps once the engine answers and the Docker view shows', async () => {
    assert.strictEqual(api.walkthrough.keys()[KEYS.engineConnected], true);
    await waitFor('the view step', () => api.walkthrough.steps().includes('openView'));
    assert.ok(api.walkthrough.steps().includes('connect'), JSON.stringify(api.walkthrough.steps()));
  });

  it('Check the Connection says what it found', async () => {
    const count = (...args: string[]) => new Set(docker(...args).split('\n').filter(Boolean)).size;
    const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const expected = () =>
      `Connected to ${engineProduct()} at ${process.env.DOCKER_HOST} (address from DOCKER_HOST): ` +
      `${plural(count('ps', '-aq'), 'container')} (${count('ps', '-q')} running), ${plural(count('images', '-q', '--no-trunc'), 'image')}.`;
    let shown = '';
    // The lists follow the engine's events: ask again until they have caught up with what the CLI sees.
    await waitFor('the lists to match the engine', async () => (shown = await vscode.commands.executeCommand<string>('dockerWorkflows.walkthrough.checkEngine')) === expected()).catch(() => undefined);
    assert.strictEqual(shown, expected());
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'info', message: shown });
  });

  it('Check the Connection says why no engine answers, and how to start one', async () => {
    const dead = path.join(folder.fsPath, 'no-engine.sock');
    await vscode.workspace.getConfiguration('docker-workflows').update('host', `unix://${dead}`, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the engine to be down', () => api.containers.state().kind === 'down');
      const shown = await vscode.commands.executeCommand<string>('dockerWorkflows.walkthrough.checkEngine');
      assert.strictEqual(
        shown,
        `No Docker engine answers at unix://${dead} (address from the docker-workflows.host setting): the socket does not exist (is the Docker engine running?). ` +
          'Start your Docker engine (Docker Desktop, or `sudo systemctl start docker` on Linux), or point docker-workflows.host, DOCKER_HOST or a docker context at one that runs, then check again.',
      );
      assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'error', message: shown });
    } finally {
      await vscode.workspace.getConfiguration('docker-workflows').update('host', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the engine to be back', () => api.containers.state().kind === 'up');
    }
  });

  it('sets the "container run" key when Run an Image starts a container', async () => {
    const earlier = api.walkthrough.reports().length;
    api.answerNextPrompts(TEST_IMAGE);
    const container = await vscode.commands.executeCommand<{ id: string; name: string }>('dockerWorkflows.walkthrough.runImage');
    assert.ok(container, 'a container was started');
    started.push(container.id);
    assert.strictEqual(docker('inspect', '-f', '{{.Config.Image}}', container.id), TEST_IMAGE);
    assert.deepStrictEqual(api.shownMessages().at(-2), { kind: 'pick', message: 'Which image to run?' });
    // Another test may have run a container before: what counts is that this run reported its step.
    assert.deepStrictEqual(api.walkthrough.reports().slice(earlier), ['containerRun']);
    assert.strictEqual(api.walkthrough.keys()[KEYS.containerRun], true);
    assert.ok(api.walkthrough.steps().includes('runContainer'));
  });

  it('sets the "Compose Up" key when Compose Up of a workspace file succeeds', async () => {
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(path.join(folder.fsPath, 'compose.yaml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "600"]\n`);
    const earlier = api.walkthrough.reports().length;
    // The workspace has another compose file (docker-compose.yml): the command asks which.
    api.answerNextPrompts(`${project}/compose.yaml`);
    assert.strictEqual(await vscode.commands.executeCommand('dockerWorkflows.walkthrough.composeUp'), 0);
    assert.deepStrictEqual(api.shownMessages().find((m) => m.message === 'Which compose file?'), { kind: 'pick', message: 'Which compose file?' });
    assert.strictEqual(docker('ps', '-q', '--filter', `label=com.docker.compose.project=${project}`).split('\n').filter(Boolean).length, 1);
    assert.deepStrictEqual(api.walkthrough.reports().slice(earlier), ['composeUp']);
    assert.strictEqual(api.walkthrough.keys()[KEYS.composeUp], true);
    assert.ok(api.walkthrough.steps().includes('composeUp'));
  });

  it('sets the "completion" key once the language server offers completions in a Dockerfile', async () => {
    const earlier = api.walkthrough.reports().length;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('dockerWorkflows.walkthrough.tryCompletion');
    assert.deepStrictEqual([editor.document.languageId, editor.document.isUntitled, editor.document.getText(), editor.selection.active.line], ['dockerfile', true, 'FROM busybox:latest\n\n', 1]);
    await waitFor('the completion reported', () => api.walkthrough.reports().slice(earlier).includes('dockerfileCompletion'), 30_000);
    assert.strictEqual(api.walkthrough.keys()[KEYS.dockerfileCompletion], true);
    assert.ok(api.walkthrough.steps().includes('dockerfileCompletion'));
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 0));
    assert.ok(items.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'RUN'), 'RUN is offered');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
