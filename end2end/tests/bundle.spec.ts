import { test, expect, Page } from "./fixtures";
import { codeFor, hydrated, signIn, start, unique } from "./journey";

// Each page downloads its own part of the front end (lazy routes, `cargo leptos build --split`):
// an applicant's pages never fetch the code of the instructor's pages, nor the other way round.

const INSTRUCTOR = /split___instructor_pages_view/;
const APPLICANT = /split___applicant_pages_view/;

function codeFetched(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    if (/\.(wasm|js)$/.test(new URL(r.url()).pathname)) urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

test("an applicant's pages fetch none of the instructor's code", async ({ page }) => {
  test.setTimeout(60_000);
  const fetched = codeFetched(page);
  await page.goto("/eligibilite");
  await hydrated(page);
  expect(fetched.some((u) => /split___eligibility_view/.test(u))).toBe(true);
  const email = unique("bundle");
  await start(page, email, "student");
  await signIn(page, email, await codeFor(email));
  await expect(page).toHaveURL(/\/demande\/salarie/);
  await hydrated(page);
  await expect(page.getByLabel("Nom de famille")).toBeVisible();
  expect(fetched.some((u) => APPLICANT.test(u))).toBe(true);
  expect(fetched.filter((u) => INSTRUCTOR.test(u))).toEqual([]);
});

test("the instructor's sign-in fetches none of the applicant's code", async ({ page }) => {
  const fetched = codeFetched(page);
  await page.goto("/instruction/connexion");
  await hydrated(page);
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
  expect(fetched.some((u) => INSTRUCTOR.test(u))).toBe(true);
  expect(fetched.filter((u) => APPLICANT.test(u))).toEqual([]);
});
