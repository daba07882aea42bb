// Text that the views' rows and tooltips and the commands' messages share: sizes, ages, dates, plurals, image ids
// and the markdown helpers. Pure, no vscode import.

/** Decimal units, as `docker images` and `docker system df` use them. */
const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;
/** Binary units, as `docker stats` uses them for memory. */
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Bytes in the largest unit (steps of `base`) that keeps the number at least 1, with `digits` significant digits and
 * a space before the unit. A size that rounds up to `base` of a unit reads as 1 of the next.
 */
function scaledBytes(bytes: number, base: number, units: readonly string[], digits: number): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  let rounded = Number(value.toPrecision(digits));
  if (rounded >= base && unit < units.length - 1) {
    rounded = Number((rounded / base).toPrecision(digits));
    unit++;
  }
  return `${rounded} ${units[unit]}`;
}

/**
 * Bytes in decimal units with three significant digits, like `docker images` ("4.2 MB", "123 MB", "1.05 GB"),
 * with a space before the unit. A size that rounds up to 1000 of a unit reads as 1 of the next ("1 MB", not
 * "1e+03 kB" as docker prints it).
 */
export function formatBytes(bytes: number): string {
  return scaledBytes(bytes, 1000, BYTE_UNITS, 3);
}

/**
 * Bytes in binary units with four significant digits, as `docker stats` shows memory ("1.234 MiB", "7.667 GiB"),
 * with a space before the unit like the other sizes of the extension. A size that rounds up to 1024 of a unit
 * reads as 1 of the next.
 */
export function binarySize(bytes: number): string {
  return scaledBytes(bytes, 1024, BINARY_UNITS, 4);
}

/** A percentage with two decimals, as `docker stats` shows CPU and memory ("12.35%"); not a number reads as 0.00%. */
export function formatPercent(value: number): string {
  return `${(Number.isFinite(value) ? value : 0).toFixed(2)}%`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** An average year and month, so that twelve months make a year and the weeks run up to the first month. */
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

const AGE_STEPS: readonly [limit: number, size: number, unit: string][] = [
  [HOUR, MINUTE, 'minute'],
  [DAY, HOUR, 'hour'],
  [WEEK, DAY, 'day'],
  [MONTH, WEEK, 'week'],
  [YEAR, MONTH, 'month'],
  [Infinity, YEAR, 'year'],
];

/**
 * How long before `now` the moment `ms` was, both in milliseconds since the epoch, rounded down to its largest
 * whole unit: "just now" (under a minute, or in the future when clocks disagree), "1 minute ago", "5 hours ago",
 * "3 days ago", "4 weeks ago", "11 months ago", "2 years ago".
 */
export function formatAge(ms: number, now: number): string {
  const elapsed = now - ms;
  if (!(elapsed >= MINUTE)) return 'just now';
  const [, size, unit] = AGE_STEPS.find(([limit]) => elapsed < limit) ?? AGE_STEPS[AGE_STEPS.length - 1];
  return `${plural(Math.floor(elapsed / size), unit)} ago`;
}

/** "1 tag", "2 tags", "0 containers"; `nouns` for an irregular plural ("build cache entries"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** A moment in milliseconds since the epoch as "2023-11-14T22:13:20Z". */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Markdown lines of one paragraph, hard line breaks between them; falsy entries are left out. */
export function lines(items: readonly (string | false | undefined)[]): string {
  return items.filter(Boolean).join('  \n');
}

/** Markdown blocks, a blank line between them; falsy or empty entries are left out. */
export function section(blocks: readonly (string | false | undefined)[]): string {
  return blocks.filter(Boolean).join('\n\n');
}

/** User-controlled text as plain markdown text, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&');
}

/** User-controlled text as a markdown code span, on one line, whatever backticks it holds. */
export function code(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Labels as a markdown list of `key=value` code spans, sorted by key; "" when there are none. */
export function labelList(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length > 0 ? ['Labels:', ...entries.map(([key, value]) => `- ${code(`${key}=${value}`)}`)].join('\n') : '';
}

/** Names compare naturally: "web-2" before "web-10". */
export const naturalCollator = new Intl.Collator('en', { numeric: true });

/** An image id as `docker images` shows it: the first 12 hex digits, without "sha256:". */
export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
