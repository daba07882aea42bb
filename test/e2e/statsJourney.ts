// The stats view as a user meets it in the real UI: "Show Stats" on a container's context menu opens a panel whose
// four graphs draw from the engine's stats stream (while the journey fetches the container's published page, so the
// network graph moves); on a Compose project's row it shows all its containers, and a container stopped from the
// Containers view shows as stopped in the open panel. What was drawn is read from the webview's own frame (the length
// of every graph's SVG line), and each step leaves a screenshot. Used by runE2E.ts (each entry is one check).
import { execFileSync } from 'child_process';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Check } from './editorUi';

export interface StatsUi {
  ui: () => Page;
  containersTree: () => Locator;
  /** Right-clicks the row and picks the menu entry labelled `label`. */
  contextMenu: (row: Locator, label: string) => Promise<void>;
  screenshot: (name: string) => Promise<void>;
}

/** By container name: its status, and per chart the drawn length of its lines and how many points they join. */
type Drawn = Record<string, { status: string; lengths: number[]; points: number[] }>;

export function statsChecks(s: StatsUi, container: () => string): { single: Check[]; project: Check[]; stopped: Check[] } {
  const { ui, containersTree, contextMenu, screenshot } = s;
  /** The page of the webview: VS Code nests it in an iframe of its own inside the webview's iframe. */
  const page = (): FrameLocator => ui().frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  const tab = (title: string): Locator => ui().locator('.tab').filter({ hasText: title }).first();
  const row = (text: RegExp): Locator => containersTree().getByRole('treeitem').filter({ hasText: text }).first();

  /** What the page has drawn: for each container section its status and the length of each chart's lines. */
  const drawn = (): Promise<Drawn> =>
    page()
      .locator('section.container')
      .evaluateAll((sections) =>
        Object.fromEntries(
          sections.map((section) => [
            section.querySelector('.name')?.textContent ?? '',
            {
              status: (section as HTMLElement).dataset.status ?? '',
              lengths: Array.from(section.querySelectorAll('.chart'), (chart) =>
                Array.from(chart.querySelectorAll('path.line'), (path) => (path.getAttribute('d') ? (path as SVGPathElement).getTotalLength() : 0)).reduce((a, b) => a + b, 0),
              ),
              points: Array.from(section.querySelectorAll('.chart'), (chart) =>
                Array.from(chart.querySelectorAll('path.line'), (path) => path.getAttribute('d')?.match(/[ML]/g)?.length ?? 0).reduce((a, b) => a + b, 0),
              ),
            },
          ]),
        ),
      )
      .catch(() => ({}));
  /**
   * Waits until every chart of each named container has a line of some length (the graphs have drawn), and its CPU
   * line joins at least `points` samples.
   */
  const untilDrawn = async (names: string[], points = 2): Promise<Drawn> => {
    const deadline = Date.now() + 30_000;
    let shown: Drawn = {};
    while (Date.now() < deadline) {
      shown = await drawn();
      const done = (name: string) => shown[name]?.lengths.length === 4 && shown[name].lengths.every((length) => length > 0) && shown[name].points[0] >= points;
      if (names.every(done)) return shown;
      await ui().waitForTimeout(250);
    }
    throw new Error(`the graphs of ${names.join(', ')} did not draw within 30 s: ${JSON.stringify(shown)}`);
  };
  const close = async (title: string) => {
    await tab(title).hover();
    await tab(title).locator('.codicon-close').click();
    await tab(title).waitFor({ state: 'detached', timeout: 10_000 });
  };

  const single: Check[] = [
    ["Show Stats on a container's context menu: its CPU, memory, network and block I/O graphs draw", async () => {
      const name = container();
      // Traffic to its published page (on 127.0.0.1), so that the network graph has something to show.
      const port = execFileSync('docker', ['port', name, '80/tcp'], { encoding: 'utf8' }).trim().split('\n')[0].split(':').pop();
      const traffic = setInterval(() => void fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => undefined), 150);
      try {
        await contextMenu(row(new RegExp(`^${name}`)), 'Show Stats');
        await tab(`Stats: ${name}`).waitFor({ timeout: 15_000 });
        // A few seconds of history make the graphs readable in the screenshot.
        await untilDrawn([name], 6);
        await screenshot('stats-view.png');
        const text = await page().locator('section.container').first().innerText();
        for (const words of ['CPU', 'Memory', 'Network I/O', 'Block I/O', 'received', 'sent', 'running']) {
          if (!text.includes(words)) throw new Error(`the stats view does not say "${words}": ${JSON.stringify(text)}`);
        }
        if (!/limit \d/.test(text) || !/\d+(\.\d+)?%/.test(text) || !/[kM]?B\/s/.test(text)) throw new Error(`the stats view shows no figures: ${JSON.stringify(text)}`);
      } finally {
        clearInterval(traffic);
      }
      await close(`Stats: ${name}`);
    }],
  ];

  const project: Check[] = [
    ["Show Stats on the Compose project's row: the graphs of both its containers draw", async () => {
      await contextMenu(row(/^workspace/), 'Show Stats');
      await tab('Stats: workspace').waitFor({ timeout: 15_000 });
      const shown = await untilDrawn(['workspace_web_1', 'workspace_worker_1']);
      if (Object.keys(shown).sort().join() !== 'workspace_web_1,workspace_worker_1') throw new Error(`the panel shows ${Object.keys(shown).join(', ')}`);
      await screenshot('stats-project.png');
    }],
  ];

  const stopped: Check[] = [
    ['the open stats view shows the container stopped from the Containers view as stopped', async () => {
      const deadline = Date.now() + 30_000;
      let shown: Drawn = {};
      while (Date.now() < deadline) {
        shown = await drawn();
        if (shown.workspace_web_1?.status === 'stopped' && shown.workspace_worker_1?.status === 'running') break;
        await ui().waitForTimeout(250);
      }
      const status = page().locator('section.container').filter({ hasText: 'workspace_web_1' }).locator('.status');
      const said = (await status.innerText()).trim();
      if (said !== 'stopped') throw new Error(`the panel says "${said}" of workspace_web_1: ${JSON.stringify(shown)}`);
      await screenshot('stats-stopped.png');
      await close('Stats: workspace');
    }],
  ];
  return { single, project, stopped };
}
