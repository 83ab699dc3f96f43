// The network administrator adds a satellite hospital and links it to a hub, adds a doctor there, finds them in the
// user list, and finds the additions in the audit trail. A duplicate hospital code is refused with the server's
// words and the form keeps what was typed.
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

describe('administration', () => {
    it('adds a hospital with a hub link and a user, and shows both in the audit trail', async () => {
        const suffix = Date.now().toString(36).toUpperCase();
        const code = `SAT-E2E-${suffix}`;
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'admin');
        await page.locator('.role-card[data-role=ADMIN] a[href="#/admin/hospitals"]').click();

        const form = page.locator('form.new-hospital');
        await form.locator('input[name=code]').fill(code);
        await form.locator('input[name=name]').fill('Bệnh viện Đa khoa huyện Thử Nghiệm');
        await form.locator('select[name=kind]').selectOption('SATELLITE');
        await form.locator('input[name=province]').fill('Núi Xanh');
        await form.locator('button[type=submit]').click();
        const row = page.locator(`tr[data-code="${code}"]`);
        await expectOutcome(page, `tr[data-code="${code}"]`);

        const link = row.locator('input[data-hub="HUB-HONGHA"]');
        await link.check();
        await expect.poll(() => link.isDisabled()).toBe(false);
        await page.reload();
        await expect.poll(() => page.locator(`tr[data-code="${code}"] input[data-hub="HUB-HONGHA"]`).isChecked()).toBe(true);
        await screenshot(page, 'admin-hospitals');

        await page.locator('form.new-hospital input[name=code]').fill(code);
        await page.locator('form.new-hospital input[name=name]').fill('Trùng mã');
        await page.locator('form.new-hospital button[type=submit]').click();
        const refusal = page.locator('form.new-hospital [role=alert]');
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain(code);
        expect(await page.locator('form.new-hospital input[name=name]').inputValue()).toBe('Trùng mã');

        await page.goto(`${baseUrl()}/#/admin/users`);
        const userForm = page.locator('form.new-user');
        const username = `bs.e2e.${suffix.toLowerCase()}`;
        await userForm.locator('input[name=username]').fill(username);
        await userForm.locator('input[name=fullName]').fill('BS. Nguyễn Văn Thử');
        await userForm.locator('select[name=hospitalId]').selectOption({ label: 'Bệnh viện Đa khoa huyện Thử Nghiệm' });
        await userForm.locator('input[name=roles][value=SATELLITE_DOCTOR]').check();
        await userForm.locator('input[name=password]').fill('Thu@nghiem2026');
        await userForm.locator('button[type=submit]').click();
        await page.locator('form.filters input[name=q]').fill(username);
        await page.locator('form.filters button[type=submit]').click();
        await expectOutcome(page, `tr[data-username="${username}"]`);
        expect(await page.locator(`tr[data-username="${username}"]`).textContent()).toContain('Bệnh viện Đa khoa huyện Thử Nghiệm');
        await screenshot(page, 'admin-users');

        await page.goto(`${baseUrl()}/#/admin/audit`);
        await page.locator('form.filters select[name=action]').selectOption('CREATE');
        await page.locator('form.filters button[type=submit]').click();
        await page.locator('.audit-table tbody tr').first().waitFor();
        expect(await page.locator('.audit-table tbody tr[data-resource-type=User]').count()).toBeGreaterThan(0);
        expect(await page.locator('.audit-table tbody tr[data-resource-type=Hospital]').count()).toBeGreaterThan(0);
        expect(await page.locator('.audit-table tbody tr').first().textContent()).toContain('admin');
        await screenshot(page, 'admin-audit');
        expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
        await context.close();
    });
});
