// The Compose editor features as a user meets them in the real UI: the Outline view lists the services of a
// compose file, F12 on a `depends_on` entry jumps to the service, F2 renames a service in the base and the
// override file at once, and the light bulb's quick fix declares a volume a service uses but nobody declared.
// Used by runE2E.ts (each entry is one check of the journey).
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { editorUi, type Check } from './editorUi';

/** A project of its own folder (not the one the Compose Up journey starts): base file and override. */
export const STACK_FOLDER = 'stack';
export const STACK_BASE = [
  'services:',
  '  web:',
  '    image: dw-test/busybox:latest',
  '    depends_on:',
  '      - api',
  '    volumes:',
  '      - cache:/cache',
  '  api:',
  '    image: dw-test/busybox:latest',
  '',
].join('\n');
export const STACK_OVERRIDE = ['services:', '  api:', '    environment:', '      MODE: dev', ''].join('\n');

export function composeChecks(ui: () => Page, workspace: () => string, screenshot: (name: string) => Promise<void>): Check[] {
  const { editorText, untilText, wordOnLine, quickOpen, outline, lightBulb } = editorUi(ui);
  const cursor = () => ui().locator('.part.statusbar').getByText(/^Ln \d+, Col \d+/).first();

  return [
    ['open a compose file: the Outline view lists its services', async () => {
      const folder = path.join(workspace(), STACK_FOLDER);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'compose.yaml'), STACK_BASE);
      fs.writeFileSync(path.join(folder, 'compose.override.yaml'), STACK_OVERRIDE);
      await quickOpen(`${STACK_FOLDER}/compose.yaml`);
      await untilText('the compose file opened', (text) => text.includes('- cache:/cache'));
      const tree = await outline();
      for (const service of ['web', 'api']) {
        await tree.getByRole('treeitem').filter({ hasText: new RegExp(`^${service}`) }).first().waitFor({ timeout: 30_000 });
      }
      await screenshot('compose-outline.png');
    }],
    ['F12 on a depends_on entry jumps to the service', async () => {
      await wordOnLine('- api', 'api').click();
      await ui().keyboard.press('F12');
      // The declaration `  api:` is line 8; the cursor lands on its name.
      await cursor().filter({ hasText: /^Ln 8, Col 3$/ }).waitFor({ timeout: 15_000 });
    }],
    ['F2 renames a service in the base and the override file at once', async () => {
      await ui().keyboard.press('F2');
      const input = ui().locator('.rename-box input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('backend');
      await ui().keyboard.press('Enter');
      await untilText('the service renamed', (text) => text.includes('- backend') && text.includes('  backend:') && !text.includes('api'));
      await screenshot('compose-rename.png');
      await quickOpen(`${STACK_FOLDER}/compose.override.yaml`);
      await untilText('the override renamed', (text) => text.includes('  backend:') && text.includes('MODE: dev'));
      // Back to the base file's tab.
      await ui().locator('.tab').filter({ hasText: /^compose\.yaml/ }).first().click();
      await untilText('the base file shown again', (text) => text.includes('- cache:/cache'));
    }],
    ['the light bulb on an undeclared volume offers to declare it', async () => {
      await wordOnLine('- cache:/cache', 'cache:/cache').click({ position: { x: 8, y: 5 } });
      const bulb = lightBulb();
      await bulb.waitFor({ timeout: 15_000 });
      await bulb.click();
      const fix = ui().locator('.action-widget .monaco-list-row').filter({ hasText: /cache/ }).first();
      await fix.waitFor({ timeout: 10_000 });
      await screenshot('compose-quick-fix.png');
      await fix.click();
      await untilText('the volume declared', (text) => /^volumes:\n  cache:/m.test(text));
      if (!(await editorText()).includes('- cache:/cache')) throw new Error('the service lost its volume');
    }],
  ];
}
