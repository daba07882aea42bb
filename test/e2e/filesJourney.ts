// A container's files as a user meets them in the real UI: open the container's row in the Containers view, its
// Files row, the /www folder, and click index.html: the editor shows the file's text as the container holds it.
// Used by runE2E.ts (each entry is one check of the journey).
import type { Locator, Page } from 'playwright-core';
import { editorUi, type Check } from './editorUi';

/** What the test image holds in /www/index.html (test/support/dockerd.ts makes it). */
const INDEX_TEXT = '<h1>docker-workflows test image</h1>';

export function filesChecks(ui: () => Page, containersTree: () => Locator, container: () => string, screenshot: (name: string) => Promise<void>): Check[] {
  const { untilText } = editorUi(ui);
  const row = (text: RegExp) => containersTree().getByRole('treeitem').filter({ hasText: text }).first();
  /**
   * Scrolls the view until the row is drawn: the Containers view shares the side bar with five others, and a tree
   * draws only the rows that fit.
   */
  const reveal = async (item: Locator) => {
    const deadline = Date.now() + 30_000;
    while (!(await item.isVisible())) {
      if (Date.now() > deadline) throw new Error(`no row ${item.toString()} within 30 s`);
      await containersTree().hover();
      await ui().mouse.wheel(0, 40);
      await ui().waitForTimeout(150);
    }
  };
  /** Opens a collapsed row by its twistie (a click on the label of a file row would open the file). */
  const expand = async (item: Locator) => {
    await reveal(item);
    if ((await item.getAttribute('aria-expanded')) !== 'true') await item.locator('.monaco-tl-twistie').click();
  };

  return [
    ["open a container's Files row and /www, click index.html: the editor shows its text", async () => {
      const containerRow = row(new RegExp(`^${container()}`));
      await expand(containerRow);
      await expand(row(/^Files/));
      await expand(row(/^www$/));
      const index = row(/^index\.html/);
      await reveal(index);
      await index.click();
      await untilText('the container file opened', (text) => text.includes(INDEX_TEXT));
      await ui().locator('.tab.active').filter({ hasText: 'index.html' }).first().waitFor({ timeout: 10_000 });
      await screenshot('container-files.png');
      // Back as it was, for the journeys after this one.
      await ui().keyboard.press('Control+W');
      await containersTree().hover();
      await ui().mouse.wheel(0, -2000);
      await containerRow.locator('.monaco-tl-twistie').click();
    }],
  ];
}
