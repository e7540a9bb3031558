import { test, expect, Page } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { accessible } from "./fixtures";

// The applicant's steps, shared by the journeys (request.spec.ts, instruction.spec.ts).

const port = Number(process.env.E2E_PORT ?? (process.env.E2E_PROFILE === "release" ? 3112 : 3111));
const outbox = process.env.E2E_OUTBOX ?? `/tmp/wif-e2e-outbox-${port}`;

/** Waits until the page is hydrated, then checks it with axe-core (fixtures.ts). */
export async function hydrated(page: Page) {
  await expect(page.locator("body[data-hydrated='true']")).toHaveCount(1, { timeout: 30_000 });
  await accessible(page);
}

/** A page a journey stops on: checked with axe-core, and kept as a screenshot. */
/** Chooses a language in the header's menu, as a person does: open the menu, then the language. */
export async function switchLanguage(page: Page, language: "Français" | "English" | "العربية" | "简体中文") {
  const menu = page.getByTestId("lang-switch");
  await menu.locator("summary").click();
  await menu.getByRole("link", { name: language }).click();
}

export async function shot(page: Page, name: string) {
  await accessible(page, `(${name})`);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

export function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** A message of the outbox as its reader sees it: headers, then the body decoded (a text mostly
 * outside ASCII, Arabic or Chinese, travels in base64). */
function mailText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n") >= 0 ? "\r\n\r\n" : "\n\n";
  const at = raw.indexOf(split);
  if (at < 0) return raw;
  const head = raw.slice(0, at);
  const body = raw.slice(at + split.length);
  return /^Content-Transfer-Encoding: base64/im.test(head)
    ? `${head}${split}${Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")}`
    : raw;
}

/** The outbox's messages, oldest first, decoded. */
function mails(): string[] {
  return fs.existsSync(outbox)
    ? fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort().map((f) => mailText(fs.readFileSync(path.join(outbox, f), "utf8")))
    : [];
}

/** The last access code e-mailed to `to`, waiting for the message to land in the outbox. */
export async function codeFor(to: string): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const mine = mails().filter((m) => m.includes(`To: ${to}`));
      // "Votre code d'accès : 123456", "Your access code: 123456", "您的访问码：123456".
      const match = mine.map((m) => m.match(/[:：] ?(\d{6})\s/)).filter((m) => m).pop();
      code = match ? match[1] : "";
      return code;
    }, { timeout: 10_000 })
    .toMatch(/^\d{6}$/);
  return code;
}

/** The last sign-in link e-mailed to `to` (its path and query), once the message has landed. */
export async function linkFor(to: string): Promise<string> {
  let link = "";
  await expect
    .poll(() => {
      const match = mails()
        .filter((m) => m.includes(`To: ${to}`))
        .map((m) => m.match(/https?:\/\/[^/\s]+(\/acces\/lien\?j=[a-z2-7]{26})/))
        .filter((m) => m)
        .pop();
      link = match ? match[1] : "";
      return link;
    }, { timeout: 10_000 })
    .toMatch(/^\/acces\/lien\?j=/);
  return link;
}

export function unique(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

export async function start(page: Page, email: string, role: string, js = true) {
  await page.goto("/demande");
  await (js ? hydrated(page) : accessible(page));
  await page.locator(`label[for='role-${role}']`).click();
  await page.getByLabel("Votre adresse électronique").fill(email);
  await page.getByRole("button", { name: "Recevoir mon code d'accès" }).click();
  await expect(page).toHaveURL(/\/acces\?email=/);
  await expect(page.getByTestId("code-sent")).toContainText(email);
}

export async function signIn(page: Page, email: string, code: string, js = true) {
  await (js ? hydrated(page) : accessible(page));
  await page.getByLabel("Adresse électronique", { exact: true }).fill(email);
  await page.getByLabel("Code d'accès").fill(code);
  await page.getByRole("button", { name: "Accéder", exact: true }).click();
}

export async function save(page: Page, next: RegExp, js = true) {
  await page.getByTestId("save-step").click();
  await expect(page).toHaveURL(next);
  await (js ? hydrated(page) : accessible(page));
}

/** Step 1's fields, typed (any page state: with or without JavaScript). */
export async function fillStudent(page: Page, email: string) {
  await page.getByLabel("Nom de famille").fill("Diop");
  await page.getByLabel("Prénoms").fill("Awa");
  await page.getByLabel("Date de naissance").fill("2002-04-17");
  await page.getByLabel("Nationalité").selectOption("SN");
  await page.getByLabel("Titre de séjour").selectOption("student");
  await page.getByLabel("Numéro du titre").fill("7501234567");
  await page.getByLabel("Date de délivrance du titre").fill(day(-60));
  await page.getByLabel("Date d'expiration du titre").fill(day(300));
  await page.getByLabel("Établissement d'enseignement").fill("Sorbonne Université");
  await page.getByLabel("Diplôme préparé").fill("Master informatique");
  await page.getByLabel("Année d'études").fill("M2");
  await page.getByLabel("Adresse en France").fill("12 rue des Écoles");
  await page.getByLabel("Code postal", { exact: true }).fill("75005");
  await page.getByLabel("Commune", { exact: true }).fill("Paris");
  await page.getByLabel("Adresse électronique de l'étudiant").fill(email);
  await page.getByLabel("Téléphone de l'étudiant").fill("06 12 34 56 78");
}

export async function studentStep(page: Page, email: string) {
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);
  await fillStudent(page, email);
  // A wrong phone is said next to the field as soon as it is left.
  const phone = page.getByLabel("Téléphone de l'étudiant");
  await phone.fill("12345");
  await phone.blur();
  await expect(page.locator("#f-phone-error")).toContainText("Numéro invalide");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await phone.fill("06 12 34 56 78");
  await expect(page.locator("#f-phone-error")).toHaveCount(0);
  await save(page, /\/demande\/employeur/);
}

export async function fillEmployer(page: Page) {
  await page.getByLabel("SIRET de l'établissement qui emploie").fill("73282932000074");
  await page.getByLabel("Raison sociale").fill("Boulangerie du Panthéon");
  await page.getByLabel("Adresse de l'établissement").fill("3 place du Panthéon");
  await page.getByLabel("Code postal de l'établissement").fill("75005");
  await page.getByLabel("Commune de l'établissement").fill("Paris");
  await page.getByLabel("Personne à contacter").fill("Jeanne Martin");
  await page.getByLabel("Adresse électronique de l'employeur").fill(unique("rh"));
  await page.getByLabel("Téléphone de l'employeur").fill("01 42 34 56 78");
}

export async function employerStep(page: Page) {
  await fillEmployer(page);
  await save(page, /\/demande\/emploi/);
}

export async function fillJob(page: Page, withinCurriculum: boolean) {
  await page.getByLabel("Type de contrat").selectOption("employment");
  await page.locator("#f-contract_start").fill(day(14));
  await page.getByLabel("Fin du contrat").fill(day(200));
  await page.getByLabel("Durée hebdomadaire (heures)").fill("20");
  await page.getByLabel("Salaire horaire brut (€)").fill("12,50");
  await page.getByLabel("Intitulé du poste").fill("Développeuse");
  await page.locator(`label[for='f-within_curriculum-${withinCurriculum}']`).click();
  await page.getByLabel("Profession réglementée").selectOption("none");
  await page.getByLabel("Heures travaillées sur 12 mois").fill("1200");
  await page.locator("label[for='f-renewal-false']").click();
}

export async function jobStep(page: Page, withinCurriculum: boolean) {
  await fillJob(page, withinCurriculum);
  await page.getByTestId("save-step").click();
}

export function file(name: string, mimeType: string, head: number[], size = 4096) {
  const buffer = Buffer.alloc(size, 0x20);
  Buffer.from(head).copy(buffer);
  return { name, mimeType, buffer };
}
export const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37];
export const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const JPEG = [0xff, 0xd8, 0xff, 0xe0];
export const EXE = [0x4d, 0x5a, 0x90, 0x00];

export async function sendFile(page: Page, kind: string, f: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId(`file-${kind}`).setInputFiles(f);
  await page.getByTestId(`send-${kind}`).click();
}


/** One file for each document of a student's request (works with and without JavaScript). */
export async function attachDocuments(page: Page) {
  await sendFile(page, "passport", file("passeport.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-passport")).toContainText("passeport.pdf");
  await sendFile(page, "residence_permit", file("titre.png", "image/png", PNG));
  await expect(page.getByTestId("doc-residence_permit")).toContainText("titre.png");
  await sendFile(page, "enrolment_certificate", file("certificat.jpg", "image/jpeg", JPEG));
  await expect(page.getByTestId("doc-enrolment_certificate")).toContainText("certificat.jpg");
  await sendFile(page, "employment_contract", file("contrat.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-employment_contract")).toContainText("contrat.pdf");
  await sendFile(page, "mandate", file("mandat.pdf", "application/pdf", PDF));
  await expect(page.getByTestId("doc-mandate")).toContainText("mandat.pdf");
}

/** A request typed, documented and filed by a student; returns what the applicant needs later. */
export async function fileRequest(page: Page): Promise<{ email: string; code: string; number: string }> {
  const email = unique("awa");
  await start(page, email, "student");
  const code = await codeFor(email);
  await signIn(page, email, code);
  await studentStep(page, email);
  await employerStep(page);
  await jobStep(page, true);
  await expect(page).toHaveURL(/\/demande\/justificatifs/);
  await hydrated(page);
  await attachDocuments(page);
  await page.getByTestId("to-summary").click();
  await expect(page).toHaveURL(/\/demande\/recapitulatif/);
  await hydrated(page);
  await page.getByTestId("submit-request").click();
  await expect(page).toHaveURL(/\/demande\/confirmation/);
  const number = (await page.getByTestId("dossier-number").textContent()) ?? "";
  expect(number).toMatch(/^APT-\d{4}-75-[0-9A-Z]{6}$/);
  return { email, code, number };
}

/** The text of a PDF as a reader shows it (pdf.js, the engine of Firefox's viewer), page by page. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages.join("\n");
}
