// Journey 5's video visit with real media: run by consult-service's RoomBrowserIT inside a test network namespace with
// a real Janus. A doctor of the demo hub offers video visits in 5-minute slots; a patient books the next one in the
// portal, joins it from "my appointments" and waits; the doctor opens the visit, lets the patient in, and both see
// each other's video.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, person, screenshot, signIn } from '../browser';
import { call, echoConsole, expectVideoFlowing, loopbackBrowser, token } from '../media';

const browser = loopbackBrowser();

/** A new user made by the network administrator, so that this journey's bookings meet nobody else's. */
async function newUser(admin: string, username: string, fullName: string, roles: string[], hospitalId: string | null): Promise<string> {
    const user = await call(admin, 'POST', '/api/admin/users', {
        username,
        fullName,
        email: null,
        hospitalId,
        specialty: hospitalId ? 'Nội tim mạch' : null,
        roles,
        password: DEMO_PASSWORD,
    });
    return user.id as string;
}

describe('video visit', () => {
    it('lets the patient in from the waiting room and shows video both ways', async () => {
        const suffix = Date.now().toString(36);
        const admin = await token('admin');
        const hospitals = (await call(admin, 'GET', '/api/admin/hospitals')) as Array<{ id: string; code: string }>;
        const hub = hospitals.find((x) => x.code === 'HUB-HONGHA');
        expect(hub, 'the demo hub').toBeDefined();
        const doctorName = `bs.video.${suffix}`;
        const patientName = `bn.video.${suffix}`;
        const doctorId = await newUser(admin, doctorName, 'BS. Trần Văn Hình', ['HUB_SPECIALIST'], hub?.id ?? null);
        await newUser(admin, patientName, 'Nguyễn Thị Hoa', ['PATIENT'], null);
        const service = `video-e2e-${suffix}`;
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        await call(await token(doctorName), 'POST', '/api/scheduling/schedules', {
            practitionerId: doctorId,
            kind: 'PATIENT_VISIT',
            serviceCode: service,
            modes: ['VIDEO'],
            slotMinutes: 5,
            minNoticeMinutes: 0,
            // 5-minute slots all day: the next one always starts within the 15 minutes before a visit opens.
            rules: [{ rrule: 'FREQ=DAILY', start: '00:00', end: '23:55', validFrom: yesterday }],
        });

        const patient = await (await person(browser())).newPage();
        echoConsole(patient, 'patient');
        await signIn(patient, patientName);
        await patient.goto(`${process.env.TELECONSULT_E2E_URL}/#/visits/book`);
        const option = patient.locator('#visit-service option', { hasText: service });
        await option.waitFor({ state: 'attached' });
        await patient.locator('#visit-service').selectOption((await option.getAttribute('value')) ?? '');
        await patient.locator('#visit-condition').selectOption('I10');
        await patient.locator('#visit-mode-VIDEO').check();
        await patient.locator('.slots button.slot').first().click();
        await patient.locator('.confirm-box button.button-primary').click();
        await patient.locator('.card.booked').waitFor();

        await patient.goto(`${process.env.TELECONSULT_E2E_URL}/#/visits`);
        await patient.locator('a.join-visit').click();
        await patient.locator('.video-visit[data-waiting=true]').waitFor();
        await screenshot(patient, 'video-visit-waiting');

        const doctor = await (await person(browser())).newPage();
        echoConsole(doctor, 'doctor');
        await signIn(doctor, doctorName);
        await doctor.goto(`${process.env.TELECONSULT_E2E_URL}/#/visits/video`);
        await doctor.locator('.staff-visit-list a.button-primary').first().click();
        await doctor.locator('button[data-admit]').click();

        await patient.locator('.video-visit[data-waiting=false]').waitFor({ timeout: 15_000 });
        await expectVideoFlowing(patient, 'the patient');
        await expectVideoFlowing(doctor, 'the doctor');
        await screenshot(doctor, 'video-visit');
        await patient.locator('button.room-leave').click();
        await patient.waitForURL(/#\/visits$/);
    });
});
