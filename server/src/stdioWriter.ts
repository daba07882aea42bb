// The stdio message writer: LSP base protocol framing (`Content-Length: N\r\n\r\n` + N bytes of JSON), each message
// handed to the stream in the call that sends it. vscode-jsonrpc's own writer allows encoders that answer later, so
// it queues every message behind a setImmediate and writes the header and the body in separate turns: whatever the
// server does right after sending (the rest of a check, a garbage collection) holds back an answer that is ready
// (measured: 4-7 ms between publishing the 9.6k-line Dockerfile's diagnostics and their first byte on stdout).
// The encoder here (jsonEncoder.ts) is synchronous, and the stream itself keeps the messages in order.
import type { Writable } from 'stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

export class ImmediateMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(
    private readonly output: Writable,
    private readonly encode: (msg: Message) => Uint8Array[],
  ) {
    super();
    output.on('error', (error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let pieces: Uint8Array[];
    try {
      pieces = this.encode(msg);
    } catch (error) {
      this.fireError(error, msg, ++this.errors);
      return Promise.reject(error);
    }
    let length = 0;
    for (const piece of pieces) length += piece.byteLength;
    return new Promise<void>((resolve, reject) => {
      const written = (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      };
      if (this.output.destroyed || !this.output.writable) {
        written(new Error('The output stream is closed.'));
        return;
      }
      // One write of the header and all pieces (writev), in this call.
      this.output.cork();
      this.output.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      for (let i = 0; i < pieces.length; i++) this.output.write(pieces[i], i === pieces.length - 1 ? written : undefined);
      this.output.uncork();
    });
  }

  end(): void {
    this.output.end();
  }
}
