// The first-run walkthrough as a new user meets it: the first time the extension runs (here: when the journey opens
// the Docker view, which activates it), VS Code shows "Get Started with Docker Workflows" with its five steps; the
// steps done already (the engine connected, the Docker view open) are ticked by themselves, the others not yet.
// The check closes the walkthrough afterwards, so the journeys after it find the editor area as before.
// Used by runE2E.ts (each entry is one check of the journey).
import type { Locator, Page } from 'playwright-core';
import type { Check } from './editorUi';

export const WALKTHROUGH_TITLE = 'Get Started with Docker Workflows';

/** The steps' titles in order, and whether the journey has done each by the time the walkthrough shows. */
export const WALKTHROUGH_STEPS: [title: string, done: boolean][] = [
  ['Connect to a Docker engine', true],
  ['Open the Docker view', true],
  ['Run a first container', false],
  ['Try Compose Up', false],
  ['Try completion in a Dockerfile', false],
];

export function walkthroughChecks(ui: () => Page, screenshot: (name: string) => Promise<void>): Check[] {
  const page = (): Locator => ui().locator('.gettingStartedContainer');
  const step = (title: string): Locator => page().locator('button.getting-started-step').filter({ has: ui().locator('h3.step-title', { hasText: title }) });
  return [
    [`on first run the walkthrough "${WALKTHROUGH_TITLE}" opens with its five steps, the connection and the view ticked`, async () => {
      await page().locator('h2.category-title').filter({ hasText: WALKTHROUGH_TITLE }).first().waitFor({ timeout: 30_000 });
      for (const [title, done] of WALKTHROUGH_STEPS) {
        await step(title).waitFor({ timeout: 10_000 });
        const want = done ? 'true' : 'false';
        const deadline = Date.now() + 15_000;
        let checked = await step(title).getAttribute('aria-checked');
        while (checked !== want && Date.now() < deadline) {
          await ui().waitForTimeout(200);
          checked = await step(title).getAttribute('aria-checked');
        }
        if (checked !== want) throw new Error(`the step "${title}" shows aria-checked=${checked}, not ${want}`);
      }
      const titles = await page().locator('button.getting-started-step h3.step-title').allInnerTexts();
      const expected = WALKTHROUGH_STEPS.map(([title]) => title);
      if (JSON.stringify(titles) !== JSON.stringify(expected)) throw new Error(`the steps read ${JSON.stringify(titles)}`);
      await screenshot('walkthrough.png');
      // Closed again (its tab's close button), so that the next journeys start from the editor area they expect.
      const tab = ui().locator('.tabs-container [role="tab"]').filter({ hasText: 'Walkthrough: Docker Workflows' }).first();
      await tab.hover();
      await tab.locator('.codicon-close').click();
      await page().waitFor({ state: 'detached', timeout: 10_000 });
    }],
  ];
}
