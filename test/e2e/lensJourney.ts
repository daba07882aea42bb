// The Compose CodeLens as a user meets it in the real UI: open a compose file, the lens above a service says
// "not created"; click its "Up" and the same lens turns to "running 1/1" once the engine's events come in (the
// provider asks VS Code to redraw when the shared container list changes; nothing polls).
// Used by runE2E.ts (each entry is one check of the journey).
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { editorUi, type Check } from './editorUi';

/** A project of its own folder (project name "lens"), one service. */
export const LENS_FOLDER = 'lens';
export const LENS_COMPOSE = ['services:', '  web:', '    image: dw-test/busybox:latest', '    command: ["sleep", "3600"]', '    stop_grace_period: 1s', ''].join('\n');

export function lensChecks(ui: () => Page, workspace: () => string, screenshot: (name: string) => Promise<void>): Check[] {
  const { untilText, editor } = editorUi(ui);
  /** The lenses above the service (the ones with a Restart action; those above `services:` have none). */
  const serviceLens = (): Locator => editor().locator('.codelens-decoration').filter({ hasText: 'Restart' }).first();
  const untilLens = async (what: string, text: string): Promise<void> => {
    const deadline = Date.now() + 60_000;
    let shown = '';
    while (Date.now() < deadline) {
      shown = ((await serviceLens().innerText().catch(() => '')) || '').replace(/[\s\u00a0]+/g, ' ').trim();
      if (shown.startsWith(`${text} | `)) return;
      await ui().waitForTimeout(200);
    }
    throw new Error(`${what}: the lens above the service shows ${JSON.stringify(shown)}`);
  };

  return [
    ['open a compose file: the CodeLens above its service says "not created"', async () => {
      const folder = path.join(workspace(), LENS_FOLDER);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'compose.yaml'), LENS_COMPOSE);
      // Quick Open lists other compose.yaml files first (recently opened): pick the row of this folder.
      await editor().click().catch(() => undefined);
      await ui().keyboard.press('Control+P');
      const input = ui().locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`${LENS_FOLDER}/compose.yaml`);
      const row = ui().locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'compose.yaml' }).filter({ has: ui().locator('.label-description', { hasText: LENS_FOLDER }) }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      await untilText('the compose file opened', (text) => text.includes('stop_grace_period'));
      await editor().locator('.codelens-decoration').filter({ hasText: 'Up all' }).first().waitFor({ timeout: 30_000 });
      await untilLens('the service not created yet', 'not created');
      await screenshot('compose-lens-not-created.png');
    }],
    ['click "Up" in the CodeLens: the lens turns to "running 1/1"', async () => {
      await serviceLens().getByRole('button', { name: 'Up', exact: true }).or(serviceLens().locator('a').filter({ hasText: /^Up$/ })).first().click();
      await untilLens('the service started', 'running 1/1');
      await screenshot('compose-lens-running.png');
    }],
  ];
}
