import { test, expect, Page } from "./fixtures";
import * as fs from "fs";
import { execFileSync } from "child_process";
import { file, fileRequest, hydrated, PDF, pdfText, sendFile, shot } from "./journey";

// The instructor's side (issue: instructor), continuing the applicant's journey: the instructor
// signs in, finds the file, asks for a change; the applicant sends it; the instructor accepts;
// the applicant downloads the authorisation and /verifier confirms it; an instructor of another
// service can neither find nor open the file.

const PASSWORD = "demo-instruction-2026";
const PARIS = "instructeur@demo.workinfrance.fr";
const LYON = "instructeur.lyon@demo.workinfrance.fr";

async function logIn(page: Page, email: string) {
  await page.goto("/instruction/connexion");
  await hydrated(page);
  await page.getByLabel("Adresse électronique professionnelle").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByTestId("log-in").click();
  await expect(page).toHaveURL(/\/instruction$/);
  await expect(page.getByTestId("agent-bar")).toBeVisible();
  await hydrated(page);
}

async function search(page: Page, number: string) {
  await page.getByTestId("search").fill(number);
  await page.getByTestId("filter").click();
  await expect(page).toHaveURL(/q=APT/);
}

test("an instructor asks for a change, accepts, and the authorisation is downloaded and checked", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { number } = await fileRequest(page);

  // The instructor finds the file in "to process" by its number and opens it.
  const agentContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const agent = await agentContext.newPage();
  await logIn(agent, PARIS);
  await search(agent, number);
  await expect(agent.getByTestId("queue-row")).toHaveCount(1);
  await shot(agent, "queue");
  // The list found, as a workbook: the link found by its name, a file the browser saves, whose
  // sheet (read with Python's zipfile, as a spreadsheet unpacks it) holds the file.
  const [sheet] = await Promise.all([
    agent.waitForEvent("download"),
    agent.getByRole("link", { name: "Exporter en XLSX (Excel)" }).click(),
  ]);
  expect(sheet.suggestedFilename()).toMatch(/^dossiers-[a-z-]+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const unzip = "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())";
  const cells = execFileSync("python3", ["-c", unzip, (await sheet.path())!]).toString();
  expect(cells).toContain(number);
  await agent.getByRole("link", { name: number }).click();
  await expect(agent).toHaveURL(`/instruction/dossier/${number}`);
  // The dossier's only island is the PDF preview.
  await hydrated(agent);
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "submitted");
  await expect(agent.getByTestId("eligibility")).toContainText("Éligibilité recalculée");
  // The images are shown in place, each in its room before its file arrives (loaded lazily, as
  // the page scrolls): nothing below moves while the instructor reads and clicks. A PDF opens in
  // place on demand, in the same room, and loads nothing until then.
  await expect(agent.getByRole("img", { name: "titre.png" })).toBeVisible();
  const images = await agent.locator("img.wif-preview").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(images).toHaveLength(2);
  expect(new Set(images).size).toBe(1);
  expect(images[0]).toBeGreaterThan(200);
  await expect(agent.locator("iframe")).toHaveCount(0);
  const passport = agent.getByText("Aperçu du PDF : passeport.pdf");
  await expect(passport).toBeVisible();
  const pdfLoaded = agent.waitForResponse((r) => /\/instruction\/fichier\//.test(r.url()) && r.status() === 200);
  await passport.click();
  const frame = agent.getByTitle("passeport.pdf");
  await expect(frame).toBeVisible();
  await pdfLoaded;
  expect((await frame.boundingBox())?.height).toBe(images[0]);
  await passport.click();
  await expect(agent.locator("iframe")).toHaveCount(0);

  // A change request: a message and the passport again.
  await agent.getByTestId("open-request_changes").click();
  await agent.locator("label[for='doc-passport']").click();
  await agent.getByLabel("Ce qui manque ou est à corriger").fill("Le passeport est illisible : envoyez un scan en couleur.");
  await expect(agent.getByLabel("Passeport (pages d'identité)")).toBeChecked();
  await agent.getByTestId("act-request_changes").click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "changes_requested");
  await expect(agent.getByTestId("history")).toContainText("Le passeport est illisible");
  await expect(agent.getByRole("status").filter({ hasText: "Enregistré" })).toHaveText("Enregistré. État du dossier : compléments demandés");
  await shot(agent, "file-changes-requested");

  // The applicant sees the request, sends the document and the file back.
  await page.goto("/suivi");
  await hydrated(page);
  await expect(page.getByTestId("follow-state")).toHaveAttribute("data-state", "changes_requested");
  await expect(page.getByTestId("timeline")).toContainText("Le passeport est illisible");
  await sendFile(page, "passport", file("passeport-couleur.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-passport")).toContainText("passeport-couleur.pdf");
  await page.getByTestId("resubmit").click();
  await expect(page.getByTestId("follow-state")).toHaveAttribute("data-state", "submitted");

  // The instructor takes it in review and accepts with the proposed validity.
  await agent.reload();
  await hydrated(agent);
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "submitted");
  // Each act is a form the server answers with the dossier as the act left it, and says so.
  await agent.getByTestId("act-take_in_review").click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "in_review");
  await expect(agent.getByRole("status").filter({ hasText: "Enregistré" })).toHaveText("Enregistré. État du dossier : en instruction");
  await expect(agent.getByTestId("hour-cap")).toBeVisible();
  await agent.getByTestId("act-accept").click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "accepted");
  await expect(agent.getByRole("status").filter({ hasText: "Enregistré" })).toHaveText("Enregistré. État du dossier : autorisation accordée");
  const verification = (await agent.getByTestId("verification-code").textContent()) ?? "";
  expect(verification).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await shot(agent, "file-accepted");

  // The applicant downloads the authorisation.
  await page.goto("/suivi");
  await hydrated(page);
  await expect(page.getByTestId("follow-state")).toHaveAttribute("data-state", "accepted");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("authorisation").click()]);
  expect(download.suggestedFilename()).toBe(`autorisation-${number}.pdf`);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(pdf);
  expect(text).toContain("Autorisation de travail");
  expect(text).toContain(verification);

  // Anyone checks it on /verifier with the code and the birth date.
  const visitor = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const check = await visitor.newPage();
  await check.goto(`/verifier?code=${verification}`);
  await hydrated(check);
  await check.getByTestId("verify-birth").fill("2002-04-17");
  await check.getByTestId("verify-submit").click();
  const result = check.getByTestId("verify-result");
  // Valid from the contract's start, in two weeks.
  await expect(result).toHaveAttribute("data-status", "not_yet_valid");
  await expect(result).toContainText(number);
  await expect(result).toContainText("A. D.");
  await expect(result).not.toContainText("Diop");
  await shot(check, "verify");
  await check.getByTestId("verify-birth").fill("2002-04-18");
  await check.getByTestId("verify-submit").click();
  await expect(check.getByTestId("form-error")).toContainText("Aucune autorisation ne correspond");

  // An instructor of another service can neither find nor open it.
  const lyonContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const lyon = await lyonContext.newPage();
  await logIn(lyon, LYON);
  await search(lyon, number);
  await expect(lyon.getByTestId("queue-empty")).toBeVisible();
  await lyon.goto(`/instruction/dossier/${number}`);
  await expect(lyon.getByTestId("dossier-not-found")).toBeVisible();
  await expect(lyon.getByTestId("actions")).toHaveCount(0);

  await Promise.all([agentContext.close(), visitor.close(), lyonContext.close()]);
});

test("the statistics page shows a chart and its table", async ({ page }) => {
  await page.goto("/statistiques");
  await expect(page.getByTestId("stats-chart").locator("svg")).toBeVisible();
  await expect(page.getByTestId("stats-months")).toBeVisible();
  await expect(page.getByTestId("stats-departements")).toBeVisible();
  await shot(page, "statistics");
});

test("the instructor area asks to sign in, and a wrong password is said plainly", async ({ page }) => {
  await page.goto("/instruction");
  await expect(page.getByTestId("signed-out")).toContainText("Connectez-vous");
  await page.goto("/instruction/connexion");
  await hydrated(page);
  await page.getByLabel("Adresse électronique professionnelle").fill(PARIS);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByTestId("log-in").click();
  await expect(page.getByTestId("form-error")).toContainText("Adresse ou mot de passe incorrect");
});

/** The values of the accept form's dates and the text and boxes of the other forms, as shown. */
async function fileForms(page: Page) {
  return page.evaluate(() => {
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? null;
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("input[name^='documents[']"));
    return {
      from: value("valid-from"),
      until: value("valid-until"),
      changes: value("changes-message"),
      refuse: value("refuse-message"),
      checked: boxes.filter((b) => b.checked).map((b) => b.id),
    };
  });
}

test("the queue and the file's forms show their own values after links, back and forward", async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, PARIS);
  await page.getByTestId("tab-en-instruction").click();
  await expect(page).toHaveURL(/onglet=en-instruction/);
  // The rows are the tab's once the tab shows as the current one (the list is drawn anew).
  await expect(page.getByTestId("tab-en-instruction")).toHaveAttribute("aria-current", "page");
  const links = page.getByTestId("queue-row").getByRole("link");
  await expect(links.nth(1)).toBeVisible();
  const [a, b] = [await links.nth(0).getAttribute("href"), await links.nth(1).getAttribute("href")];

  // The reference: each file's forms after a full page load.
  await page.goto(a!);
  await hydrated(page);
  const refA = await fileForms(page);
  expect(refA).toMatchObject({ changes: "", refuse: "", checked: [] });
  expect(refA.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.goto(b!);
  await hydrated(page);
  const refB = await fileForms(page);

  // Typed on B, not sent; then A reached by links: A shows its own values, nothing of B's.
  await page.getByLabel("Valable du").fill("2031-01-02");
  await page.getByTestId("open-request_changes").click();
  await page.getByLabel("Ce qui manque ou est à corriger").fill("Texte de B, pas envoyé");
  await page.locator("label[for='doc-passport']").click();
  await page.getByTestId("open-refuse").click();
  await page.getByLabel("Motif du refus").fill("Motif de B, pas envoyé");
  await page.getByRole("link", { name: "File des dossiers" }).click();
  await expect(page).toHaveURL(/\/instruction$/);
  // The queue's search field shows the query's value, not what was typed before a tab change.
  await page.getByTestId("search").fill("pas cherché");
  await page.getByTestId("tab-en-instruction").click();
  await expect(page).toHaveURL(/onglet=en-instruction/);
  await expect(page.getByTestId("tab-en-instruction")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("search")).toHaveValue("");
  await page.locator(`a[href='${a}']`).click();
  await expect(page).toHaveURL(a!);
  await expect(page.getByTestId("actions")).toBeVisible();
  expect(await fileForms(page)).toEqual(refA);

  // Back to B by the browser's buttons: B as it was left, what was typed there included (the
  // browser restores its own page's fields; nothing typed is lost, nothing of A's shows).
  await page.goBack();
  await expect(page).toHaveURL(/onglet=en-instruction/);
  await page.goBack();
  await expect(page).toHaveURL(/\/instruction$/);
  await page.goBack();
  await expect(page).toHaveURL(b!);
  await expect
    .poll(() => fileForms(page))
    .toEqual({ ...refB, from: "2031-01-02", changes: "Texte de B, pas envoyé", refuse: "Motif de B, pas envoyé", checked: ["doc-passport"] });
  await page.goForward();
  await expect(page).toHaveURL(/\/instruction$/);
  await page.goForward();
  await expect(page).toHaveURL(/onglet=en-instruction/);
  await page.goForward();
  await expect(page).toHaveURL(a!);
  await expect.poll(() => fileForms(page)).toEqual(refA);
});
