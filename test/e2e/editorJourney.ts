// The Dockerfile editor features as a user meets them in the real UI: the Outline view lists the stages of a
// multi-stage Dockerfile, F2 on a stage name renames it everywhere, and the light bulb's quick fix repairs
// `FROM x as y`. Used by runE2E.ts (each entry is one check of the journey).
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

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

type Check = [string, () => Promise<void>];

export function editorChecks(ui: () => Page, workspace: () => string, screenshot: (name: string) => Promise<void>): Check[] {
  const editor = (): Locator => ui().locator('.editor-instance .monaco-editor').first();
  /** The editor's text as the user sees it (VS Code draws spaces as non-breaking ones). */
  const editorText = async (): Promise<string> =>
    (await editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  const untilText = async (what: string, test: (text: string) => boolean): Promise<void> => {
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await editorText();
      if (test(text)) return;
      await ui().waitForTimeout(200);
    }
    throw new Error(`${what}: the editor shows ${JSON.stringify(text)}`);
  };
  /** The word `word` on the editor's line that starts with `lineStart` (whose spaces VS Code draws as U+00A0). */
  const wordOnLine = (lineStart: string, word: string): Locator => {
    const start = lineStart.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \u00a0]');
    return editor().locator('.view-line').filter({ hasText: new RegExp(`^${start}`) }).first().getByText(word, { exact: true }).first();
  };

  return [
    ['open a multi-stage Dockerfile: the Outline view lists its stages', async () => {
      fs.writeFileSync(path.join(workspace(), EDITOR_FILE), EDITOR_DOCKERFILE);
      await ui().locator('.part.activitybar').getByRole('tab', { name: /^Explorer/ }).click();
      // The Explorer tab's hover would cover the first file of the tree: move away and let it fade.
      await ui().mouse.move(700, 450, { steps: 5 });
      await ui().locator('.workbench-hover-container').waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
      const file = ui().locator('.explorer-folders-view').getByRole('treeitem').filter({ hasText: new RegExp(`^${EDITOR_FILE.replace('.', '\\.')}$`) });
      await file.first().waitFor({ timeout: 15_000 });
      await file.first().dblclick();
      await untilText('the Dockerfile opened', (text) => text.includes('AS runtime'));
      const outline = ui().locator('.pane').filter({ has: ui().locator('.pane-header', { hasText: /^Outline/ }) }).first();
      const tree = outline.getByRole('tree');
      if (!(await tree.isVisible())) await outline.locator('.pane-header').click();
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
      // VS Code 1.100 draws the bulb in the gutter (codicon-gutter-lightbulb-auto-fix when a fix is preferred) when
      // the line under the cursor has text where the floating widget would go.
      const bulb = editor().locator('.lightBulbWidget, [class*="gutter-lightbulb"]').filter({ visible: true }).first();
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
