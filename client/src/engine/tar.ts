// The tar format as the Engine API's archive endpoints speak it (Go's archive/tar: ustar headers, PAX records for
// long or non-ASCII names, GNU long names from older engines). Pure, no vscode, no dockerode: a streaming reader
// that hands over each entry's header (and, when asked, its data) without buffering the archive, and a writer.
// Written here rather than taken from a package: dockerode only brings tar-stream in as its own dependency, and
// what we need (headers, stop after a bound, uid/gid/mode on write) is small.
const BLOCK = 512;

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** As written in the archive, without a trailing "/". */
  name: string;
  type: TarEntryType;
  /** Permission bits (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
  linkName: string;
}

/** What the reader does with an entry: skip its data, hand its data chunks to `data`, or stop reading. */
export type EntryChoice = { data(chunk: Buffer): void } | 'skip' | 'stop';

/**
 * Reads a tar stream chunk by chunk. `onEntry` decides per entry; after 'stop' (or the end-of-archive blocks) the
 * reader ignores the rest and `done` is true. Throws on a damaged header.
 */
export class TarReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current entry's data still to come, and the padding after them. */
  private dataLeft = 0;
  private padLeft = 0;
  private sink: ((chunk: Buffer) => void) | undefined;
  private meta: { kind: 'pax' | 'global' | 'longName' | 'longLink'; parts: Buffer[] } | undefined;
  private pax: Record<string, string> = {};
  done = false;

  constructor(private readonly onEntry: (entry: TarEntry) => EntryChoice) {}

  write(chunk: Buffer): void {
    let offset = 0;
    while (!this.done && offset < chunk.length) {
      if (this.dataLeft > 0 || this.padLeft > 0) {
        offset = this.consumeData(chunk, offset);
        continue;
      }
      const need = BLOCK - this.pendingBytes;
      const take = chunk.subarray(offset, offset + need);
      offset += take.length;
      this.pending.push(take);
      this.pendingBytes += take.length;
      if (this.pendingBytes === BLOCK) {
        const header = Buffer.concat(this.pending);
        this.pending = [];
        this.pendingBytes = 0;
        this.onHeader(header);
      }
    }
  }

  private consumeData(chunk: Buffer, offset: number): number {
    if (this.dataLeft > 0) {
      const part = chunk.subarray(offset, offset + this.dataLeft);
      this.dataLeft -= part.length;
      if (this.meta) this.meta.parts.push(Buffer.from(part));
      else this.sink?.(part);
      if (this.dataLeft === 0 && this.meta) this.endMeta();
      return offset + part.length;
    }
    const skip = Math.min(this.padLeft, chunk.length - offset);
    this.padLeft -= skip;
    return offset + skip;
  }

  private onHeader(header: Buffer): void {
    if (header.every((byte) => byte === 0)) {
      this.done = true;
      return;
    }
    if (!checksumOk(header)) throw new Error('the archive is damaged (a header checksum does not match)');
    const size = readNumber(header, 124, 12);
    const flag = String.fromCharCode(header[156]);
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    this.sink = undefined;
    if (flag === 'x' || flag === 'L' || flag === 'K' || flag === 'g') {
      this.meta = { kind: flag === 'L' ? 'longName' : flag === 'K' ? 'longLink' : flag === 'g' ? 'global' : 'pax', parts: [] };
      if (size === 0) this.endMeta();
      return;
    }
    const entry = this.entryOf(header, flag, size);
    this.pax = {};
    const choice = this.onEntry(entry);
    if (choice === 'stop') this.done = true;
    else if (choice !== 'skip') this.sink = (part) => choice.data(part);
  }

  private endMeta(): void {
    const meta = this.meta!;
    this.meta = undefined;
    const text = Buffer.concat(meta.parts);
    if (meta.kind === 'longName') this.pax.path = cString(text);
    else if (meta.kind === 'longLink') this.pax.linkpath = cString(text);
    else if (meta.kind === 'pax') Object.assign(this.pax, parsePax(text));
  }

  private entryOf(header: Buffer, flag: string, size: number): TarEntry {
    const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? cString(header.subarray(345, 500)) : '';
    const short = cString(header.subarray(0, 100));
    const name = this.pax.path ?? (prefix ? `${prefix}/${short}` : short);
    const type: TarEntryType =
      flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '5' ? 'directory' : flag === '2' ? 'symlink' : flag === '1' ? 'hardlink' : 'other';
    return {
      name: name.length > 1 ? name.replace(/\/+$/, '') : name,
      type: type === 'file' && name.endsWith('/') ? 'directory' : type,
      mode: readNumber(header, 100, 8) & 0o7777,
      uid: this.pax.uid !== undefined ? Number(this.pax.uid) : readNumber(header, 108, 8),
      gid: this.pax.gid !== undefined ? Number(this.pax.gid) : readNumber(header, 116, 8),
      size: this.pax.size !== undefined ? Number(this.pax.size) : size,
      mtime: Math.round(Number(this.pax.mtime ?? readNumber(header, 136, 12)) * 1000),
      linkName: this.pax.linkpath ?? cString(header.subarray(157, 257)),
    };
  }
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

/** An octal field, or GNU's base-256 form for big numbers (first byte 0x80). */
function readNumber(header: Buffer, offset: number, length: number): number {
  const field = header.subarray(offset, offset + length);
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 8 * 32;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += header[i];
  return sum === readNumber(header, 148, 8);
}

/** PAX records: "<length> <key>=<value>\n", lengths in bytes. */
function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(data.subarray(offset, space).toString('latin1'), 10);
    if (!(length > 0) || offset + length > data.length) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}

export interface TarWriteEntry {
  name: string;
  type: 'file' | 'directory';
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of a file's data (0 for a folder). */
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
}

/** The header block(s) of one entry: a PAX record first when the name does not fit ustar's 100 bytes of ASCII. */
export function tarHeader(entry: TarWriteEntry): Buffer {
  const name = entry.type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const plain = /^[\x20-\x7e]*$/.test(name) && Buffer.byteLength(name) <= 100;
  const main = ustarBlock({ ...entry, name: plain ? name : name.slice(0, 99).replace(/[^\x20-\x7e]/g, '_') }, entry.type === 'file' ? '0' : '5');
  if (plain) return main;
  const record = paxRecord('path', name);
  const paxHeader = ustarBlock({ ...entry, name: 'PaxHeader', type: 'file', size: record.length }, 'x');
  return Buffer.concat([paxHeader, record, Buffer.alloc(padding(record.length)), main]);
}

/** The zero bytes that pad `size` bytes of data to a whole block. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** The two zero blocks that end an archive. */
export const TAR_END = Buffer.alloc(2 * BLOCK);

/** A whole archive of small entries held in memory (one file written back, one folder created). */
export function tarOf(entries: { entry: TarWriteEntry; data?: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const { entry, data } of entries) {
    parts.push(tarHeader({ ...entry, size: data?.length ?? 0 }));
    if (data) parts.push(data, Buffer.alloc(padding(data.length)));
  }
  return Buffer.concat([...parts, TAR_END]);
}

function ustarBlock(entry: TarWriteEntry, flag: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(entry.name, 0, 100, 'utf8');
  const octal = (value: number, offset: number, length: number) => block.write(`${Math.max(0, Math.floor(value)).toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
  octal(entry.mode & 0o7777, 100, 8);
  octal(entry.uid, 108, 8);
  octal(entry.gid, 116, 8);
  octal(entry.size, 124, 12);
  octal(entry.mtime / 1000, 136, 12);
  block.write(flag, 156, 1, 'latin1');
  block.write('ustar\0', 257, 6, 'latin1');
  block.write('00', 263, 2, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body);
  // The length counts its own digits.
  let length = bytes + 1;
  while (length !== bytes + String(length).length) length = bytes + String(length).length;
  return Buffer.from(`${length}${body}`, 'utf8');
}
