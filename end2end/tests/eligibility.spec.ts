import { test, expect, Page } from "./fixtures";
import { hydrated, shot, switchLanguage } from "./journey";

// The public eligibility check (issue: foundation). Each case keeps a screenshot as an artifact.

// DSFR draws radios and checkboxes on their label, which takes the click as a person's would.
async function choose(page: Page, label: string) {
  await page.locator("label", { hasText: label }).click();
}


test("an ordinary job under 964 h needs no authorisation", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  await page.getByLabel("Nationalité de l'étudiant").selectOption("SN");
  await choose(page, "Carte de séjour ou VLS-TS « étudiant »");
  await page.getByLabel("Type de contrat").selectOption("employment");
  await page.getByLabel("Heures travaillées sur 12 mois").fill("500");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "not_required");
  await expect(result).toContainText("Aucune autorisation de travail n'est nécessaire");
  await expect(page.getByTestId("eligibility-cap")).toContainText("964");
  await expect(page).toHaveURL(/annual_hours=500/);
  await shot(page, "not-required");
});

test("an Algerian student certificate needs an authorisation, capped at 803.5 h", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  await page.getByLabel("Nationalité de l'étudiant").selectOption("DZ");
  await choose(page, "Certificat de résidence algérien « étudiant »");
  await page.getByLabel("Type de contrat").selectOption("employment");
  await page.getByLabel("Heures travaillées sur 12 mois").fill("300");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "required");
  await expect(page.getByTestId("eligibility-cap")).toContainText("803,5");
  const documents = page.getByTestId("eligibility-documents");
  await expect(documents.locator("[data-document='passport']")).toBeVisible();
  await expect(documents.locator("[data-document='residence_permit']")).toBeVisible();
  await shot(page, "algerian-required");
});

test("1,200 h outside the curriculum cannot be authorised", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  await page.getByLabel("Nationalité de l'étudiant").selectOption("IN");
  await choose(page, "Carte de séjour ou VLS-TS « étudiant »");
  await page.getByLabel("Type de contrat").selectOption("employment");
  await page.getByLabel("Heures travaillées sur 12 mois").fill("1200");
  await page.getByRole("radiogroup", { name: /cursus/ }).locator("label", { hasText: "Non" }).click();
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "not_eligible");
  await expect(result).toContainText("Cet emploi ne peut pas être autorisé");
  await shot(page, "not-eligible");
});

test("an invalid answer is explained next to its field", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  const hours = page.getByLabel("Heures travaillées sur 12 mois");
  await hours.fill("-4");
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#annual_hours-error")).toContainText("ne peut pas être négatif");
  await hours.fill("40");
  await expect(hours).not.toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // axe-core checks each page as a copy in a page of its own (fixtures.ts): a few seconds more.
  test.describe.configure({ timeout: 60_000 });

  test("the form posts and the server renders the same answer", async ({ page }) => {
    await page.goto("/eligibilite");
    await page.getByLabel("Nationalité de l'étudiant").selectOption("DZ");
    await choose(page, "Certificat de résidence algérien « étudiant »");
    await page.getByLabel("Type de contrat").selectOption("employment");
    await page.getByLabel("Heures travaillées sur 12 mois").fill("300");
    await page.getByRole("button", { name: "Voir le résultat" }).click();
    await expect(page).toHaveURL(/verifier=1/);
    const result = page.getByTestId("eligibility-result");
    await expect(result).toHaveAttribute("data-outcome", "required");
    await expect(page.getByTestId("eligibility-cap")).toContainText("803,5");
    // The language switch keeps the answers (they are in the address).
    await switchLanguage(page, "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("eligibility-result")).toContainText("A work authorisation is needed");
    await expect(page.getByLabel("Student's nationality")).toHaveValue("DZ");
    await shot(page, "no-javascript");
  });

  test("missing answers are listed after submitting", async ({ page }) => {
    await page.goto("/eligibilite");
    await page.getByRole("button", { name: "Voir le résultat" }).click();
    await expect(page.getByTestId("eligibility-pending")).toContainText("Il manque des réponses");
    await expect(page.locator("#nationality-error")).toContainText("obligatoire");
  });
});

test("the English version, switched in place without losing answers", async ({ page }) => {
  await page.goto("/eligibilite");
  await hydrated(page);
  await page.getByLabel("Nationalité de l'étudiant").selectOption("SN");
  await choose(page, "Carte de séjour ou VLS-TS « étudiant »");
  await page.getByLabel("Type de contrat").selectOption("cifre");
  // A CIFRE is part of the curriculum by nature: the answer is given and cannot be changed.
  await expect(page.locator("#within_curriculum-true")).toBeChecked();
  await expect(page.locator("#within_curriculum-true")).toBeDisabled();
  await page.getByLabel("Heures travaillées sur 12 mois").fill("1200");
  await switchLanguage(page, "English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Do I need a work authorisation?");
  await expect(page.getByLabel("Hours worked over 12 months")).toHaveValue("1200");
  await expect(page.getByLabel("Student's nationality")).toHaveValue("SN");
  const result = page.getByTestId("eligibility-result");
  await expect(result).toHaveAttribute("data-outcome", "required");
  await expect(result).toContainText("A work authorisation is needed");
  await shot(page, "english");
  // The choice is remembered on the next page.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the home page leads to the check, by keyboard too", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Contenu" })).toBeFocused();
  await page.getByTestId("cta-eligibility").click();
  await expect(page).toHaveURL(/\/eligibilite$/);
  await shot(page, "home-to-check");
});
