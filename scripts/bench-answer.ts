/**
 * `npm run bench:answer`: index build time at start and answer latency over the evaluation
 * questions, repeated. Targets: build ≤ 500 ms, p99 ≤ 5 ms. Figures only, no assertions.
 */
import { performance } from 'node:perf_hooks';
import { createAnswerer } from '../src/domain/guidance/answerer';
import { loadContent } from '../src/domain/guidance/content';
import { loadEvalQuestions } from '../src/domain/guidance/evaluation';

const t0 = performance.now();
const content = loadContent();
const t1 = performance.now();
const answerer = createAnswerer(content);
const t2 = performance.now();

const questions = loadEvalQuestions();
const REPEAT = 20;
const times: number[] = [];
for (let r = 0; r < REPEAT; r++) {
  for (const q of questions) {
    const s = performance.now();
    answerer.answer(q.q, { lang: q.lang });
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const pctl = (p: number): number => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
console.log(`content load + validation: ${(t1 - t0).toFixed(1)} ms`);
console.log(`index build:               ${(t2 - t1).toFixed(1)} ms (target ≤ 500 ms)`);
console.log(`answers timed:             ${times.length} (${questions.length} questions × ${REPEAT})`);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
console.log(`latency mean:              ${mean.toFixed(3)} ms`);
console.log(`latency p50:               ${pctl(50).toFixed(3)} ms`);
console.log(`latency p99:               ${pctl(99).toFixed(3)} ms (target ≤ 5 ms)`);
console.log(`latency max:               ${times[times.length - 1]!.toFixed(3)} ms`);
