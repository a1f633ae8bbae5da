// The end-to-end run's failures in a few lines, printed by `npm test` after its summary: CI keeps only
// the tail of a run's output, where Playwright's own report of an error (printed before the list of
// results) is long gone. For each test that failed or passed only on its retry: where it is, and for
// every attempt the error's first lines and the line of the spec it stopped at.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const file = fileURLToPath(new URL('../e2e/test-results-json/results.json', import.meta.url));
if (!existsSync(file)) {
  console.log('（没有 e2e 结果文件 / no e2e results file: the run stopped before Playwright reported）');
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));

function* specs(suite, titles = []) {
  const path = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) yield { spec, titles: path };
  for (const child of suite.suites ?? []) yield* specs(child, path);
}

let shown = 0;
for (const top of report.suites ?? []) {
  for (const { spec, titles } of specs(top)) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
      shown++;
      const verdict = test.status === 'flaky' ? '重试后通过 / flaky' : '失败 / failed';
      console.log(`\n[${verdict}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')} (${test.projectName})`);
      for (const result of test.results ?? []) {
        console.log(`  attempt ${result.retry + 1}: ${result.status}, ${(result.duration / 1000).toFixed(1)} s`);
        for (const error of result.errors ?? []) {
          const lines = stripVTControlCharacters(error.message ?? error.value ?? '').split('\n').filter((l) => l.trim()).slice(0, 12);
          for (const line of lines) console.log(`    ${line.slice(0, 300)}`);
        }
      }
    }
  }
}
console.log(shown ? `\n${shown} e2e test(s) above (trace: e2e/test-results/)` : '\ne2e: no failed or flaky test in results.json');
