// The stats view's page: an empty frame that media/statsView.js fills from the extension's messages. A strict Content
// Security Policy: nothing loads by default, the stylesheet only from the extension, the one script only with this
// page's nonce; no remote resources at all. Pure, no vscode import: tested in plain Node.
import { randomBytes } from 'crypto';

export interface StatsPage {
  /** The webview's own source (webview.cspSource), from which the stylesheet may load. */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri of media/statsView.js and media/statsView.css. */
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** A fresh nonce for one page: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function statsCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

/** Text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function statsHtml(page: StatsPage): string {
  const attr = escapeHtml;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(statsCsp(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${attr(page.styleUri)}">`,
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    '<body>',
    '<main id="containers" aria-live="polite"><p class="empty">Waiting for the stats…</p></main>',
    `<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
