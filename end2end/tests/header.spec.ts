import { test, expect } from "./fixtures";
import { accessible } from "./fixtures";
import { hydrated } from "./journey";

// The header on a phone (issue 18): the four links of the main menu wait behind a "Menu"
// disclosure, so the page's own heading is on the first screen; on a computer they are shown.
// The disclosure is the browser's own (<details>), with and without JavaScript alike.

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("the main menu: behind a button on a phone, shown on a computer", async ({ page }, info) => {
      await page.goto("/accessibilite");
      await (js ? hydrated(page) : accessible(page));
      const menu = page.getByRole("navigation", { name: "Menu principal" });
      const link = menu.getByRole("link", { name: "Faire une demande" });
      const button = page.getByText("Menu", { exact: true });
      const heading = page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" });
      const height = page.viewportSize()?.height ?? 0;
      if (info.project.name === "phone") {
        await expect(link).toBeHidden();
        await expect(button).toBeVisible();
        // The heading starts on the first screen.
        expect((await heading.boundingBox())?.y ?? Infinity).toBeLessThan(height);
        // Opened by keyboard: Tab to the button, Enter; then the links follow in the tab order.
        for (let i = 0; i < 20 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
          await page.keyboard.press("Tab");
        }
        await expect(button).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(link).toBeVisible();
        await expect(menu.getByRole("link")).toHaveCount(4);
        await accessible(page);
      } else {
        await expect(button).toBeHidden();
        await expect(link).toBeVisible();
        await expect(menu.getByRole("link")).toHaveCount(4);
      }
      await link.click();
      await expect(page).toHaveURL(/\/demande$/);
    });
  });
}
