import { test, expect, accessible } from "./fixtures";
import {
  attachDocuments, codeFor, fillEmployer, fillJob, fillStudent, save, shot, signIn, start, unique,
} from "./journey";

// With JavaScript disabled, every page is complete as the server sends it and every form posts
// as plain HTML: the applicant goes from the start to the follow-up, and an instructor finds
// the file and decides. Each page is checked for what it shows before anything is typed.

test.use({ javaScriptEnabled: false });

test("without JavaScript, a request is filed and followed, and an instructor decides", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = unique("nojs");
  await start(page, email, "student", false);
  const code = await codeFor(email);
  await signIn(page, email, code, false);

  await expect(page).toHaveURL(/\/demande\/salarie/);
  await expect(page.getByText("Chargement…")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Demande d'autorisation de travail" })).toBeVisible();
  await expect(page.getByLabel("Nom de famille")).toHaveValue("");
  await fillStudent(page, email);
  await save(page, /\/demande\/employeur/, false);
  await expect(page.getByLabel("Raison sociale")).toHaveValue("");
  await fillEmployer(page);
  await save(page, /\/demande\/emploi/, false);
  await expect(page.getByLabel("Intitulé du poste")).toHaveValue("");
  await fillJob(page, true);
  await save(page, /\/demande\/justificatifs/, false);
  await expect(page.getByTestId("documents-missing")).toBeVisible();
  await attachDocuments(page);
  await page.getByTestId("to-summary").click();
  await expect(page).toHaveURL(/\/demande\/recapitulatif/);
  await expect(page.locator("dl.wif-summary").first()).toContainText("Diop");
  await page.getByTestId("submit-request").click();
  await expect(page).toHaveURL(/\/demande\/confirmation/);
  const number = (await page.getByTestId("dossier-number").textContent()) ?? "";
  expect(number).toMatch(/^APT-\d{4}-75-[0-9A-Z]{6}$/);

  await page.goto("/suivi");
  await expect(page.getByTestId("follow-state")).toHaveAttribute("data-state", "submitted");
  await page.getByLabel("Écrire au service instructeur").fill("Le contrat commence dans deux semaines.");
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page).toHaveURL(/\/suivi/);
  await expect(page.getByTestId("timeline")).toContainText("Le contrat commence dans deux semaines.");
  await shot(page, "nojs-follow-up");

  // The instructor, without JavaScript too.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: page.viewportSize() ?? undefined, locale: "fr-FR" });
  const agent = await context.newPage();
  await agent.goto("/instruction");
  await expect(agent.getByTestId("signed-out")).toBeVisible();
  await accessible(agent);
  await agent.goto("/instruction/connexion");
  await agent.getByLabel("Adresse électronique professionnelle").fill("instructeur@demo.workinfrance.fr");
  await agent.getByLabel("Mot de passe").fill("demo-instruction-2026");
  await agent.getByTestId("log-in").click();
  await expect(agent).toHaveURL(/\/instruction$/);
  await expect(agent.getByTestId("queue")).toBeVisible();
  await agent.getByTestId("search").fill(number);
  await agent.getByTestId("filter").click();
  await expect(agent.getByTestId("queue-row")).toHaveCount(1);
  await accessible(agent);
  await agent.getByRole("link", { name: number }).click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "submitted");
  await expect(agent.getByTestId("history")).toContainText("Le contrat commence dans deux semaines.");
  await agent.getByTestId("act-take_in_review").click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "in_review");
  await expect(agent.getByLabel("Valable du")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await agent.getByTestId("act-accept").click();
  await expect(agent.getByTestId("dossier-state")).toHaveAttribute("data-state", "accepted");
  await shot(agent, "nojs-accepted");
  await context.close();

  await page.goto("/suivi");
  await expect(page.getByTestId("follow-state")).toHaveAttribute("data-state", "accepted");
  await expect(page.getByTestId("authorisation")).toBeVisible();
});

test("without JavaScript, the administration and the statistics are complete", async ({ page }) => {
  // Each page without JavaScript is checked by axe-core as a copy in a page of its own (fixtures.ts).
  test.setTimeout(90_000);
  await page.goto("/instruction/connexion");
  await page.getByLabel("Adresse électronique professionnelle").fill("admin@demo.workinfrance.fr");
  await page.getByLabel("Mot de passe").fill("demo-instruction-2026");
  await page.getByTestId("log-in").click();
  await expect(page).toHaveURL(/\/instruction$/);
  await page.goto("/instruction/admin");
  await expect(page.getByText("Chargement…")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(page.locator("main")).toContainText("moe-paris");
  await accessible(page);
  await page.goto("/statistiques");
  await expect(page.getByTestId("stats-months")).toBeVisible();
  await accessible(page);
});
