import { test, expect, Page } from "./fixtures";
import { codeFor, hydrated, signIn, start, unique } from "./journey";

// Islands: the pages render on the server and only their interactive parts (`#[island]`) run in
// the browser. The page's loader fetches the front end where there is an island, and only there.
// Each island is lazy (`cargo leptos build --split`): its code is a WASM module of its own beside
// the main one (the runtime), with shared chunks.

/** Each WASM module the page fetched and how its fetch began: "link" when the page's head asked
 * for it (a preload), so that it did not wait for the main module to run first. */
async function wasmFetches(page: Page): Promise<{ path: string; initiator: string }[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.endsWith(".wasm"))
      .map((e) => ({ path: new URL(e.name).pathname, initiator: (e as PerformanceResourceTiming).initiatorType })),
  );
}

/** The page fetched the main module and its island's own, each once, each as the page arrived. */
async function expectIslandModules(page: Page): Promise<string[]> {
  const fetches = await wasmFetches(page);
  const paths = fetches.map((f) => f.path);
  expect(paths).toContain("/pkg/work-in-france.wasm");
  expect(paths.length).toBeGreaterThan(1);
  expect(new Set(paths).size).toBe(paths.length);
  expect(fetches.filter((f) => f.initiator !== "link")).toEqual([]);
  return paths;
}

function codeFetched(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/pkg\/.*\.(wasm|js)$/.test(path)) urls.push(path);
  });
  return urls;
}

test("a page without an island fetches no front end and is marked ready", async ({ page }) => {
  const fetched = codeFetched(page);
  for (const path of ["/", "/acces", "/instruction/connexion", "/accessibilite"]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.locator("leptos-island")).toHaveCount(0);
    await expect(page.locator("link[rel='preload'], link[rel='modulepreload']")).toHaveCount(0);
  }
  expect(fetched).toEqual([]);
});

test("the eligibility check and a wizard step hydrate their islands", async ({ page }) => {
  test.setTimeout(60_000);
  const fetched = codeFetched(page);
  await page.goto("/eligibilite");
  await hydrated(page);
  await expect(page.locator("leptos-island")).toHaveCount(1);
  // The page's head asks for the front end as the page arrives (the loader runs only once the
  // whole document is read), and the loader uses those fetches.
  const eligibility = await expectIslandModules(page);
  expect(fetched.filter((u) => u.endsWith(".wasm")).sort()).toEqual([...eligibility].sort());
  const email = unique("bundle");
  await start(page, email, "student");
  await signIn(page, email, await codeFor(email));
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);
  await expect(page.locator("leptos-island")).toHaveCount(1);
  // The wizard's island is not the eligibility form's: a module of its own.
  const step = await expectIslandModules(page);
  expect(step.filter((p) => !eligibility.includes(p))).not.toEqual([]);
  await expect(page.getByLabel("Nom de famille")).toBeVisible();
});

test("a link followed before the front end has loaded opens its page", async ({ page }, info) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The WASM is held back: the server-rendered form is there, its island not live yet (a slow
  // phone network does this).
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/pkg\/work-in-france\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const asked = page.waitForRequest(/\/pkg\/work-in-france\.wasm$/);
  await page.goto("/eligibilite");
  await asked;
  await expect(page.locator("body[data-hydrated='true']")).toHaveCount(0);
  // On a phone the menu opens first (a <details>: no front end needed).
  if (info.project.name === "phone") await page.getByText("Menu", { exact: true }).click();
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Faire une demande" }).click();
  release();
  await expect(page).toHaveURL(/\/demande$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await hydrated(page);
  expect(errors).toEqual([]);
});
