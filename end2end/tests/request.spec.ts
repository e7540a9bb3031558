import { test, expect } from "./fixtures";
import * as fs from "fs";
import {
  codeFor, employerStep, file, hydrated, JPEG, jobStep, linkFor, PDF, pdfText, PNG, EXE, sendFile, shot, signIn, start,
  studentStep, unique,
} from "./journey";

// The applicant's request (issue: applicant): access code read from the outbox, the six steps,
// uploads accepted and refused, resuming in a fresh browser, filing and the receipt; and a
// request stopped by a not_eligible answer.

test("a student files a request from the access code to the receipt", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = unique("awa");
  await start(page, email, "student");
  const code = await codeFor(email);
  await signIn(page, email, code);
  await studentStep(page, email);
  await employerStep(page);
  await jobStep(page, true);
  await expect(page).toHaveURL(/\/demande\/justificatifs/);
  await hydrated(page);
  await expect(page.getByTestId("documents-missing")).toBeVisible();

  // Refused: too large (said before sending), and an executable renamed .pdf (checked by the server).
  await sendFile(page, "passport", file("passeport.pdf", "application/pdf", PDF, 11 * 1024 * 1024));
  await expect(page.getByTestId("upload-error-passport")).toContainText("10 Mo");
  await sendFile(page, "passport", file("passeport.pdf", "application/pdf", EXE));
  await expect(page.getByTestId("upload-error-passport")).toContainText("ni un PDF");

  // One file of each accepted type.
  await sendFile(page, "passport", file("passeport.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-passport")).toContainText("passeport.pdf");
  await sendFile(page, "residence_permit", file("titre.png", "image/png", PNG));
  await expect(page.getByTestId("doc-residence_permit")).toContainText("titre.png");
  await sendFile(page, "enrolment_certificate", file("certificat.jpg", "image/jpeg", JPEG));
  await expect(page.getByTestId("doc-enrolment_certificate")).toContainText("certificat.jpg");
  await sendFile(page, "employment_contract", file("contrat.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-employment_contract")).toContainText("contrat.pdf");
  await shot(page, "documents");

  // Resumed in a fresh browser: e-mail + code bring back the last open step.
  const other = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const resumed = await other.newPage();
  await resumed.goto("/acces");
  await signIn(resumed, email, code);
  await expect(resumed).toHaveURL(/\/demande\/justificatifs/);
  await hydrated(resumed);
  await sendFile(resumed, "mandate", file("mandat.pdf", "application/pdf", PDF));
  await expect(resumed.getByTestId("doc-mandate")).toContainText("mandat.pdf");
  await resumed.getByTestId("to-summary").click();
  await expect(resumed).toHaveURL(/\/demande\/recapitulatif/);
  await expect(resumed.locator("dl.wif-summary").first()).toContainText("Sénégal");
  await shot(resumed, "summary");

  // Filing, confirmation, receipt.
  await resumed.getByTestId("submit-request").click();
  await expect(resumed).toHaveURL(/\/demande\/confirmation/);
  const number = await resumed.getByTestId("dossier-number").textContent();
  expect(number).toMatch(/^APT-\d{4}-75-[0-9A-Z]{6}$/);
  const [download] = await Promise.all([resumed.waitForEvent("download"), resumed.getByTestId("receipt").click()]);
  expect(download.suggestedFilename()).toBe(`recepisse-${number}.pdf`);
  const saved = fs.readFileSync((await download.path())!);
  expect(saved.subarray(0, 5).toString()).toBe("%PDF-");
  // Opened as a reader would: the receipt names the request and the student as typed.
  const receipt = await pdfText(saved);
  expect(receipt).toContain("Récépissé de dépôt");
  expect(receipt).toContain(number!);
  expect(receipt).toContain("DIOP Awa");
  await shot(resumed, "confirmation");
  await resumed.goto("/suivi");
  await expect(resumed.getByTestId("follow-state")).toHaveAttribute("data-state", "submitted");
  await expect(resumed.getByTestId("follow-number")).toHaveText(number!);
  await other.close();
});

test("a job outside the curriculum over 964 h stops the request", async ({ page }) => {
  test.setTimeout(90_000);
  const email = unique("stop");
  await start(page, email, "employer");
  await signIn(page, email, await codeFor(email));
  await studentStep(page, unique("student"));
  await employerStep(page);
  await jobStep(page, false);
  const stopped = page.getByTestId("request-stopped");
  await expect(stopped).toHaveAttribute("data-outcome", "not_eligible");
  await expect(stopped).toContainText("ne peut pas être accordée");
  await expect(page).toHaveURL(/\/demande\/emploi/);
  await shot(page, "stopped");
});

test("the e-mailed link opens the request with one press, once", async ({ page }) => {
  const email = unique("lien");
  await start(page, email, "student");
  const link = await linkFor(email);
  // Opening the link (as a mail scanner would) shows a button and signs nobody in.
  await page.goto(link);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ouvrir ma demande");
  await expect(page.getByText("Le lien ne sert qu'une fois.")).toBeVisible();
  await shot(page, "link");
  await page.getByRole("button", { name: "Ouvrir ma demande" }).click();
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await expect(page.getByLabel("Nom de famille")).toHaveValue("");
  // The same link a second time is refused, with what to do instead.
  await page.goto(link);
  await hydrated(page);
  await page.getByRole("button", { name: "Ouvrir ma demande" }).click();
  await expect(page.getByRole("alert")).toContainText("n'est plus valable");
  await expect(page).toHaveURL(/\/acces\/lien/);
});

test("a later step cannot be opened before the earlier ones", async ({ page }) => {
  const email = unique("skip");
  await start(page, email, "employer");
  await signIn(page, email, await codeFor(email));
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await page.goto("/demande/recapitulatif");
  await expect(page.getByTestId("step-locked")).toContainText("étape 1");
});
