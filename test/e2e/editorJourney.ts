// The Dockerfile editor features as a user meets them in the real UI: the Outline view lists the stages of a
// multi-stage Dockerfile, F2 on a stage name renames it everywhere, and the light bulb's quick fix repairs
// `FROM x as y`. Used by runE2E.ts (each entry is one check of the journey).
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { editorUi, type Check } from './editorUi';

/** The Dockerfile of the journey: two stages, the first one's `as` in lower case (FromAsCasing). */
export const EDITOR_DOCKERFILE = [
  '# syntax=docker/dockerfile:1',
  'FROM dw-test/busybox:latest as build',
  'RUN echo built > /out.txt',
  '',
  'FROM dw-test/busybox:latest AS runtime',
  'COPY --from=build /out.txt /out.txt',
  'CMD ["cat", "/out.txt"]',
  '',
].join('\n');
export const EDITOR_FILE = 'app.dockerfile';

export function editorChecks(ui: () => Page, workspace: () => string, screenshot: (name: string) => Promise<void>): Check[] {
  const { untilText, wordOnLine, outline, lightBulb } = editorUi(ui);

  return [
    ['open a multi-stage Dockerfile: its warning shows within seconds, the Outline view lists its stages', async () => {
      fs.writeFileSync(path.join(workspace(), EDITOR_FILE), EDITOR_DOCKERFILE);
      await ui().locator('.part.activitybar').getByRole('tab', { name: /^Explorer/ }).click();
      // The Explorer tab's hover would cover the first file of the tree: move away and let it fade.
      await ui().mouse.move(700, 450, { steps: 5 });
      await ui().locator('.workbench-hover-container').waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
      const file = ui().locator('.explorer-folders-view').getByRole('treeitem').filter({ hasText: new RegExp(`^${EDITOR_FILE.replace('.', '\\.')}$`) });
      await file.first().waitFor({ timeout: 15_000 });
      const opened = Date.now();
      await file.first().dblclick();
      await untilText('the Dockerfile opened', (text) => text.includes('AS runtime'));
      // The first Dockerfile of the session (a cold language server): its FromAsCasing warning is drawn within seconds.
      await ui().locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 });
      console.log(`e2e: first diagnostics of a cold language server ${Date.now() - opened} ms after the double-click`);
      const tree = await outline();
      for (const stage of ['build', 'runtime']) {
        await tree.getByRole('treeitem').filter({ hasText: new RegExp(`^${stage}`) }).first().waitFor({ timeout: 30_000 });
      }
      await screenshot('outline.png');
    }],
    ['F2 on a stage name renames it in its FROM line and in COPY --from', async () => {
      await wordOnLine('FROM dw-test', 'build').dblclick();
      await ui().keyboard.press('F2');
      const input = ui().locator('.rename-box input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('compile');
      await ui().keyboard.press('Enter');
      await untilText('the stage renamed', (text) => text.includes('as compile') && text.includes('COPY --from=compile /out.txt'));
      await screenshot('rename.png');
    }],
    ['the light bulb on `FROM x as y` offers a quick fix that makes it `AS`', async () => {
      await wordOnLine('FROM dw-test', 'as').click();
      const bulb = lightBulb();
      await bulb.waitFor({ timeout: 15_000 });
      await bulb.click();
      const fix = ui().locator('.action-widget .monaco-list-row').filter({ hasText: /AS/ }).first();
      await fix.waitFor({ timeout: 10_000 });
      await screenshot('quick-fix.png');
      await fix.click();
      await untilText('the quick fix applied', (text) => text.includes('FROM dw-test/busybox:latest AS compile'));
    }],
  ];
}
