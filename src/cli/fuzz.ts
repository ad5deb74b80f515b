/** Entry point of `npm run fuzz`; the logic is in fuzzCommand.ts and src/scenarios/fuzz.ts. */
import { runFuzz } from './fuzzCommand.ts';
import { runAsProcess } from './io.ts';

runAsProcess('fuzz', (argv, io) =>
  runFuzz(argv, io, { progress: process.stderr.isTTY ? 'bar' : 'lines' }),
);
