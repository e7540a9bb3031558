import fs from "node:fs";
import path from "node:path";
import { test, expect, Page } from "./fixtures";
import { attachDocuments, codeFor, day, hydrated, shot, unique } from "./journey";

// The applicant's journey in Arabic (right to left) on a phone and in Simplified Chinese on a
// computer: the eligibility check, then the six steps of a request, filed. Each field is found by
// its label in the page's language, read from the catalogue a translator edits
// (app/locales/<lang>.ftl) by the French text's key: the page must show the translation under
// the key the French page shows, and a field the translation leaves unlabelled cannot be found.

type Catalogue = Map<string, string>;

/** The one-line messages of a catalogue file, with their `{" "}` written as spaces. */
function catalogue(lang: string): Catalogue {
  const file = path.join(__dirname, "../../app/locales", `${lang}.ftl`);
  const messages: Catalogue = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
    if (m && !m[2].includes("{ $")) messages.set(m[1], m[2].replaceAll('{" "}', " ").trim());
  }
  return messages;
}

const french = catalogue("fr");

/** The text a translated page shows where the French page shows `fr`. */
function translator(lang: string): (fr: string) => string {
  const translated = catalogue(lang);
  return (fr: string) => {
    const key = [...french].find(([, text]) => text === fr)?.[0];
    if (!key) throw new Error(`no message says ${JSON.stringify(fr)} in French`);
    const text = translated.get(key);
    if (!text) throw new Error(`${lang}: ${key} has no one-line text`);
    return text;
  };
}

/** The header and footer of a translated page: its language and direction, and the notice. */
async function translatedPage(page: Page, lang: string, tag: string, dir: string, native: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  await expect(page.getByTestId("translation-notice")).toHaveText(
    catalogue(lang).get("translation-notice") ?? "missing",
  );
  // The language menu says which language the page is in, by its own name.
  await expect(page.getByTestId("lang-switch").locator("summary")).toContainText(native);
}

async function journey(page: Page, lang: "ar" | "zh", tag: string, dir: "rtl" | "ltr", native: string) {
  const T = translator(lang);
  // A field by the start of its label (the label also holds the field's hint).
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const field = (fr: string) => page.getByLabel(new RegExp(`^${escape(T(fr))}`));
  // A list by the start of its name ("Titre de séjour" also starts "Numéro du titre" in Chinese).
  const choice = (fr: string) => page.getByRole("combobox", { name: new RegExp(`^${escape(T(fr))}`) });

  // The eligibility check, answered as it is typed.
  await page.goto(`/eligibilite?lang=${lang}`);
  await hydrated(page);
  await translatedPage(page, lang, tag, dir, native);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(T("Ai-je besoin d'une autorisation de travail ?"));
  // Nothing answered yet: the form opens empty.
  await expect(choice("Nationalité de l'étudiant")).toHaveValue("");
  await choice("Nationalité de l'étudiant").selectOption("DZ");
  // The list is in the page's language.
  await expect(choice("Nationalité de l'étudiant").locator("option:checked")).toHaveText(
    lang === "ar" ? "الجزائر" : "阿尔及利亚",
  );
  await page.locator(`label[for='permit-algerian_student_certificate']`).click();
  await choice("Type de contrat").selectOption("employment");
  await field("Heures travaillées sur 12 mois").fill("300");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "required");
  await expect(result).toContainText(T("Une autorisation de travail est nécessaire"));
  // 803.5 hours, written the language's way: "803,5" in Arabic as in the Maghreb, "803.5" in Chinese.
  await expect(page.getByTestId("eligibility-cap")).toContainText(lang === "ar" ? "803,5" : "803.5");
  await shot(page, `${lang}-eligibility`);

  // The request: an access code by e-mail, in the language of the page.
  const email = unique(`${lang}-awa`);
  await page.goto("/demande");
  await hydrated(page);
  await translatedPage(page, lang, tag, dir, native);
  await page.locator("label[for='role-student']").click();
  await field("Votre adresse électronique").fill(email);
  await page.getByRole("button", { name: T("Recevoir mon code d'accès") }).click();
  await expect(page).toHaveURL(/\/acces\?email=/);
  const code = await codeFor(email);
  await hydrated(page);
  await field("Adresse électronique").fill(email);
  await field("Code d'accès").fill(code);
  await page.getByRole("button", { name: T("Accéder"), exact: true }).click();

  // Step 1: the student. Every field opens empty.
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);
  await translatedPage(page, lang, tag, dir, native);
  await expect(field("Nom de famille")).toHaveValue("");
  await expect(field("Numéro du titre")).toHaveValue("");
  await field("Nom de famille").fill("Benali");
  await field("Prénoms").fill("Yasmine");
  await field("Date de naissance").fill("2003-02-11");
  await choice("Nationalité").selectOption("DZ");
  await choice("Titre de séjour").selectOption("algerian_student_certificate");
  await field("Numéro du titre").fill("1301234567");
  await field("Date de délivrance du titre").fill(day(-60));
  await field("Date d'expiration du titre").fill(day(300));
  await field("Établissement d'enseignement").fill("Université Lyon 2");
  await field("Diplôme préparé").fill("Licence de lettres");
  await field("Année d'études").fill("L3");
  await field("Adresse en France").fill("5 quai Claude Bernard");
  await field("Code postal").fill("69007");
  await field("Commune").fill("Lyon");
  await field("Adresse électronique de l'étudiant").fill(email);
  // A wrong phone is said in the page's language as soon as the field is left.
  const phone = field("Téléphone de l'étudiant");
  await phone.fill("12345");
  await phone.blur();
  await expect(page.locator("#f-phone-error")).toHaveText(
    T("Numéro invalide : 10 chiffres (06 12 34 56 78) ou format international (+33 6 12 34 56 78)."),
  );
  await phone.fill("06 12 34 56 78");
  await page.getByRole("button", { name: T("Enregistrer et continuer") }).click();

  // Step 2: the employer.
  await expect(page).toHaveURL(/\/demande\/employeur/);
  await hydrated(page);
  await expect(field("Raison sociale")).toHaveValue("");
  await field("SIRET de l'établissement qui emploie").fill("73282932000074");
  await field("Raison sociale").fill("Librairie du Rhône");
  await field("Adresse de l'établissement").fill("3 rue de la République");
  await field("Code postal de l'établissement").fill("69002");
  await field("Commune de l'établissement").fill("Lyon");
  await field("Personne à contacter").fill("Jeanne Martin");
  await field("Adresse électronique de l'employeur").fill(unique(`${lang}-rh`));
  await field("Téléphone de l'employeur").fill("04 72 34 56 78");
  await page.getByRole("button", { name: T("Enregistrer et continuer") }).click();

  // Step 3: the job.
  await expect(page).toHaveURL(/\/demande\/emploi/);
  await hydrated(page);
  await expect(field("Intitulé du poste")).toHaveValue("");
  await choice("Type de contrat").selectOption("employment");
  await field("Début du contrat").fill(day(14));
  await field("Fin du contrat").fill(day(200));
  await field("Durée hebdomadaire (heures)").fill("15");
  await field("Salaire horaire brut (€)").fill("12,50");
  await field("Intitulé du poste").fill("Libraire");
  await page.locator("label[for='f-within_curriculum-false']").click();
  await choice("Profession réglementée").selectOption("none");
  await field("Heures travaillées sur 12 mois").fill("300");
  await page.locator("label[for='f-renewal-false']").click();
  await shot(page, `${lang}-job-step`);
  await page.getByRole("button", { name: T("Enregistrer et continuer") }).click();

  // Step 4: the documents, each with its own upload control.
  await expect(page).toHaveURL(/\/demande\/justificatifs/);
  await hydrated(page);
  await attachDocuments(page);
  await page.getByTestId("to-summary").click();

  // Step 5: the summary, in the page's language (a country, a yes or no, a date).
  await expect(page).toHaveURL(/\/demande\/recapitulatif/);
  await hydrated(page);
  await translatedPage(page, lang, tag, dir, native);
  await expect(page.locator("main")).toContainText(lang === "ar" ? "الجزائر" : "阿尔及利亚");
  await expect(page.locator("main")).toContainText(lang === "ar" ? "11/02/2003" : "2003年2月11日");
  await page.getByTestId("submit-request").click();

  // Step 6: filed, with its number.
  await expect(page).toHaveURL(/\/demande\/confirmation/);
  await hydrated(page);
  await translatedPage(page, lang, tag, dir, native);
  await expect(page.getByTestId("dossier-number")).toHaveText(/^APT-\d{4}-69-[0-9A-Z]{6}$/);
  await shot(page, `${lang}-filed`);
}

test("in Arabic on a phone: right to left, the check and the six steps to a filed request", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "the Arabic journey is the phone's; the Chinese one the computer's");
  test.setTimeout(120_000);
  await journey(page, "ar", "ar", "rtl", "العربية");
});

test("in Simplified Chinese on a computer: the check and the six steps to a filed request", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "the Chinese journey is the computer's; the Arabic one the phone's");
  test.setTimeout(120_000);
  await journey(page, "zh", "zh-Hans", "ltr", "简体中文");
});
