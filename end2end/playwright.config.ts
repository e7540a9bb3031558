import { defineConfig, devices } from "@playwright/test";

// The app is started by Playwright on its own port with a fresh SQLite database
// (scripts/serve-e2e.sh); `make test` builds it first.
// E2E_PROFILE=release runs the given journeys on the release build (make test does, so a
// release front end that does not hydrate cannot pass).
const release = process.env.E2E_PROFILE === "release";
const port = Number(process.env.E2E_PORT ?? (release ? 3112 : 3111));
const siteRoot = release ? process.env.RELEASE_SITE_ROOT ?? "target/site-release" : process.env.LEPTOS_SITE_ROOT ?? "target/site";

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "playwright-report", open: "never" }], ["./brief-reporter.ts"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    // Traces on demand (E2E_TRACE=retain-on-failure, or on): recording one for every test, even
    // to keep only the failures', made the suite take 11.1 min instead of 9.1 on this 2-core
    // machine. A failure still leaves its screenshot and the error's call log.
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } },
    { name: "phone", use: { ...devices["Pixel 7"] } },
  ],
  webServer: {
    command: `LEPTOS_SITE_ROOT=${siteRoot} ../scripts/serve-e2e.sh ${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
