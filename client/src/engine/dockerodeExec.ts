// A program run inside a container through the Engine API's exec (an argument array, never a shell string), its
// output collected up to a bound. For what the archive endpoints cannot do (delete), or cannot do at a bounded cost
// (list a folder whose tree is huge). Takes the Docker object and the `call` helper of DockerodeEngine.ts.
import type Docker from 'dockerode';
import type { EngineCall } from './dockerodeResources';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout was longer than the bound and was cut. */
  cut: boolean;
}

const EXEC_TIMEOUT_MS = 60_000;

/** Runs `cmd` in the container as its user and waits for it to end (at most a minute). */
export async function execIn(docker: Docker, call: EngineCall, id: string, cmd: string[], maxOutput = 4 * 1024 * 1024): Promise<ExecResult> {
  const container = docker.getContainer(id);
  const exec = await call(() => container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true }));
  const stream = (await call(() => exec.start({ hijack: true, stdin: false }))) as NodeJS.ReadableStream & { destroy(): void };
  const out: Buffer[] = [];
  let outBytes = 0;
  let cut = false;
  let stderr = '';
  const stdoutSink = {
    write: (chunk: Buffer) => {
      if (outBytes + chunk.length > maxOutput) {
        cut = true;
        stream.destroy();
        return true;
      }
      out.push(Buffer.from(chunk));
      outBytes += chunk.length;
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const stderrSink = { write: (chunk: Buffer) => ((stderr = (stderr + chunk.toString('utf8')).slice(-2000)), true) } as unknown as NodeJS.WritableStream;
  docker.modem.demuxStream(stream, stdoutSink, stderrSink);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      stream.destroy();
      resolve();
    }, EXEC_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', done);
  });
  const info = await call(() => exec.inspect());
  return { exitCode: info.ExitCode ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr, cut };
}
