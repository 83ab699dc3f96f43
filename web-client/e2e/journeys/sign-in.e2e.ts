// Every demo user signs in and lands on their home page, in Vietnamese by default and in English after the switch;
// a wrong password says so and keeps what was typed; laptop and tablet widths both fit.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, person, screenshot, signIn, watchErrors } from '../browser';

let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});

afterAll(async () => {
    await browser?.close();
});

describe('sign-in', () => {
    it('is served under a strict Content-Security-Policy that the page never violates', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.addInitScript(() => {
            const seen: string[] = [];
            (window as unknown as { cspViolations: string[] }).cspViolations = seen;
            document.addEventListener('securitypolicyviolation', (e) =>
                seen.push(`${e.violatedDirective} ${e.blockedURI}`),
            );
        });
        const response = await page.goto(`${baseUrl()}/#/login`);
        const csp = response?.headers()['content-security-policy'] ?? '';
        expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("style-src 'self';");
        expect(response?.headers()['x-frame-options']).toBe('DENY');
        await signIn(page, 'doctor');
        await page.locator('.lang-switch button[data-locale=en]').click();
        const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
    });

    it('refuses a wrong password with a message and keeps the user name', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(`${baseUrl()}/#/login`);
        expect(await page.locator('html').getAttribute('lang')).toBe('vi');
        await page.locator('input[name=username]').fill('doctor');
        await page.locator('input[name=password]').fill('not-the-password');
        await page.locator('form.login-form button[type=submit]').click();
        const alert = page.locator('.login-form [role=alert]');
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(/mật khẩu/i);
        expect(await page.locator('input[name=username]').inputValue()).toBe('doctor');
        await screenshot(page, 'login-error-vi');
        // the token endpoint answers a wrong password 400 invalid_grant (RFC 6749 section 5.2)
        expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
        await context.close();
    });

    for (const [username, role] of [
        ['doctor', 'SATELLITE_DOCTOR'],
        ['coordinator', 'COORDINATOR'],
        ['specialist', 'HUB_SPECIALIST'],
        ['patient', 'PATIENT'],
        ['admin', 'ADMIN'],
    ] as const) {
        it(`shows ${username} the home page of a ${role}, in both languages`, async () => {
            const context = await person(browser, username === 'specialist' ? 'tablet' : 'laptop');
            const page = await context.newPage();
            const errors = watchErrors(page);
            await signIn(page, username);
            await page.locator(`.role-card[data-role=${role}]`).waitFor();
            const vietnamese = await page.locator('.home-page h1').textContent();
            await screenshot(page, `home-${username}-vi`);

            await page.locator('.lang-switch button[data-locale=en]').click();
            await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
            const english = await page.locator('.home-page h1').textContent();
            expect(english).not.toBe(vietnamese);
            await screenshot(page, `home-${username}-en`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(width, 'nothing wider than the screen').toBeLessThanOrEqual(0);
            expect(errors).toEqual([]);
            await context.close();
        });
    }
});
