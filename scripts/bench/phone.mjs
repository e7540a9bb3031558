// make bench: first visits on an emulated mid-range phone, in Debian's Chromium.
//   node phone.mjs BASE_URL SITE_ROOT OUTBOX
// For each page: the bytes transferred (Chromium's network events; over plain http Chromium
// asks for gzip, not brotli, so the brotli size of the same wasm and js is computed from the
// files), the time until every island of the page is live (`body[data-hydrated]`, set at once on
// a page without islands), and until it answers input: on /eligibilite, a first keystroke that
// changes the live answer; elsewhere the page's islands being live. CPU slowed 4×, DevTools'
// "Slow 4G" network.
import { chromium } from "playwright-core";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

const [base, siteRoot, outbox] = process.argv.slice(2);
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true, locale: "fr-FR" };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

function brotli(file) {
  const data = fs.readFileSync(file);
  return zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

async function codeFor(to) {
  for (let i = 0; i < 100; i++) {
    const mails = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort().map((f) => fs.readFileSync(path.join(outbox, f), "utf8")) : [];
    const match = mails.filter((m) => m.includes(`To: ${to}`)).map((m) => m.match(/ : (\d{6})\s/)).find((m) => m);
    if (match) return match[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no access code for ${to}`);
}

/** Signs in (at full speed) so that the measured visit is that of a signed-in user. */
async function signInApplicant(page) {
  const email = `bench.${Date.now()}@example.org`;
  await page.goto(`${base}/demande`);
  await page.locator("label[for='role-student']").click();
  await page.getByLabel("Votre adresse électronique").fill(email);
  await page.getByRole("button", { name: "Recevoir mon code d'accès" }).click();
  await page.waitForURL(/\/acces/);
  await page.getByLabel("Adresse électronique", { exact: true }).fill(email);
  await page.getByLabel("Code d'accès").fill(await codeFor(email));
  await page.getByRole("button", { name: "Accéder", exact: true }).click();
  await page.waitForURL(/\/demande\/salarie/);
  await settled(page);
}

/** The sign-in's own page done loading: its fetches would otherwise count in the measured visit. */
async function settled(page) {
  await page.locator("body[data-hydrated='true']").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");
}

async function signInAgent(page) {
  await page.goto(`${base}/instruction/connexion`);
  await page.getByLabel("Adresse électronique professionnelle").fill("instructeur@demo.workinfrance.fr");
  await page.getByLabel("Mot de passe").fill("demo-instruction-2026");
  await page.getByTestId("log-in").click();
  await page.waitForURL(/\/instruction$/);
  await settled(page);
}

/** /eligibilite opened with three answers given: the hours typed make the answer appear. */
async function typeHours(page) {
  await page.getByLabel("Heures travaillées sur 12 mois").pressSequentially("5");
  await page.getByTestId("eligibility-result").waitFor({ timeout: 60_000 });
}

/** The first dossier of the agent's queue. */
async function firstDossier(page) {
  await signInAgent(page);
  const href = await page.locator("a[href^='/instruction/dossier/']").first().getAttribute("href");
  return href;
}

async function measure(route, signIn, answer) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  if (signIn) await signIn(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const urls = new Map();
  const sizes = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  const started = Date.now();
  await page.goto(`${base}${route}`, { waitUntil: "commit" });
  await page.locator("body[data-hydrated='true']").waitFor({ state: "attached", timeout: 120_000 });
  const hydrated = Date.now() - started;
  if (answer) await answer(page);
  const usable = Date.now() - started;
  await page.waitForLoadState("networkidle");
  let total = 0, code = 0, codeBrotli = 0;
  const files = [];
  for (const [id, bytes] of sizes) {
    total += bytes;
    const url = urls.get(id);
    if (!url || !url.startsWith("http")) continue;
    const pathname = new URL(url).pathname;
    if (/\.(wasm|js)$/.test(pathname)) {
      code += bytes;
      const onDisk = path.join(siteRoot, pathname);
      if (fs.existsSync(onDisk)) codeBrotli += brotli(onDisk);
      files.push(path.basename(pathname));
    }
  }
  await context.close();
  return { route, total, code, codeBrotli, hydrated, usable, files };
}

const rows = [
  await measure("/eligibilite?nationality=DZ&permit=algerian_student_certificate&contract=employment", null, typeHours),
  await measure("/demande"),
  await measure("/demande/salarie", signInApplicant),
  await measure("/suivi", signInApplicant),
  await measure("/instruction", signInAgent),
];
{
  const context = await browser.newContext(PHONE);
  const dossier = await firstDossier(await context.newPage());
  await context.close();
  rows.push(await measure(dossier, signInAgent));
}
await browser.close();

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log("page                 all bytes  wasm+js (gzip)  wasm+js (brotli-11)  islands live  answers input   code fetched");
for (const r of rows) {
  console.log(
    `${r.route.split("?")[0].padEnd(20)} ${kb(r.total).padStart(9)}  ${kb(r.code).padStart(14)}  ${kb(r.codeBrotli).padStart(19)}  ${(r.hydrated / 1000).toFixed(2).padStart(10)} s  ${(r.usable / 1000).toFixed(2).padStart(11)} s   ${r.files.join(", ") || "none"}`,
  );
}
