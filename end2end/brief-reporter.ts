import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// Printed last, after the list reporter's long account of each failure: which test failed, in
// which project, how, and on which page. A CI log read from its end (as it often is) then
// starts with the cause, not with the middle of a code frame.
export default class BriefReporter implements Reporter {
  private failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === "passed" || result.status === "skipped") return;
    const project = test.parent.project()?.name ?? "?";
    const error = (result.error?.message ?? result.status).replace(/\u001b\[[0-9;]*m/g, "");
    const where = result.error?.stack?.split("\n").find((l) => l.includes("/tests/"))?.trim() ?? "";
    const steps = result.steps.filter((s) => s.error).map((s) => s.title).slice(-1);
    const pages = result.stdout
      .map((chunk) => chunk.toString())
      .filter((line) => line.startsWith("pages open at the failure"))
      .map((line) => line.trim());
    this.failures.push(
      [
        `✘ [${project}] ${test.titlePath().slice(2).join(" › ")} (${result.status}, ${(result.duration / 1000).toFixed(1)} s)`,
        ...error.split("\n").slice(0, 12).map((l) => `    ${l}`),
        where && `    ${where}`,
        ...steps.map((s) => `    step: ${s}`),
        ...pages.map((p) => `    ${p}`),
      ]
        .filter(Boolean)
        .join("\n"),
    );
  }

  onEnd() {
    if (this.failures.length === 0) return;
    console.log(`\nFailures in brief (${this.failures.length}):\n${this.failures.join("\n")}`);
  }
}
