// What every browser test needs: Debian's Chromium launched by playwright-core with the flags that work headless
// on this machine, the address of the application under test, sign-in as a demo user, and screenshots saved under
// target/screenshots for people to look at.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.TELECONSULT_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url);

export const DEMO_PASSWORD = 'Demo-Consult-2026';

/** The application under test; BrowserIT sets it. */
export function baseUrl(): string {
    const url = process.env.TELECONSULT_E2E_URL;
    if (!url) {
        throw new Error('TELECONSULT_E2E_URL is not set: the browser tests are run by consult-service BrowserIT.');
    }
    return url.replace(/\/$/, '');
}

export async function launch(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless=new',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
        ],
    });
}

export type Viewport = 'laptop' | 'tablet';

const VIEWPORTS: Record<Viewport, { width: number; height: number }> = {
    laptop: { width: 1366, height: 768 },
    tablet: { width: 820, height: 1180 },
};

/** A fresh browser context (own cookies and session storage), as one person on one device. */
export async function person(browser: Browser, viewport: Viewport = 'laptop'): Promise<BrowserContext> {
    const context = await browser.newContext({
        viewport: VIEWPORTS[viewport],
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
    });
    context.setDefaultTimeout(15_000);
    return context;
}

/** Opens the sign-in page and signs in; resolves once the signed-in home page shows. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${baseUrl()}/#/login`);
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.locator('form.login-form button[type=submit]').click();
    await page.locator('.home-page').waitFor();
}

/** Pages larger than this are cut off in screenshots: Chromium cannot capture one larger than its largest texture. */
const SCREENSHOT_MAX_SIDE = 8000;

/**
 * Saves a full-page screenshot as target/screenshots/<name>.png; of a page taller or wider than 8000 pixels, only
 * what the window shows.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // the test database holds every earlier test's hospitals and users, so list pages (and the hub-link table, a
    // column per hub) grow long and wide
    const size = await page.evaluate(() =>
        Math.max(document.documentElement.scrollHeight, document.documentElement.scrollWidth),
    );
    // A full-page screenshot can take long on a loaded machine; it is only for people to look at.
    await page.screenshot({
        path: new URL(`${name}.png`, SCREENSHOTS).pathname,
        fullPage: size <= SCREENSHOT_MAX_SIDE,
        timeout: 60_000,
    });
}

/** Collects uncaught page errors and console errors, so a test can assert the page stayed healthy. */
export function watchErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
        if (message.type() === 'error') {
            errors.push(`console: ${message.text()}`);
        }
    });
    return errors;
}

/**
 * Waits for the success element, or fails at once with the text of the error alert if that shows first, so that a
 * refused request reads as the server's message rather than as a timeout.
 */
export async function expectOutcome(page: Page, success: string, failure = '[role=alert]:visible'): Promise<void> {
    const winner = await Promise.race([
        page.locator(success).first().waitFor().then(() => 'success' as const),
        page.locator(failure).first().waitFor().then(() => 'failure' as const),
    ]);
    if (winner === 'failure') {
        const text = await page.locator(failure).first().textContent();
        throw new Error(`expected ${success}, but the page says: ${text}`);
    }
}
