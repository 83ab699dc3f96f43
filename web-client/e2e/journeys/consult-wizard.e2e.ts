// The new-consult wizard when things go wrong, in English on a tablet: a document the server refuses (named .pdf but
// not a PDF) fails the submit with the server's words and every field kept; the request is saved as a draft and the
// second submit sends that same draft (no duplicate). Then a specialist declines the case only with a reason.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOutcome, launch, person, screenshot, signIn, watchErrors } from '../browser';
import { runTag } from '../consult-fixtures';

let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});

afterAll(async () => {
    await browser?.close();
});

describe('new consult wizard', () => {
    it('keeps every field when the server refuses the submit, and sends the same draft again', async () => {
        const tag = runTag();
        const patient = `Lê Văn Lỗi ${tag}`;
        const context = await person(browser, 'tablet');
        const page = await context.newPage();
        const errors = watchErrors(page);
        await signIn(page, 'doctor');
        await page.locator('.lang-switch button[data-locale=en]').click();
        await page.locator('.role-card[data-role=SATELLITE_DOCTOR] a[href="#/consults/new"]').click();
        await page.locator('#consult-patientName').fill(patient);
        await page.locator('#consult-birthDate').fill('1990-02-03');
        await page.locator('#consult-nationalId').fill('12ab');
        await page.locator('.wizard-next').click();
        expect(await page.locator('.wizard-alert').textContent()).toContain('9 to 12 digits');
        await page.locator('#consult-nationalId').fill('');
        await page.locator('.wizard-next').click();
        await page.locator('#consult-specialty').selectOption('Chẩn đoán hình ảnh');
        await page.locator('#consult-urgency-EMERGENCY').check();
        await page.locator('#consult-question').fill(`Tràn khí màng phổi? (${tag})`);
        await page.locator('#consult-clinicalSummary').fill('Khó thở đột ngột sau chấn thương ngực.');
        await page.locator('.wizard-steps button[data-step=documents]').click();
        await page.locator('#consult-consent').check();
        await page.locator('#consult-documents').setInputFiles({
            name: 'ket-qua.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('this is not a PDF at all'),
        });
        await page.locator('.wizard-submit').click();
        const alert = page.locator('.wizard-alert');
        await alert.waitFor();
        expect((await alert.textContent())?.length).toBeGreaterThan(10);
        await page.locator('.wizard-info').waitFor();
        await screenshot(page, 'consult-new-refused-en-tablet');
        expect(await page.locator('#consult-consent').isChecked()).toBe(true);
        await page.locator('.wizard-steps button[data-step=patient]').click();
        expect(await page.locator('#consult-patientName').inputValue()).toBe(patient);
        expect(await page.locator('#consult-birthDate').inputValue()).toBe('1990-02-03');
        await page.locator('.wizard-steps button[data-step=request]').click();
        expect(await page.locator('#consult-urgency-EMERGENCY').isChecked()).toBe(true);
        expect(await page.locator('#consult-question').inputValue()).toContain(tag);

        await page.locator('.wizard-steps button[data-step=documents]').click();
        await page.locator('.document-list li[data-file="ket-qua.pdf"] button').click();
        await page.locator('.wizard-submit').click();
        await expectOutcome(page, '.consult-case .case-notice', '.wizard-alert:visible');
        const consultId = await page.locator('.consult-case').getAttribute('data-consult');

        await page.locator('.consult-case a.back-to-list').click();
        const mine = page.locator('.worklist-row', { hasText: patient });
        await mine.waitFor();
        expect(await mine.count(), 'one request, not one per attempt').toBe(1);
        expect(await mine.getAttribute('data-consult')).toBe(consultId);
        expect(['SUBMITTED', 'ASSIGNED']).toContain(await mine.getAttribute('data-state'));
        await screenshot(page, 'consult-my-cases-en-tablet');
        const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(width, 'my cases fit a tablet').toBeLessThanOrEqual(0);
        // 400: the refused document
        expect(errors.filter((e) => !e.includes('400') && !e.includes('415'))).toEqual([]);
        await context.close();

        // The coordinator assigns it (unless the on-call specialist already has it); the specialist declines with a reason
        const coordinator = await (await person(browser)).newPage();
        await signIn(coordinator, 'coordinator');
        await coordinator.goto(coordinator.url().replace(/#.*$/, `#/consults/${consultId}`));
        await coordinator.locator('.case-head [data-state]').waitFor();
        if ((await coordinator.locator('.case-head [data-state]').getAttribute('data-state')) === 'SUBMITTED') {
            await expect.poll(() => coordinator.locator('#assign-specialist option').count()).toBeGreaterThan(1);
            await coordinator.locator('#assign-specialist').selectOption({ label: 'PGS.TS. Lê Minh Đức' });
            await coordinator.locator('.case-actions .assign').click();
            await expectOutcome(coordinator, '.consult-case .case-head [data-state=ASSIGNED]');
        }
        await coordinator.context().close();
        const specialist = await (await person(browser)).newPage();
        await signIn(specialist, 'specialist');
        await specialist.goto(specialist.url().replace(/#.*$/, `#/consults/${consultId}`));
        await specialist.locator('details.reason-DECLINED summary').click();
        await specialist.locator('details.reason-DECLINED .confirm').click();
        await specialist.locator('.case-actions [role=alert]:visible').waitFor();
        await specialist.locator('#reason-DECLINED').fill('Ngoài chuyên môn chẩn đoán hình ảnh; đề nghị chuyển khoa Ngoại lồng ngực.');
        await specialist.locator('details.reason-DECLINED .confirm').click();
        await expectOutcome(specialist, '.consult-case .case-head [data-state=DECLINED]');
        expect(await specialist.locator('.case-details').textContent()).toContain('Ngoài chuyên môn');
        await specialist.context().close();
    });
});
