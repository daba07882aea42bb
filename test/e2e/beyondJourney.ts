// Beyond one engine, as a user meets it in the real UI: deploy a compose file as a stack from the explorer's menu and
// see its service and task in the Swarm view; add the loopback registry (the real CNCF distribution registry), browse
// its repository and tag and pull the tag; create a docker context for the TLS engine from the Contexts view's
// prompts, use it, and see that engine's container in the Containers view. Used by runE2E.ts (each entry is one
// check), which starts VS Code with a docker context (not DOCKER_HOST) choosing the test engine, so that using
// another context switches the views as it does for a user.
import { execFileSync } from 'child_process';
import type { Locator, Page } from 'playwright-core';
import { startDistributionRegistry, type DistributionRegistry } from '../support/distributionRegistry';
import { initSwarm, leaveSwarm } from '../support/swarm';
import { toggleSection, type Check } from './editorUi';

const VIEWLET = '[id="workbench.view.extension.dockerWorkflows"]';
const STACK = 'e2estack';
const TLS_CONTEXT = 'dw-e2e-tls';

export interface BeyondJourney {
  checks: Check[];
  /** Leaves the swarm, stops the registry and the TLS engine's container. */
  cleanup(): Promise<void>;
}

export function beyondChecks(
  ui: () => Page,
  env: { main: NodeJS.ProcessEnv; tls: NodeJS.ProcessEnv; mainContext: string },
  screenshot: (name: string) => Promise<void>,
): BeyondJourney {
  const docker = (...args: string[]) => execFileSync('docker', args, { env: env.main, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const tlsDocker = (...args: string[]) => execFileSync('docker', args, { env: env.tls, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  let registry: DistributionRegistry | undefined;
  const tree = (name: string): Locator => ui().locator(VIEWLET).getByRole('tree', { name });
  const row = (name: string, text: RegExp): Locator => tree(name).getByRole('treeitem').filter({ hasText: text }).first();
  /** Runs a command by its title from the Command Palette (it also opens a view: "Focus on ... View"). */
  const palette = async (title: string) => {
    await ui().keyboard.press('F1');
    const input = ui().locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    await ui().locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
    await ui().keyboard.press('Enter');
  };
  /** Answers the open quick input (an input box or a pick) with `text`. */
  const answer = async (text: string, fill = true) => {
    const input = ui().locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    if (fill) await input.fill(text);
    else await input.pressSequentially(text);
    await ui().waitForTimeout(200);
    await ui().keyboard.press('Enter');
  };
  /** Opens the view `name` alone in the Docker side bar (the others folded), so that its rows have room. */
  const solo = async (name: string) => {
    await palette(`Focus on ${name} View`);
    const headers = ui().locator(VIEWLET).locator('.pane-header');
    for (let i = 0; i < (await headers.count()); i++) {
      const header = headers.nth(i);
      const title = (await header.innerText()).split('\n')[0].trim().toLowerCase();
      const open = (await header.getAttribute('aria-expanded')) === 'true';
      if (open !== (title === name.toLowerCase())) await toggleSection(header);
    }
  };
  /**
   * Waits for each row of `path` in turn (their text as the tree draws it: label then description), opening the row
   * before it while it is closed (it may have been drawn without children, then filled) and scrolling the view when
   * the row is below its fold (a short view draws only the rows that fit). A timeout names the rows the view shows.
   */
  const reach = async (name: string, path: RegExp[]): Promise<Locator> => {
    let found = row(name, path[0]);
    let parent: Locator | undefined;
    for (const text of path) {
      found = row(name, text);
      const deadline = Date.now() + 60_000;
      while (!(await found.isVisible())) {
        if (Date.now() > deadline) {
          const shown = await tree(name).getByRole('treeitem').allInnerTexts().catch(() => []);
          throw new Error(`no row ${text} in ${name} within 60 s; it shows: ${JSON.stringify(shown.map((t) => t.replace(/\s+/g, ' ')))}`);
        }
        if (parent && (await parent.getAttribute('aria-expanded').catch(() => null)) === 'false') {
          await parent.locator('.monaco-tl-twistie').click().catch(() => undefined);
        }
        await tree(name).hover().catch(() => undefined);
        await ui().mouse.wheel(0, 60);
        await ui().waitForTimeout(400);
      }
      parent = found;
    }
    return found;
  };
  const menuItem = (label: string): Locator => ui().locator('.monaco-menu .action-label').filter({ hasText: new RegExp(`^${label}$`) }).first();

  const checks: Check[] = [
    ["deploy a compose file as a stack from the explorer's menu: its service and task appear in the Swarm view", async () => {
      initSwarm(docker);
      // The workspace's compose file (web and worker, the test image), the one Compose Up started earlier.
      await palette('View: Show Explorer');
      const file = ui().locator('.explorer-folders-view').getByRole('treeitem').filter({ hasText: /^compose\.yaml$/ }).first();
      await file.waitFor({ timeout: 15_000 });
      await file.click({ button: 'right' });
      await menuItem('Deploy Stack…').hover();
      await ui().keyboard.press('Enter');
      await answer(STACK);
      await solo('Swarm');
      // Services, the stack, its service once its task runs (1/1), and the task.
      await reach('Swarm', [/^Services/, new RegExp(`^${STACK}stack`), new RegExp(`^${STACK}_web(?!\\.).*1/1`), new RegExp(`^${STACK}_web\\.1`)]).catch((error: Error) => {
        // What the engine holds, to tell a view that missed the stack from a deploy that did not happen.
        const engine = (...args: string[]) => { try { return docker(...args); } catch (e) { return (e as Error).message.split('\n')[0]; } };
        throw new Error(`${error.message}\n  docker service ls: ${engine('service', 'ls', '--format', '{{.Name}} {{.Replicas}}') || '(none)'}\n  docker stack ps: ${engine('stack', 'ps', '--no-trunc', '--format', '{{.Name}} {{.CurrentState}} {{.Error}}', STACK)}`);
      });
      await screenshot('swarm-stack.png');
    }],
    ['add the loopback registry, browse its repository and tag, and pull the tag to the engine', async () => {
      registry = await startDistributionRegistry();
      const reference = `${registry.host}/e2e/busybox:1`;
      docker('tag', 'dw-test/busybox:latest', reference);
      docker('push', reference);
      docker('rmi', reference);
      await palette('Docker: Add Registry…');
      await answer(registry.host);
      await solo('Registries');
      const tag = await reach('Registries', [new RegExp(`^${registry.host.replace(/\./g, '\\.')}`), /^e2e\/busybox/, /^1[0-9a-f]{12} · /]);
      await tag.click({ button: 'right' });
      await menuItem('Pull').hover();
      await ui().keyboard.press('Enter');
      const deadline = Date.now() + 60_000;
      while (docker('images', '-q', reference) === '') {
        if (Date.now() > deadline) throw new Error(`${reference} was not pulled within 60 s`);
        await ui().waitForTimeout(500);
      }
      await screenshot('registry-pulled.png');
    }],
    ["create a context for the TLS engine from the Contexts view, use it: the Containers view shows that engine's container", async () => {
      tlsDocker('run', '-d', '--name', 'dw-e2e-on-tls', 'dw-test/busybox:latest', 'sleep', '3600');
      await palette('Docker: Create Context…');
      await answer(TLS_CONTEXT);
      await answer('TCP with TLS');
      await answer(env.tls.DOCKER_HOST ?? '');
      await answer(env.tls.DOCKER_CERT_PATH ?? '');
      await answer('the TLS test engine');
      await solo('Contexts');
      const context = row('Contexts', new RegExp(`^${TLS_CONTEXT}`));
      await context.waitFor({ timeout: 30_000 });
      await context.click({ button: 'right' });
      await menuItem('Use Context').hover();
      await ui().keyboard.press('Enter');
      await solo('Containers');
      await row('Containers', /^dw-e2e-on-tls/).waitFor({ timeout: 60_000 });
      await ui().locator('.part.statusbar').getByText(`Docker: ${env.tls.DOCKER_HOST}`).first().waitFor({ timeout: 15_000 });
      await screenshot('tls-context.png');
      // Back to the test engine's context, as the user would.
      await solo('Contexts');
      const main = row('Contexts', new RegExp(`^${env.mainContext}`));
      await main.click({ button: 'right' });
      await menuItem('Use Context').hover();
      await ui().keyboard.press('Enter');
      await ui().locator('.part.statusbar').getByText(`Docker: ${env.main.DOCKER_HOST}`).first().waitFor({ timeout: 30_000 });
    }],
  ];

  return {
    checks,
    async cleanup() {
      try {
        docker('stack', 'rm', STACK);
      } catch {
        // Not deployed.
      }
      try {
        leaveSwarm(docker);
      } catch {
        // Reported by the checks.
      }
      try {
        tlsDocker('rm', '-f', 'dw-e2e-on-tls');
      } catch {
        // Not made.
      }
      await registry?.stop();
    },
  };
}
