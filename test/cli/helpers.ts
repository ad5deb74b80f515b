import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIo } from '../../src/cli/io.ts';
import type { CliIo } from '../../src/cli/io.ts';

export interface Captured {
  io: CliIo;
  out: { stdout: string; stderr: string };
}

/** The real file reading, with the output captured and standard input given as text. */
export function captureIo(stdin?: string): Captured {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readStdin: (maxBytes) => {
      if (stdin === undefined) return Promise.resolve({ ok: false, error: 'nothing is piped in' });
      if (stdin.length > maxBytes) return Promise.resolve({ ok: false, error: 'too large' });
      return Promise.resolve({ ok: true, text: stdin });
    },
  };
  return { io, out };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'raftlab-cli-'));
}
