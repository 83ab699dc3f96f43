// The network administrator manages a hospital's DICOM nodes (add, test the connection, change, delete), looks at the
// media servers' health and at consult turnaround with its charts. A refused node keeps what was typed.
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

describe('network operations', () => {
    it('adds, tests, changes and deletes a DICOM node', async () => {
        const ae = `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'admin');
        await page.locator('.role-card[data-role=ADMIN] a[href="#/admin/dicom-nodes"]').click();
        await page.locator('select[name=hospital]').selectOption({ label: 'Bệnh viện Đa khoa tỉnh Núi Xanh' });

        const form = page.locator('form.node-form');
        await form.locator('input[name=aeTitle]').fill('BAD\\TITLE');
        await form.locator('select[name=kind]').selectOption('REMOTE');
        await form.locator('input[name=host]').fill('127.0.0.1');
        await form.locator('input[name=port]').fill('9');
        await form.locator('button[type=submit]').click();
        const refusal = form.locator('[role=alert]');
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain('backslash');
        expect(await form.locator('input[name=host]').inputValue()).toBe('127.0.0.1');

        await form.locator('input[name=aeTitle]').fill(ae);
        await form.locator('button[type=submit]').click();
        const row = page.locator(`tr[data-ae="${ae}"]`);
        await expectOutcome(page, `tr[data-ae="${ae}"]`);
        expect(await row.textContent()).toContain('127.0.0.1:9');

        // Nothing listens on port 9 of this machine: the C-ECHO fails with the node named in the message.
        await row.locator('button[data-action=echo]').click();
        const result = row.locator('.echo-result[data-reachable]');
        await result.waitFor();
        expect(await result.getAttribute('data-reachable')).toBe('false');
        expect(await result.textContent()).toContain(`${ae} at 127.0.0.1:9`);
        await screenshot(page, 'admin-dicom-nodes');

        await row.getByRole('button', { name: 'Sửa' }).click();
        await page.locator('form.node-form input[name=port]').fill('11112');
        await page.locator('form.node-form button[type=submit]').click();
        await expect.poll(() => page.locator(`tr[data-ae="${ae}"]`).textContent()).toContain('127.0.0.1:11112');

        page.once('dialog', (dialog) => void dialog.accept());
        await page.locator(`tr[data-ae="${ae}"]`).getByRole('button', { name: 'Xóa' }).click();
        await expect.poll(() => page.locator(`tr[data-ae="${ae}"]`).count()).toBe(0);
        expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
        await context.close();
    });

    it('shows the media servers and the turnaround charts', async () => {
        const context = await person(browser);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'admin');
        await page.goto(`${baseUrl()}/#/admin/media-servers`);
        const server = page.locator('.media-table tr[data-server]').first();
        await server.waitFor();
        expect(['true', 'false']).toContain(await server.getAttribute('data-healthy'));
        expect((await server.locator('.badge').textContent())?.trim()).not.toBe('');
        await screenshot(page, 'admin-media-servers');

        await page.goto(`${baseUrl()}/#/admin/turnaround`);
        const hubs = page.locator('.turnaround-side[data-side=HUB]');
        await hubs.waitFor();
        expect(await hubs.locator('svg.bar-chart rect.bar-accept[data-value]').count()).toBeGreaterThan(0);
        expect(await hubs.locator('tbody tr').count()).toBeGreaterThan(0);
        expect(await hubs.textContent()).toContain('Bệnh viện Trung ương Hồng Hà');
        await page.locator('button[data-locale=en]').click();
        await expect.poll(() => hubs.locator('svg.bar-chart .chart-legend').first().textContent()).toBe('To acceptance (hours)');
        expect(await page.locator('.admin-turnaround h1').textContent()).toBe('Consult turnaround');
        await screenshot(page, 'admin-turnaround');

        await page.locator('input[name=from]').fill('2026-12-31');
        await page.locator('input[name=to]').fill('2026-01-01');
        await page.locator('form.filters button[type=submit]').click();
        const alert = page.locator('.admin-turnaround [role=alert]:visible');
        await alert.waitFor();
        expect(await alert.textContent()).toBe('Please choose a start date before the end date.');
        await page.locator('button[data-locale=vi]').click();
        expect(errors).toEqual([]);
        await context.close();
    });
});
