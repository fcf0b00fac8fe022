import type { Reporter, TestModule } from "vitest/node";

declare module "vitest" {
  interface TaskMeta {
    contractChecked?: number;
  }
}

/**
 * Prints, at the end of the Worker test run, how many responses the contract check validated
 * against the OpenAPI document (each test records its count in its meta; see tests/worker/setup.ts).
 * An undocumented response fails its own test, so the failures are in the run's summary.
 */
export default class ContractReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let checked = 0;
    let failed = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        checked += test.meta().contractChecked ?? 0;
        const result = test.result();
        if (result.state === "failed" && result.errors?.some((e) => e.message.startsWith("Contract:"))) failed++;
      }
    }
    console.log(
      `\nContract: ${checked} responses validated against the OpenAPI document; ` +
        `${failed} tests failed on an undocumented one.`,
    );
  }
}
