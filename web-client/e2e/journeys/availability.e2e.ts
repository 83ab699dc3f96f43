// A hub coordinator manages availability: sees the demo specialist's weekly hours, adds Sunday hours, records leave,
// and creates a new schedule; a bad rule (no day chosen) is refused in words and the form keeps its values.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOutcome, launch, person, screenshot, signIn, watchErrors } from '../browser';

let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});

afterAll(async () => {
    await browser?.close();
});

describe('availability', () => {
    it('lets a coordinator add weekly hours, leave and a new schedule', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'coordinator');
        await page.locator('.role-card[data-role=COORDINATOR] a[href="#/availability"]').click();
        const consult = page.locator('.schedule[data-service=consult-imaging]');
        await consult.waitFor();
        expect(await consult.locator('.rules li').count()).toBeGreaterThan(0);
        expect(await consult.textContent()).toContain('Asia/Ho_Chi_Minh');

        await consult.locator('details.add-rule summary').click();
        const ruleForm = consult.locator('details.add-rule form');
        await ruleForm.locator('input[name=start]').fill('08:00');
        await ruleForm.locator('input[name=end]').fill('09:00');
        await ruleForm.locator('button[type=submit]').click();
        await ruleForm.locator('[role=alert]').waitFor();
        expect(await ruleForm.locator('input[name=start]').inputValue()).toBe('08:00');
        await ruleForm.locator('input[name=day][value=SU]').check();
        const before = await consult.locator('.rules li').count();
        await ruleForm.locator('button[type=submit]').click();
        await expect.poll(() => page.locator('.schedule[data-service=consult-imaging] .rules li').count()).toBe(before + 1);

        const card = page.locator('.resource-card', { has: page.locator('.schedule[data-service=consult-imaging]') });
        await card.locator('details.add-exception summary').click();
        const leave = card.locator('details.add-exception form');
        const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
        await leave.locator('input[name=start]').fill(`${day}T14:00`);
        await leave.locator('input[name=end]').fill(`${day}T17:00`);
        await leave.locator('input[name=reason]').fill('Hội nghị chuyên ngành');
        await leave.locator('button[type=submit]').click();
        await expectOutcome(page, '.add-exception [role=status]:visible');

        const form = page.locator('form.new-schedule');
        await form.locator('select[name=resource]').selectOption({ label: 'PGS.TS. Lê Minh Đức' });
        await form.locator('select[name=kind]').selectOption('PATIENT_VISIT');
        await form.locator('input[name=serviceCode]').fill('e2e-sunday-clinic');
        await form.locator('input[name=mode][value=IN_PERSON]').check();
        await form.locator('input[name=day][value=SU]').check();
        await form.locator('input[name=start]').fill('13:00');
        await form.locator('input[name=end]').fill('14:00');
        await form.locator('button[type=submit]').click();
        await expectOutcome(page, '.schedule[data-service=e2e-sunday-clinic]');
        await screenshot(page, 'hub-availability');
        expect(errors).toEqual([]);
        await context.close();
    });
});
