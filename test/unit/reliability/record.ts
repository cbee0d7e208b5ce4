// The per-case record docs/RELIABILITY.md is generated from: each reliability test (unit and
// e2e) puts one row into its task's meta, Vitest's JSON reporter carries it out, and
// scripts/reliability-report.ts turns the report into the table.
import type { TestContext } from 'vitest';

export interface ReliabilityRow {
  area: string;
  case: string;
  expected: string;
  observed: string;
}

declare module 'vitest' {
  interface TaskMeta {
    /** One row of docs/RELIABILITY.md. */
    reliability?: ReliabilityRow;
  }
}

/** Records what a case tried and what actually happened (the doc's "observed" column). */
export function record(
  ctx: TestContext,
  area: string,
  name: string,
  expected: string,
  observed: string,
): void {
  ctx.task.meta.reliability = { area, case: name, expected, observed };
}
