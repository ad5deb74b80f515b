/**
 * What the commands need from the outside world, injected so their logic is tested without a
 * process: output streams and size-capped reads. Input is untrusted: a file's size is checked
 * before reading it, and reads stop one byte past the cap whatever the size claimed.
 */
import { open } from 'node:fs/promises';

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 text file of at most `maxBytes`. Errors do not repeat the path. */
  readFile(path: string, maxBytes: number): Promise<ReadResult>;
  readStdin(maxBytes: number): Promise<ReadResult>;
}

export function sizeText(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(bytes: number | null, maxBytes: number): ReadResult {
  const size = bytes === null ? `more than ${sizeText(maxBytes)}` : sizeText(bytes);
  return { ok: false, error: `too large (${size}; a scenario is at most ${sizeText(maxBytes)})` };
}

function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'not UTF-8 text (is it a scenario JSON file?)' };
  }
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a scenario file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  ENAMETOOLONG: 'the file name is too long',
};

function fsError(error: unknown): ReadResult {
  const code = (error as { code?: unknown }).code;
  const text =
    typeof code === 'string' ? (FS_ERRORS[code] ?? `cannot read (${code})`) : 'cannot read';
  return { ok: false, error: text };
}

/** Reads at most maxBytes + 1 bytes, so a file that grows or lies about its size is still caught. */
async function readFileCapped(path: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return fsError(error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, error: FS_ERRORS.EISDIR ?? '' };
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const buffer = new Uint8Array(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge(null, maxBytes);
    }
    return decodeUtf8(buffer.subarray(0, length));
  } catch (error) {
    return fsError(error);
  } finally {
    await handle.close();
  }
}

async function readStdinCapped(maxBytes: number): Promise<ReadResult> {
  if (process.stdin.isTTY) {
    return { ok: false, error: 'nothing is piped in (try: npm run sim -- - < scenario.json)' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      return tooLarge(null, maxBytes);
    }
    chunks.push(chunk);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: readFileCapped,
    readStdin: readStdinCapped,
  };
}

/**
 * Runs a command as the process: its exit code, and one line instead of a stack trace should it
 * throw (a bug, not bad input: exit 3).
 */
export function runAsProcess(
  name: string,
  command: (argv: string[], io: CliIo) => Promise<number>,
): void {
  const io = nodeIo();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`| head`) is not an error of ours.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  command(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`${name}: internal error: ${message.split('\n')[0] ?? ''}\n`);
      process.exitCode = 3;
    },
  );
}
