/** Entry point of `npm run bench`; the logic is in benchCommand.ts. */
import { runBench } from './benchCommand.ts';
import { runAsProcess } from './io.ts';

runAsProcess('bench', runBench);
