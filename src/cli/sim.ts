/** Entry point of `npm run sim`; the logic is in simCommand.ts. */
import { runAsProcess } from './io.ts';
import { runSim } from './simCommand.ts';

runAsProcess('sim', runSim);
