/** The process edges a command may touch, passed in so tests can run commands in-process. */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Everything piped in, for the SOURCE `-`; read at most once. */
  stdin?: () => Promise<Buffer>;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function processIo(): Io {
  // A reader that stops early (`presence audit … | head`) closes the pipe: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  let piped: Promise<Buffer> | undefined;
  const stdin = () => (piped ??= readAll(process.stdin));
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColor(io: Io, stream: Output = io.stdout): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
}
