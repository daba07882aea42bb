// What the e2e journeys do with VS Code's editor: read its text as the user sees it, find a word on a line,
// open a file with Quick Open, show the Outline view, and find the light bulb; and fold or unfold a side-bar section.
import type { Locator, Page } from 'playwright-core';

export type Check = [string, () => Promise<void>];

/**
 * Folds or unfolds a side-bar section by a click on its header's chevron, at the header's left end. A click on the
 * header's middle can land on one of the title actions that show there when the bar is narrow (the Images view's
 * Pull, which pulls the focused image).
 */
export async function toggleSection(header: Locator): Promise<void> {
  await header.click({ position: { x: 10, y: 10 } });
}

export interface EditorUi {
  editor(): Locator;
  /** The editor's text as the user sees it (VS Code draws spaces as non-breaking ones). */
  editorText(): Promise<string>;
  /** Waits until the editor's text passes `test` (20 s), else fails naming `what` and the text shown. */
  untilText(what: string, test: (text: string) => boolean): Promise<void>;
  /** The word `word` on the editor's line that starts with `lineStart` (after its indentation). */
  wordOnLine(lineStart: string, word: string): Locator;
  /** Opens a file of the workspace by its relative path through Quick Open (Ctrl+P). */
  quickOpen(relativePath: string): Promise<void>;
  /** The Outline view's tree, expanded. */
  outline(): Promise<Locator>;
  /** The light bulb of the cursor's line, in the gutter or beside the text. */
  lightBulb(): Locator;
}

export function editorUi(ui: () => Page): EditorUi {
  const editor = (): Locator => ui().locator('.editor-instance .monaco-editor').first();
  const editorText = async (): Promise<string> => (await editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  return {
    editor,
    editorText,
    async untilText(what, test) {
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await editorText();
        if (test(text)) return;
        await ui().waitForTimeout(200);
      }
      throw new Error(`${what}: the editor shows ${JSON.stringify(text)}`);
    },
    wordOnLine(lineStart, word) {
      // VS Code draws spaces as U+00A0, indentation included.
      const start = lineStart.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \u00a0]');
      return editor().locator('.view-line').filter({ hasText: new RegExp(`^[ \u00a0]*${start}`) }).first().getByText(word, { exact: true }).first();
    },
    async quickOpen(relativePath) {
      await editor().click().catch(() => undefined);
      await ui().keyboard.press('Control+P');
      const input = ui().locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(relativePath);
      await ui().locator('.quick-input-widget .monaco-list-row').filter({ hasText: relativePath.split('/').pop()! }).first().waitFor({ timeout: 10_000 });
      await ui().keyboard.press('Enter');
      await ui().locator('.tab.active').filter({ hasText: relativePath.split('/').pop()! }).first().waitFor({ timeout: 10_000 });
    },
    async outline() {
      const pane = ui().locator('.pane').filter({ has: ui().locator('.pane-header', { hasText: /^Outline/ }) }).first();
      // Expand the section only when it is collapsed (the tree of a new document may not be drawn yet).
      const header = pane.locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) === 'false') await toggleSection(header);
      return pane.getByRole('tree');
    },
    lightBulb() {
      // VS Code 1.100 draws the bulb in the gutter (codicon-gutter-lightbulb-auto-fix when a fix is preferred) when
      // the line under the cursor has text where the floating widget would go.
      return editor().locator('.lightBulbWidget, [class*="gutter-lightbulb"]').filter({ visible: true }).first();
    },
  };
}
