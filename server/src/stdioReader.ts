// The stdio message reader: LSP base protocol framing (`Content-Length: N\r\n\r\n` + N bytes of JSON), like
// vscode-jsonrpc's own reader, but a client that sends a wrong Content-Length is not lost for good. With
// vscode-jsonrpc's reader a length that is too large makes it wait for bytes that never come (the client waits for
// an answer meanwhile) and every later message is swallowed; one that is too small leaves the rest of the body
// to be read as headers. Here a frame that is not JSON, or a header without a usable length, is logged and
// skipped, and reading goes on at the next `Content-Length:` header. A body that holds a raw
// `Content-Length: <digits>\r\n` cannot be JSON (a JSON string has no raw line break, and outside strings the
// words are no JSON token), so a too-large length is noticed as soon as the next header has arrived.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
/** A header inside a body: proof that the body's length was wrong (see above). */
const HEADER_IN_BODY = Buffer.from('Content-Length:', 'ascii');
/** Headers longer than this are not headers: skip to the next one. */
const MAX_HEADER_BYTES = 4096;

/** Bytes received and not read yet; appending copies only the new bytes (capacity doubles), reading moves a start. */
class Pending {
  private bytes = Buffer.alloc(64 * 1024);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  view(): Buffer {
    return this.bytes.subarray(this.start, this.end);
  }

  append(data: Buffer): void {
    if (this.start > 0) {
      this.bytes.copy(this.bytes, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end + data.length > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.end + data.length));
      this.bytes.copy(grown, 0, 0, this.end);
      this.bytes = grown;
    }
    data.copy(this.bytes, this.end);
    this.end += data.length;
  }

  /** Drops the first `n` bytes. */
  consume(n: number): void {
    this.start = Math.min(this.end, this.start + n);
    if (this.start === this.end) this.start = this.end = 0;
  }
}

export class ResyncingMessageReader extends AbstractMessageReader {
  private readonly pending = new Pending();
  /** The length of the body being read, once its header was read; -1 between messages. */
  private bodyLength = -1;
  /** How far the current body was already searched for a header (so each byte is searched about once). */
  private searched = 0;
  private callback: DataCallback | undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer) => this.onData(data);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    this.input.on('end', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('close', onClose);
        this.input.off('end', onClose);
      },
    };
  }

  private onData(data: Buffer): void {
    this.pending.append(data);
    for (;;) {
      if (this.bodyLength < 0) {
        const header = this.readHeader();
        if (header === 'more') return;
        if (header === 'skipped') continue;
      }
      if (!this.readBody()) return;
    }
  }

  /** Reads the header of the next message: 'read', 'more' (bytes needed) or 'skipped' (it was no header). */
  private readHeader(): 'read' | 'more' | 'skipped' {
    const bytes = this.pending.view();
    const end = bytes.indexOf(HEADER_END);
    if (end < 0) {
      if (bytes.length <= MAX_HEADER_BYTES) return 'more';
      this.skip('a header without an end', 1);
      return 'skipped';
    }
    const match = end <= MAX_HEADER_BYTES ? CONTENT_LENGTH.exec(bytes.toString('ascii', 0, end)) : null;
    if (!match) {
      this.skip('a header without a Content-Length', 1);
      return 'skipped';
    }
    this.pending.consume(end + HEADER_END.length);
    this.bodyLength = Number(match[1]);
    this.searched = 0;
    return 'read';
  }

  /** Reads the body whose header was read; false when more bytes are needed. */
  private readBody(): boolean {
    const wrong = this.headerInBody();
    if (wrong >= 0) {
      this.log(`Content-Length ${this.bodyLength} runs into the next message's header: the message before it is dropped.`);
      this.pending.consume(wrong);
      this.bodyLength = -1;
      return true;
    }
    if (this.pending.length < this.bodyLength) return false;
    const length = this.bodyLength;
    const text = this.pending.view().toString('utf8', 0, length);
    this.pending.consume(length);
    this.bodyLength = -1;
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      this.log(`A message of Content-Length ${length} is not JSON (a wrong length?): it is dropped, reading goes on at the next header.`);
      this.skip(undefined, 0);
      return true;
    }
    this.callback?.(message);
    return true;
  }

  /**
   * Where a raw `Content-Length: <digits>\r\n` header line starts inside the current body, or -1. Only the
   * bytes not searched before are searched (with an overlap for a header cut between two reads).
   */
  private headerInBody(): number {
    const bytes = this.pending.view();
    const limit = Math.min(bytes.length, this.bodyLength);
    const from = Math.max(0, this.searched - 64);
    this.searched = limit;
    for (let at = bytes.indexOf(HEADER_IN_BODY, from); at >= 0 && at < limit; at = bytes.indexOf(HEADER_IN_BODY, at + 1)) {
      if (completeHeaderAt(bytes, at)) return at;
    }
    return -1;
  }

  /** Drops bytes up to the next `Content-Length:` at or after `from`; without one, all but a header's possible start. */
  private skip(why: string | undefined, from: number): void {
    if (why) this.log(`Skipped ${why}; reading goes on at the next Content-Length header.`);
    const bytes = this.pending.view();
    const next = bytes.indexOf(HEADER_IN_BODY, from);
    this.pending.consume(next >= 0 ? next : bytes.length - partialHeaderAtEnd(bytes));
    this.bodyLength = -1;
  }
}

/** The length of the longest end of `bytes` that may be the start of a `Content-Length:` still to come. */
function partialHeaderAtEnd(bytes: Buffer): number {
  for (let n = Math.min(HEADER_IN_BODY.length - 1, bytes.length); n > 0; n--) {
    if (bytes.subarray(bytes.length - n).equals(HEADER_IN_BODY.subarray(0, n))) return n;
  }
  return 0;
}

/** True when a whole `Content-Length: <digits>` header line starts at `at` (its line break has arrived). */
function completeHeaderAt(bytes: Buffer, at: number): boolean {
  const eol = bytes.indexOf('\r\n', at, 'ascii');
  return eol > at && eol - at < 64 && /^Content-Length:[ \t]*\d+[ \t]*$/.test(bytes.toString('ascii', at, eol));
}
