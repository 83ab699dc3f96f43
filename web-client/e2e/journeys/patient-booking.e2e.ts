// Journey 5 (booking part): a patient finds a free slot at the demo hub, books a video visit for a condition allowed
// for remote care, sees it under "my appointments" with its time zone, and cancels it with a reason. A video visit
// is not offered for a condition outside the allowed list; staff cannot open the patient pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectOutcome, launch, person, screenshot, signIn, watchErrors } from '../browser';

let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});

afterAll(async () => {
    await browser?.close();
});

describe('patient portal', () => {
    it('books a video visit in a free slot, lists it and cancels it', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'patient');
        await page.locator('.role-card[data-role=PATIENT] a[href="#/visits/book"]').click();

        await page.locator('#visit-condition').selectOption('OTHER');
        await expect.poll(() => page.locator('#visit-mode-VIDEO').isDisabled()).toBe(true);
        expect(await page.locator('.visits-book .alert-info').first().isVisible()).toBe(true);

        await page.locator('#visit-condition').selectOption('E11');
        await expect.poll(() => page.locator('#visit-mode-VIDEO').isDisabled()).toBe(false);
        await page.locator('#visit-mode-VIDEO').check();
        let slot = page.locator('.slots button.slot').first();
        for (let week = 0; week < 4 && !(await slot.isVisible().catch(() => false)); week++) {
            await page.locator('.slots .slot, .slots p.muted').first().waitFor();
            if (await slot.isVisible()) {
                break;
            }
            await page.locator('.week-nav button').last().click();
            slot = page.locator('.slots button.slot').first();
        }
        await slot.waitFor();
        const start = await slot.getAttribute('data-start');
        expect(start).toBeTruthy();
        expect(await page.locator('.zone-note').textContent()).toContain('Asia/Ho_Chi_Minh');
        await screenshot(page, 'patient-book-slots');
        await slot.click();
        await page.locator('.confirm-box .confirm').waitFor();
        await screenshot(page, 'patient-book-confirm');
        await page.locator('.confirm-box .confirm .button-primary').click();
        await expectOutcome(page, '.confirm-box .booked');
        expect(await page.locator('.confirm-box .booked').textContent()).toContain('Asia/Ho_Chi_Minh');
        await expect
            .poll(() => page.locator(`.slots button.slot[data-start="${start}"]`).count(), {
                message: 'the booked time is no longer offered',
            })
            .toBe(0);

        await page.locator('.confirm-box .booked a[href="#/visits"]').click();
        const booking = page.locator('.bookings.upcoming li.booking').first();
        await booking.waitFor();
        expect(await booking.textContent()).toContain('Asia/Ho_Chi_Minh');
        await screenshot(page, 'patient-my-visits');

        await booking.locator('.cancel-box button').click();
        await booking.locator('.cancel-box .button-primary').click();
        await booking.locator('[role=alert]').waitFor();
        await booking.locator('input[name=reason]').fill('Đã khỏe hơn, xin dời lịch');
        await booking.locator('.cancel-box .button-primary').click();
        await page.locator('.bookings.past li.status-CANCELLED').first().waitFor();
        expect(errors).toEqual([]);
        await context.close();
    });

    it('keeps staff out of the patient pages', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        await signIn(page, 'coordinator');
        await page.goto(`${baseUrl()}/#/visits/book`);
        await page.locator('.status-page [role=alert]').waitFor();
        expect(await page.locator('.visits-book').count()).toBe(0);
        await context.close();
    });
});
