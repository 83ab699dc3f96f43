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

    // The PACS's answers are played by the test here (no Orthanc in the packaged-app run): what is checked is the page —
    // search keys, the result list, progress while the study arrives, and the study offered for the request. The
    // pull itself against a real PACS (Orthanc, C-FIND/C-GET) is image-share's own test.
    it('searches the hospital PACS and shows the progress of bringing a study in', async () => {
        const context = await person(browser);
        const node = '6a1f0c1e-8f3b-4c55-9d7e-3c2b1a000001';
        const study = '1.2.826.0.1.3680043.8.498.1';
        let polls = 0;
        await context.route('**/api/imaging/pacs', (route) => route.fulfill({ json: [{ id: node, aeTitle: 'PACS_NUIXANH' }] }));
        await context.route(`**/api/imaging/pacs/${node}/studies?**`, (route) => {
            expect(new URL(route.request().url()).searchParams.get('PatientID')).toBe('NX-0042');
            return route.fulfill({
                json: [{ studyUid: study, patientId: 'NX-0042', patientName: 'NGUYEN^VAN A', studyDate: '20261120', modalities: 'CT', description: 'CT SO NAO', instances: 3 }],
            });
        });
        await context.route(`**/api/imaging/pacs/${node}/retrievals`, (route) =>
            route.fulfill({ status: 202, json: { id: 'r1', nodeId: node, studyUid: study, state: 'RUNNING', expected: 3, received: 0, failed: 0, message: null } }),
        );
        await context.route('**/api/imaging/pacs/retrievals/r1', (route) => {
            polls++;
            const done = polls >= 2;
            return route.fulfill({ json: { id: 'r1', nodeId: node, studyUid: study, state: done ? 'DONE' : 'RUNNING', expected: 3, received: done ? 3 : 1, failed: 0, message: null } });
        });
        const page = await context.newPage();
        await signIn(page, 'doctor');
        await page.goto(page.url().replace(/#.*$/, '#/consults/new'));
        await page.locator('.wizard-steps button[data-step=images]').click();
        await page.locator('.wizard-alert').waitFor();
        expect(await page.locator('.wizard-step[data-step=patient]').isVisible(), 'steps are not skipped').toBe(true);
        await page.locator('#consult-patientName').fill('Nguyễn Văn A');
        await page.locator('#consult-birthDate').fill('1970-01-01');
        await page.locator('.wizard-next').click();
        await page.locator('#consult-specialty').selectOption('Chẩn đoán hình ảnh');
        await page.locator('#consult-question').fill('Có nhồi máu não không?');
        await page.locator('#consult-clinicalSummary').fill('Yếu nửa người trái 3 giờ.');
        await page.locator('.wizard-next').click();
        await page.locator('.study-pacs button').click();
        await page.locator('.pacs-results [role=alert]').waitFor();
        await page.locator('#pacs-patient-id').fill('NX-0042');
        await page.locator('.study-pacs .actions button').click();
        const found = page.locator(`.remote-study[data-study="${study}"]`);
        await found.waitFor();
        expect(await found.textContent()).toContain('CT SO NAO');
        await found.locator('button').click();
        await found.locator('.study-status', { hasText: '1/3' }).waitFor();
        await found.locator(`input[name=attach-study][value="${study}"]`).waitFor();
        expect(await found.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([3, 3]);
        await screenshot(page, 'consult-new-pacs');
        await context.close();
    });
});
