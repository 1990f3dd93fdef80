import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, startBrowserHarness } from "./harness.js";

/**
 * Keyboard and screen-reader basics of the signed-in frame in a 1024×768 window: a skip link
 * first, one header, a named navigation that scrolls within itself, a main region that takes
 * focus, and a visible focus ring.
 */
describe("keyboard and screen readers", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  async function setUp(page: Page): Promise<string> {
    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Keys Ltd");
    await page.getByLabel("Your name").fill("Kim Keys");
    await page.getByLabel("E-mail").fill("kim@keys.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    return /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
  }

  it("offers a skip link, landmarks, a focus ring and a sidebar that fits the window", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await setUp(page);
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();

    // The first Tab lands on the skip link, which shows itself; Enter moves focus to the page.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");

    // Landmarks: one banner, one navigation named "Main", one main.
    expect(await page.getByRole("banner").count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(1);
    expect(await page.getByRole("main").count()).toBe(1);

    // Tabbing on reaches a control with a visible focus ring.
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);

    // The navigation scrolls within itself: its last entry can be brought into view without the
    // page scrolling, and the account menu stays visible.
    const nav = page.getByRole("navigation", { name: "Main" });
    const last = nav.getByRole("link", { name: "API reference" });
    await last.scrollIntoViewIfNeeded();
    const lastBox = await last.boundingBox();
    expect(lastBox && lastBox.y >= 64 && lastBox.y + lastBox.height <= 768).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const account = page.getByRole("button", { name: /^Account menu for/ });
    const accountBox = await account.boundingBox();
    expect(accountBox && accountBox.y >= 0 && accountBox.y + accountBox.height <= 64).toBe(true);

    expect(await a11yProblems(page, "overview at 1024×768")).toEqual([]);
    await context.close();
  });
});
