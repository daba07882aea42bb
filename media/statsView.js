// The stats view's page script (client/src/statsView/StatsPanel.ts makes the page). It draws what the extension
// posts: per container four charts whose lines come already scaled (x and y from 0 to 1, null for a gap), as inline
// SVG coloured by media/statsView.css from the theme. It talks to nothing but the extension; every text from the
// engine goes in as text (textContent), never as markup.
// @ts-check
(function () {
  'use strict';
  // @ts-ignore acquireVsCodeApi is what VS Code gives a webview.
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  /** The SVG's own units; it stretches to its box (the strokes keep their width: non-scaling-stroke). */
  const WIDTH = 300;
  const HEIGHT = 100;
  const root = /** @type {HTMLElement} */ (document.getElementById('containers'));
  /** @type {Map<string, ReturnType<typeof buildContainer>>} */
  const shown = new Map();

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {string} tag @param {Record<string, string>} attributes */
  function svgElement(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  /** The SVG path of a line and of the area under it, one subpath per unbroken run of points. */
  function paths(points) {
    let line = '';
    let area = '';
    /** @type {number[][]} */
    let run = [];
    const close = () => {
      if (run.length === 0) return;
      const xy = run.map(([x, y]) => [round(x * WIDTH), round((1 - y) * HEIGHT)]);
      // A run of one point shows as a dot (a round cap on a line of no length).
      line += `M${xy[0][0]} ${xy[0][1]}` + (xy.length === 1 ? 'h0' : xy.slice(1).map(([x, y]) => `L${x} ${y}`).join(''));
      area += `M${xy[0][0]} ${HEIGHT}` + xy.map(([x, y]) => `L${x} ${y}`).join('') + `L${xy[xy.length - 1][0]} ${HEIGHT}Z`;
      run = [];
    };
    for (const point of points) {
      if (Array.isArray(point) && point.length === 2 && point.every(Number.isFinite)) run.push(point);
      else close();
    }
    close();
    return { line, area };
  }

  /** @param {number} value */
  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function buildChart(chart) {
    const figure = element('figure', `chart chart-${chart.key}`);
    const caption = element('figcaption');
    const title = element('span', 'title');
    const legend = element('span', 'legend');
    caption.append(title, legend);
    const plot = element('div', 'plot');
    const top = element('span', 'top');
    const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img' });
    svg.append(svgElement('path', { class: 'grid', d: `M0 25H${WIDTH}M0 50H${WIDTH}M0 75H${WIDTH}` }));
    /** @type {Map<string, {area: SVGElement, line: SVGElement, key: HTMLElement, value: HTMLElement, label: HTMLElement}>} */
    const series = new Map();
    for (const s of chart.series) {
      const area = svgElement('path', { class: `area series-${s.key}` });
      const line = svgElement('path', { class: `line series-${s.key}` });
      svg.append(area, line);
      const key = element('span', `key series-${s.key}`);
      const label = element('span', 'label');
      const value = element('b', 'value');
      key.append(element('i', 'swatch'), label, value);
      legend.append(key);
      series.set(s.key, { area, line, key, value, label });
    }
    const ends = element('div', 'axis');
    const from = element('span', 'from');
    const to = element('span', 'to');
    ends.append(from, to);
    plot.append(top, svg);
    const note = element('p', 'note');
    figure.append(caption, plot, ends, note);
    return { figure, title, top, svg, series, from, to, note };
  }

  function buildContainer(container) {
    const section = element('section', 'container');
    const header = element('header');
    const name = element('h2', 'name');
    const status = element('span', 'status');
    header.append(name, status);
    const grid = element('div', 'charts');
    const charts = new Map();
    for (const chart of container.charts) {
      const built = buildChart(chart);
      charts.set(chart.key, built);
      grid.append(built.figure);
    }
    section.append(header, grid);
    return { section, name, status, charts };
  }

  /** Shows a container's message (building its section the first time) and tells the extension what it drew. */
  function render(container) {
    let view = shown.get(container.id);
    if (!view) {
      view = buildContainer(container);
      shown.set(container.id, view);
      root.querySelector('.empty')?.remove();
      root.append(view.section);
    }
    view.section.dataset.status = container.status;
    view.name.textContent = container.name;
    view.status.textContent = container.statusText;
    let drawn = 0;
    for (const chart of container.charts) {
      const built = view.charts.get(chart.key);
      if (!built) continue;
      built.title.textContent = chart.title;
      built.top.textContent = chart.top;
      built.note.textContent = chart.note;
      built.from.textContent = container.axis.from;
      built.to.textContent = container.axis.to;
      const described = [];
      for (const s of chart.series) {
        const parts = built.series.get(s.key);
        if (!parts) continue;
        const { line, area } = paths(s.points);
        parts.line.setAttribute('d', line);
        parts.area.setAttribute('d', area);
        parts.label.textContent = s.label;
        parts.value.textContent = s.value;
        drawn += s.points.filter(Boolean).length;
        described.push(`${s.label} ${s.value}`);
      }
      built.svg.setAttribute('aria-label', `${chart.title} of ${container.name}: ${described.join(', ')} (top ${chart.top})`);
    }
    vscode.postMessage({ type: 'drawn', id: container.id, points: drawn });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'containers') {
      shown.clear();
      root.replaceChildren();
      for (const container of message.containers) render(container);
    } else if (message.type === 'container') {
      render(message.container);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
