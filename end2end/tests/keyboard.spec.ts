import { test, expect, Locator, Page } from "./fixtures";
import { codeFor, day, file, fileRequest, hydrated, JPEG, PDF, PNG, unique } from "./journey";

// By keyboard alone (issue 18): Tab, Shift+Tab, Enter, Space and the arrows, no mouse, and no
// typing into a field that does not have the focus. Each control is reached by Tab as a person
// would, so a control out of the tab order, or a focus lost on the way, fails the journey.

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

/** Arrow keys on the focused control until `done()` holds (a select's option, a radio). */
async function arrowUntil(page: Page, done: () => Promise<boolean>, key = "ArrowDown", max = 250) {
  for (let i = 0; i < max && !(await done()); i++) await page.keyboard.press(key);
  expect(await done()).toBe(true);
}

async function chooseOption(page: Page, select: Locator, value: string) {
  await tabTo(page, select);
  await arrowUntil(page, async () => (await select.inputValue()) === value);
}

/** Tab to a field, then type into it (a date as a French-locale browser takes it: dd mm yyyy). */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** The order this browser's date fields take their parts in (it follows the browser's own
 * language, not the page's: headless Chromium here shows mm/dd/yyyy), read once from a scratch
 * page as a person reads the field's placeholder. */
let dateOrder: Promise<"dmy" | "mdy"> | undefined;
function browserDateOrder(page: Page): Promise<"dmy" | "mdy"> {
  dateOrder ??= (async () => {
    const scratch = await page.context().newPage();
    await scratch.setContent('<input type="date" aria-label="date">');
    await scratch.getByLabel("date").focus();
    await scratch.keyboard.type("01022003");
    const value = await scratch.getByLabel("date").inputValue();
    await scratch.close();
    return value === "2003-02-01" ? "dmy" : "mdy";
  })();
  return dateOrder;
}

/** A date typed as the field asks for it, digit by digit. */
async function typeDate(page: Page, field: Locator, iso: string) {
  const [y, m, d] = iso.split("-");
  const order = await browserDateOrder(page);
  await typeInto(page, field, order === "dmy" ? `${d}${m}${y}` : `${m}${d}${y}`);
  await expect(field).toHaveValue(iso);
}

/** A radio button of a group: Tab into the group, arrows to the button, Space to check it. */
async function checkRadio(page: Page, radio: Locator) {
  const name = (await radio.getAttribute("name")) ?? "";
  await tabTo(page, page.locator(`input[name='${name}']`).first());
  for (let i = 0; i < 10 && !(await radio.isChecked()); i++) {
    const here = await radio.evaluate((el) => el === document.activeElement);
    await page.keyboard.press(here ? "Space" : "ArrowDown");
  }
  await expect(radio).toBeChecked();
}

/** Tab to "Enregistrer et continuer", Enter, and wait for the next step. */
async function saveStep(page: Page, next: RegExp) {
  await tabTo(page, page.getByRole("button", { name: "Enregistrer et continuer" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(next);
  await hydrated(page);
}

/** Keeps Playwright catching the page's file choosers for the whole test. Its client turns the
 * catching on when a "filechooser" listener is added and off when the last one goes, without
 * waiting for the browser: a `waitForEvent` per upload raced the Space press that opens the
 * chooser, and once in a few runs the browser opened its own (unseen) one first and the test
 * waited until its timeout (CI, 2026-12-07, the second upload on the phone). One listener from
 * the start, long before the first upload, leaves nothing to race. */
const catching = new WeakSet<Page>();
function catchFileChoosers(page: Page) {
  page.on("filechooser", () => {});
  catching.add(page);
}

/** The file chooser opened with Space on the upload control, then "Envoyer" with Enter. */
async function upload(page: Page, kind: RegExp, f: { name: string; mimeType: string; buffer: Buffer }) {
  if (!catching.has(page)) throw new Error("call catchFileChoosers(page) at the start of the test");
  const input = page.getByLabel(new RegExp(`^Ajouter un fichier : ${kind.source}`));
  await tabTo(page, input);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(f);
  await tabTo(page, page.getByRole("button", { name: new RegExp(`^Envoyer : ${kind.source}`) }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: f.name })).toBeVisible();
  await hydrated(page);
}

test("by keyboard alone: the eligibility check answers as the answers are given", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  await chooseOption(page, page.getByLabel("Nationalité de l'étudiant"), "DZ");
  const permit = page.locator("#permit-algerian_student_certificate");
  await tabTo(page, page.locator("input[name='permit']").first());
  await arrowUntil(page, () => permit.isChecked());
  await chooseOption(page, page.getByLabel("Type de contrat"), "employment");
  const hours = page.getByLabel("Heures travaillées sur 12 mois");
  await tabTo(page, hours);
  await page.keyboard.type("500");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "required");
  await expect(page.getByTestId("eligibility-cap")).toContainText("803,5");
  // "See the result" moves the focus to the answer.
  await tabTo(page, page.getByRole("button", { name: "Voir le résultat" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("#resultat")).toBeFocused();
});

test("by keyboard alone: an applicant signs in, is led to each error, and files the six steps", async ({ page }) => {
  test.setTimeout(180_000);
  catchFileChoosers(page);
  const email = unique("clavier");
  await page.goto("/demande");
  await hydrated(page);
  await tabTo(page, page.locator("input[name='role']").first());
  await arrowUntil(page, () => page.locator("#role-student").isChecked());
  await tabTo(page, page.getByLabel("Votre adresse électronique"));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/acces\?email=/);
  await hydrated(page);
  const code = await codeFor(email);
  const address = page.getByLabel("Adresse électronique", { exact: true });
  await tabTo(page, address);
  // The address is filled in from the link; the code is typed.
  await expect(address).toHaveValue(email);
  await tabTo(page, page.getByLabel("Code d'accès"));
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);

  // Two answers typed, one of them wrong, then "save": refused in the page, the summary takes
  // the focus and lists every error; its first link leads to the first field.
  await tabTo(page, page.getByLabel("Nom de famille"));
  await page.keyboard.type("Diop");
  await tabTo(page, page.getByLabel("Téléphone de l'étudiant"));
  await page.keyboard.type("12345");
  await tabTo(page, page.getByRole("button", { name: "Enregistrer et continuer" }));
  await page.keyboard.press("Enter");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText(/réponses sont à corriger/);
  await expect(summary.getByRole("link", { name: /^Téléphone de l'étudiant : Numéro invalide/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Nom de famille/ })).toHaveCount(0);
  await expect(page).toHaveURL(/\/demande\/salarie$/);
  await page.keyboard.press("Tab");
  // The links follow the form's order: the first is the first field to correct.
  const first = summary.getByRole("link").first();
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName(/^Prénoms : /);
  const target = (await first.getAttribute("href")) ?? "";
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${target}$`));

  // The link gave its field the focus: what is typed next goes there. Then the rest of the step.
  const given = page.getByLabel("Prénoms");
  await expect(given).toBeFocused();
  await page.keyboard.type("Awa");
  await expect(given).toHaveValue("Awa");
  await typeDate(page, page.getByLabel("Date de naissance"), "2002-04-17");
  await chooseOption(page, page.getByLabel("Nationalité", { exact: true }), "SN");
  await chooseOption(page, page.getByLabel("Titre de séjour"), "student");
  await typeInto(page, page.getByLabel("Numéro du titre"), "7501234567");
  await typeDate(page, page.getByLabel("Date de délivrance du titre"), day(-60));
  await typeDate(page, page.getByLabel("Date d'expiration du titre"), day(300));
  await typeInto(page, page.getByLabel("Établissement d'enseignement"), "Sorbonne Université");
  await typeInto(page, page.getByLabel("Diplôme préparé"), "Master informatique");
  await typeInto(page, page.getByLabel("Année d'études"), "M2");
  await typeInto(page, page.getByLabel("Adresse en France"), "12 rue des Écoles");
  await typeInto(page, page.getByLabel("Code postal", { exact: true }), "75005");
  await typeInto(page, page.getByLabel("Commune", { exact: true }), "Paris");
  await typeInto(page, page.getByLabel("Adresse électronique de l'étudiant"), email);
  const phone = page.getByLabel("Téléphone de l'étudiant");
  await tabTo(page, phone);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("06 12 34 56 78");
  await expect(phone).toHaveValue("06 12 34 56 78");
  await saveStep(page, /\/demande\/employeur$/);

  await typeInto(page, page.getByLabel("SIRET de l'établissement qui emploie"), "73282932000074");
  await typeInto(page, page.getByLabel("Raison sociale"), "Boulangerie du Panthéon");
  await typeInto(page, page.getByLabel("Adresse de l'établissement"), "3 place du Panthéon");
  await typeInto(page, page.getByLabel("Code postal de l'établissement"), "75005");
  await typeInto(page, page.getByLabel("Commune de l'établissement"), "Paris");
  await typeInto(page, page.getByLabel("Personne à contacter"), "Jeanne Martin");
  await typeInto(page, page.getByLabel("Adresse électronique de l'employeur"), unique("rh"));
  await typeInto(page, page.getByLabel("Téléphone de l'employeur"), "01 42 34 56 78");
  await saveStep(page, /\/demande\/emploi$/);

  await chooseOption(page, page.getByLabel("Type de contrat"), "employment");
  await typeDate(page, page.locator("#f-contract_start"), day(14));
  await typeDate(page, page.getByLabel("Fin du contrat"), day(200));
  await typeInto(page, page.getByLabel("Durée hebdomadaire (heures)"), "20");
  await typeInto(page, page.getByLabel("Salaire horaire brut (€)"), "12,50");
  await typeInto(page, page.getByLabel("Intitulé du poste"), "Développeuse");
  await checkRadio(page, page.locator("#f-within_curriculum-true"));
  await chooseOption(page, page.getByLabel("Profession réglementée"), "none");
  await typeInto(page, page.getByLabel("Heures travaillées sur 12 mois"), "1200");
  await checkRadio(page, page.locator("#f-renewal-false"));
  await saveStep(page, /\/demande\/justificatifs$/);

  await upload(page, /Passeport/, file("passeport.pdf", "application/pdf", PDF));
  await upload(page, /Titre de séjour/, file("titre.png", "image/png", PNG));
  await upload(page, /Certificat de scolarité/, file("certificat.jpg", "image/jpeg", JPEG));
  await upload(page, /Contrat de travail/, file("contrat.pdf", "application/pdf", PDF));
  await upload(page, /Mandat de l'employeur/, file("mandat.pdf", "application/pdf", PDF));
  await tabTo(page, page.getByRole("link", { name: "Continuer vers le récapitulatif" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
  await hydrated(page);
  await tabTo(page, page.getByRole("button", { name: "Déposer la demande" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/demande\/confirmation$/);
  await expect(page.getByTestId("dossier-number")).toHaveText(/^APT-\d{4}-75-[0-9A-Z]{6}$/);
});

test("by keyboard alone: an instructor finds a file, takes it in review and accepts it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A request filed by a student (the applicant's journey, not by keyboard here).
  const applicant = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const { number } = await fileRequest(await applicant.newPage());
  await applicant.close();

  await page.goto("/instruction/connexion");
  await hydrated(page);
  await tabTo(page, page.getByLabel("Adresse électronique professionnelle"));
  await page.keyboard.type("instructeur@demo.workinfrance.fr");
  await tabTo(page, page.getByLabel("Mot de passe"));
  await page.keyboard.type("demo-instruction-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/instruction$/);
  await hydrated(page);
  await tabTo(page, page.getByTestId("search"));
  await page.keyboard.type(number);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=APT/);
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await tabTo(page, page.getByRole("link", { name: number }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/instruction/dossier/${number}`);
  await hydrated(page);
  await expect(page.getByTestId("dossier-state")).toHaveAttribute("data-state", "submitted");
  await tabTo(page, page.getByTestId("act-take_in_review"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("dossier-state")).toHaveAttribute("data-state", "in_review");
  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toHaveText("Enregistré. État du dossier : en instruction");
  await hydrated(page);
  // The acceptance form is open, its dates proposed: reached and sent by keyboard.
  await tabTo(page, page.getByTestId("act-accept"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("dossier-state")).toHaveAttribute("data-state", "accepted");
  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toHaveText("Enregistré. État du dossier : autorisation accordée");
});
