import { test as base, expect, BrowserContext, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// Every journey also checks that the pages it opened broke no Content-Security-Policy rule:
// a script, style or frame the policy refuses is a page that silently does not work (a front
// end that never hydrates, a preview that stays blank), whichever test happened to open it.

export { expect };
export type { Page };

// Every journey also runs axe-core on the pages it stops on: each page once hydrated (journey.ts's
// `hydrated`), each page a no-JavaScript journey reaches, and every page still open when the
// test ends. WCAG 2.1 levels A and AA, the criteria RGAA 4.1 is built on. Whatever axe finds
// fails the test at its end, with the page's address and the elements concerned.
// Legacy mode: axe runs in the page (and its frames) and gathers its results there, instead of
// opening a blank page of the context and injecting itself again to gather them. Same results
// (the same rules passed, failed, incomplete and inapplicable, compared on /eligibilite), 0.73 s
// a check instead of 1.6 s: about half of a long journey's time went to that blank page. It
// still finds what is wrong inside a frame of our origin (checked: an image without text in one);
// it gives up cross-origin and `srcdoc` frames, which our pages do not have (the
// Content-Security-Policy allows frames of our own origin only).
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
let findings: string[] = [];
let checked = 0;
// axe-core runs asynchronously in the page, which a context without JavaScript never lets
// finish: a page of such a context is checked as a copy, its HTML without scripts served at its
// own address (so its stylesheets and fonts load) in a helper page of the same size.
const withoutJs = new WeakSet<BrowserContext>();
let helperContext: ((options: { viewport: { width: number; height: number } | null; javaScriptEnabled: boolean }) => Promise<BrowserContext>) | undefined;

export async function accessible(page: Page, when = "") {
  let target = page;
  let helper: BrowserContext | undefined;
  if (withoutJs.has(page.context())) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    helper = await helperContext!({ viewport: page.viewportSize(), javaScriptEnabled: true });
    target = await helper.newPage();
    await target.route("**/*", (route) =>
      route.request().isNavigationRequest()
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : route.request().resourceType() === "script"
          ? route.abort()
          : route.continue(),
    );
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_21_AA).setLegacyMode(true).analyze();
  await helper?.close();
  checked += 1;
  const at = new URL(page.url());
  for (const v of results.violations) {
    const nodes = v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ");
    findings.push(`${at.pathname}${at.search} ${when}: ${v.id} (${v.impact}): ${v.help} — ${nodes}`);
  }
}

export const test = base.extend<{ guards: void }>({
  // One wrapper of browser.newContext for both checks: every person of a journey (an instructor,
  // another browser) is watched for CSP violations and checked by axe-core like the first.
  guards: [
    async ({ context, browser, javaScriptEnabled }, use, testInfo) => {
      findings = [];
      checked = 0;
      const violations: string[] = [];
      const contexts: BrowserContext[] = [];
      const follow = (c: BrowserContext, js: boolean | undefined) => {
        contexts.push(c);
        if (js === false) withoutJs.add(c);
        c.on("console", (msg) => {
          if (/Content.Security.Policy/i.test(msg.text())) {
            violations.push(`${msg.location().url}: ${msg.text()}`);
          }
        });
      };
      follow(context, javaScriptEnabled);
      const newContext = browser.newContext.bind(browser);
      helperContext = (options) => newContext(options);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        follow(c, options?.javaScriptEnabled);
        return c;
      };
      await use();
      browser.newContext = newContext;
      // A journey that is not this project's (test.skip) opened nothing to check.
      if (testInfo.status === "skipped") return;
      if (testInfo.status !== testInfo.expectedStatus) {
        // Where each person's browser was when the test failed (read by brief-reporter.ts).
        const open = contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed()).map((p) => p.url());
        console.log(`pages open at the failure: ${open.join(" , ") || "none"}`);
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
      // What each person's browser shows at the end (a decision, a download's page, an error).
      for (const c of contexts) {
        for (const page of c.pages()) {
          if (page.isClosed() || !page.url().startsWith("http")) continue;
          await page.waitForLoadState("load");
          const html = await page.evaluate(() => document.contentType === "text/html");
          if (html) await accessible(page, "(end of the test)");
        }
      }
      expect(checked, "pages checked by axe-core").toBeGreaterThan(0);
      expect(findings, "accessibility violations (axe-core, WCAG 2.1 A and AA)").toEqual([]);
    },
    { auto: true },
  ],
});
