import { test as base, expect, BrowserContext, Page } from "@playwright/test";

// Every journey also checks that the pages it opened broke no Content-Security-Policy rule:
// a script, style or frame the policy refuses is a page that silently does not work (a front
// end that never hydrates, a preview that stays blank), whichever test happened to open it.

export { expect };
export type { Page };

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = (c: BrowserContext) =>
        c.on("console", (msg) => {
          if (/Content.Security.Policy/i.test(msg.text())) {
            violations.push(`${msg.location().url}: ${msg.text()}`);
          }
        });
      watch(context);
      // The second person of a journey (an instructor, another browser) is watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        watch(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
