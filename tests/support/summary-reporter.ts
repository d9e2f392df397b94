/**
 * Prints one plain closing line, "N passed, N failed[, N skipped]", after vitest's own summary, so
 * tools that read a run's last line (CI) see the counts in a runner-neutral form. Before it, the
 * chat payloads the platforms' validators checked (tests/fakes/validate), by kind, and how many
 * they refused.
 */
import type { Reporter, TestModule } from 'vitest/node';

interface PayloadCounts {
  readonly validated: Record<string, number>;
  readonly failed: Record<string, number>;
}

function payloadLine(testModules: ReadonlyArray<TestModule>): string | undefined {
  const validated = new Map<string, number>();
  let failed = 0;
  for (const module of testModules) {
    const p = (module.meta() as { payloads?: PayloadCounts }).payloads;
    if (!p) continue;
    for (const [kind, n] of Object.entries(p.validated)) validated.set(kind, (validated.get(kind) ?? 0) + n);
    for (const n of Object.values(p.failed)) failed += n;
  }
  const total = [...validated.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const kinds = [...validated.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  return `chat payloads validated: ${total} (${kinds}), failures ${failed}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const payloads = payloadLine(testModules);
    process.stdout.write(`\n${payloads ? `${payloads}\n` : ''}${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
