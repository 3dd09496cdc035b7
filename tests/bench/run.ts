/**
 * `npm run bench [-- index|preview|taxonomy …]`: every benchmark, or the ones named. Each prints its
 * figures as ratios to a floor measured in the same run, so they do not depend on the machine;
 * the exit code is 1 when a target is missed.
 */
import { runIndexBench } from './index-speed';
import { runPreviewBench } from './preview-latency';
import { runTaxonomyBench } from './taxonomy-speed';

const BENCHES: Record<string, () => Promise<boolean>> = { index: runIndexBench, preview: runPreviewBench, taxonomy: runTaxonomyBench };

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in BENCHES));
if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
let ok = true;
for (const name of chosen.length > 0 ? chosen : Object.keys(BENCHES)) ok = (await BENCHES[name]!()) && ok;
console.log(ok ? 'bench: all targets met' : 'bench: a target was missed');
process.exitCode = ok ? 0 : 1;
