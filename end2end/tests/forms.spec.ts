import { test, expect, Page } from "./fixtures";
import { codeFor, employerStep, hydrated, jobStep, signIn, start, studentStep, switchLanguage, unique } from "./journey";

// Every form opens with what the server holds for it — saved values or empty fields — whatever
// the way it was reached: a full load, a client-side link from another step, the browser's back
// and forward buttons, a language switch, a new sign-in. The fields are read as the page shows
// them, before anything is typed (the bug this guards against: step 2 opened with step 1's
// answers in its <input>s, which a journey that fills every field cannot see).

/** What each `form[…]` field of the page holds, as the browser shows it (radios: the checked one). */
async function shown(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>("[name^='form[']"))) {
      const name = el.name.slice(5, -1);
      if (el.type === "radio") {
        if (el.checked) out[name] = el.value;
        else if (!(name in out)) out[name] = "";
      } else {
        out[name] = el.value;
      }
    }
    return out;
  });
}

async function expectEmpty(page: Page, count: number) {
  // The step's form is there once it has its own number of fields.
  await expect.poll(async () => Object.keys(await shown(page)).length).toBe(count);
  const values = await shown(page);
  expect(Object.keys(values).length).toBe(count);
  expect(Object.entries(values).filter(([, v]) => v !== "")).toEqual([]);
}

const STEPS = {
  "Salarié": /\/demande\/salarie$/,
  "Employeur": /\/demande\/employeur$/,
  "Emploi et contrat": /\/demande\/emploi$/,
};
type StepTitle = keyof typeof STEPS;

/** Waits until the page shows this step: its address and its title in the stepper. */
async function onStep(page: Page, title: StepTitle) {
  await expect(page).toHaveURL(STEPS[title]);
  await expect(page.locator(".fr-stepper__title")).toContainText(title);
}

/** Holds every WASM fetch back until the function returned is called: the page as a slow phone
 * has it before its islands are live. */
async function holdBackWasm(page: Page): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

async function previous(page: Page, title: StepTitle) {
  await page.getByRole("link", { name: "Étape précédente" }).click();
  await onStep(page, title);
}

test("each step opens with its own values, by links, back and forward, language and sign-in", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const email = unique("steps");
  await start(page, email, "employer");
  const code = await codeFor(email);
  await signIn(page, email, code);

  // A new request: every field of each step opens empty, though the previous step was just typed.
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);
  await expectEmpty(page, 16);
  await studentStep(page, unique("student"));
  await onStep(page, "Employeur");
  await expectEmpty(page, 8);
  await employerStep(page);
  await onStep(page, "Emploi et contrat");
  await expectEmpty(page, 10);
  const student = { family_name: "Diop", given_names: "Awa", nationality: "SN", permit: "student", postcode: "75005" };
  const employer = { siret: "73282932000074", employer_name: "Boulangerie du Panthéon", establishment_postcode: "75005" };

  // Back by the page's links: each step shows what was saved for it, not the step left.
  await previous(page, "Employeur");
  expect(await shown(page)).toMatchObject(employer);
  await previous(page, "Salarié");
  expect(await shown(page)).toMatchObject(student);

  // The browser's buttons.
  await page.goBack();
  await onStep(page, "Employeur");
  expect(await shown(page)).toMatchObject(employer);
  await page.goBack();
  await onStep(page, "Emploi et contrat");
  await expectEmpty(page, 10);
  await page.goForward();
  await onStep(page, "Employeur");
  expect(await shown(page)).toMatchObject(employer);

  // Typed but not saved, then another step: the other step shows its own values, and coming
  // back shows the saved value again.
  await page.getByLabel("Raison sociale").fill("Pas enregistré");
  await previous(page, "Salarié");
  expect(await shown(page)).toMatchObject(student);
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await onStep(page, "Employeur");
  expect(await shown(page)).toMatchObject(employer);

  // The language switch keeps what the fields hold, and what is being typed.
  await page.getByLabel("Personne à contacter").fill("Jeanne Martin-Dupont");
  await switchLanguage(page, "English");
  await expect(page.getByLabel("Company name")).toHaveValue(employer.employer_name);
  await expect(page.getByLabel("Contact person")).toHaveValue("Jeanne Martin-Dupont");
  await switchLanguage(page, "Français");
  await expect(page.getByLabel("Raison sociale")).toHaveValue(employer.employer_name);

  // A new sign-in, in a fresh browser, resumes at the first open step with its fields empty, and
  // the earlier steps hold what was saved.
  const other = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const resumed = await other.newPage();
  await resumed.goto("/acces");
  await signIn(resumed, email, code);
  await onStep(resumed, "Emploi et contrat");
  await hydrated(resumed);
  await expectEmpty(resumed, 10);
  await previous(resumed, "Employeur");
  expect(await shown(resumed)).toMatchObject(employer);
  await other.close();

  // And the job step, once saved, shows its values after a full load.
  await page.goto("/demande/emploi");
  await hydrated(page);
  await jobStep(page, true);
  await expect(page).toHaveURL(/\/demande\/justificatifs/);
  await page.goto("/demande/emploi");
  expect(await shown(page)).toMatchObject({ contract: "employment", weekly_hours: "20", within_curriculum: "true" });
});

test("the employer step says which service will handle the file as the postcode is typed", async ({ page }) => {
  test.setTimeout(90_000);
  const email = unique("routing");
  await start(page, email, "employer");
  await signIn(page, email, await codeFor(email));
  await studentStep(page, unique("student"));
  const postcode = page.getByLabel("Code postal de l'établissement");
  const said = page.getByTestId("routing");
  await expect(said).toBeEmpty();
  await postcode.pressSequentially("7500");
  await expect(said).toBeEmpty();
  await postcode.pressSequentially("5");
  await expect(said.getByRole("paragraph")).toContainText("Département 75 : la demande sera instruite par");
  await postcode.fill("13001");
  await expect(said.getByRole("paragraph")).toContainText("Le département 13 n'est pas encore ouvert");
  await expect(said.getByRole("link", { name: "Déposer sur l'ANEF" })).toHaveAttribute("href", /administration-etrangers-en-france/);
  await postcode.fill("");
  await expect(said).toBeEmpty();
});

test("answers given before the page is interactive are kept and counted once it is", async ({ page }) => {
  test.setTimeout(60_000);
  // The WASM is held back until the form has been answered, as on a slow phone.
  const release = await holdBackWasm(page);
  await page.goto("/eligibilite");
  await page.getByLabel("Nationalité de l'étudiant").selectOption("DZ");
  await page.locator("label", { hasText: "Certificat de résidence algérien « étudiant »" }).click();
  await page.getByLabel("Type de contrat").selectOption("employment");
  await page.getByLabel("Heures travaillées sur 12 mois").fill("300");
  await expect(page.locator("body[data-hydrated='true']")).toHaveCount(0);
  release();
  await hydrated(page);
  await expect(page.getByLabel("Nationalité de l'étudiant")).toHaveValue("DZ");
  await expect(page.getByLabel("Heures travaillées sur 12 mois")).toHaveValue("300");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "required");
  await expect(page.getByTestId("eligibility-cap")).toContainText("803,5");
});

test("what a step holds unsaved goes through the language switch, even before the page is interactive", async ({ page }) => {
  test.setTimeout(90_000);
  const email = unique("switch");
  await start(page, email, "employer");
  await signIn(page, email, await codeFor(email));
  await studentStep(page, unique("student"));
  await expect(page).toHaveURL(/\/demande\/employeur$/);
  // The WASM held back, as on a slow phone: the switch is still a plain link when it is pressed.
  const release = await holdBackWasm(page);
  await page.reload();
  const name = page.getByLabel("Raison sociale");
  await expect(name).toHaveValue("");
  await name.fill("Boulangerie pas encore enregistrée");
  await expect(page.locator("body[data-hydrated='true']")).toHaveCount(0);
  await switchLanguage(page, "English");
  await expect(page).toHaveURL(/lang=en/);
  release();
  await hydrated(page);
  await expect(page.getByLabel("Company name")).toHaveValue("Boulangerie pas encore enregistrée");
});
