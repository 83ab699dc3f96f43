// The signed-in user's start page: one card per role listing what that role will be able to do.
import type { Me, Role } from '../api';
import { h, msg } from '../dom';
import type { MessageKey } from '../i18n';

/** What each role will find in TeleConsult; the pages behind these arrive with later work. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly MessageKey[]>> = {
    SATELLITE_DOCTOR: [
        'home.SATELLITE_DOCTOR.create',
        'home.SATELLITE_DOCTOR.attach',
        'home.SATELLITE_DOCTOR.follow',
        'home.SATELLITE_DOCTOR.join',
        'home.SATELLITE_DOCTOR.report',
    ],
    COORDINATOR: [
        'home.COORDINATOR.incoming',
        'home.COORDINATOR.triage',
        'home.COORDINATOR.assign',
        'home.COORDINATOR.schedule',
    ],
    HUB_SPECIALIST: [
        'home.HUB_SPECIALIST.accept',
        'home.HUB_SPECIALIST.book',
        'home.HUB_SPECIALIST.review',
        'home.HUB_SPECIALIST.sign',
    ],
    PATIENT: ['home.PATIENT.find', 'home.PATIENT.book', 'home.PATIENT.confirm', 'home.PATIENT.join'],
    ADMIN: ['home.ADMIN.hospitals', 'home.ADMIN.users', 'home.ADMIN.nodes', 'home.ADMIN.audit'],
};

/** Pages each role can open from its card; a role without any still shows what is coming. */
export const ROLE_LINKS: Readonly<Partial<Record<Role, readonly { href: string; key: MessageKey }[]>>> = {
    ADMIN: [
        { href: '#/admin/hospitals', key: 'nav.hospitals' },
        { href: '#/admin/users', key: 'nav.users' },
        { href: '#/admin/audit', key: 'nav.audit' },
        // admin operations
        { href: '#/admin/dicom-nodes', key: 'nav.dicomNodes' },
        { href: '#/admin/media-servers', key: 'nav.mediaServers' },
        { href: '#/admin/turnaround', key: 'nav.turnaround' },
    ],
    // consult pages
    COORDINATOR: [
        { href: '#/consults', key: 'nav.worklist' },
        { href: '#/availability', key: 'nav.availability' },
    ],
    HUB_SPECIALIST: [
        { href: '#/consults', key: 'nav.myCases' },
        { href: '#/availability', key: 'nav.availability' },
        // video visits
        { href: '#/visits/video', key: 'nav.videoVisits' },
    ],
    SATELLITE_DOCTOR: [
        { href: '#/consults/new', key: 'nav.newConsult' },
        { href: '#/consults', key: 'nav.myConsults' },
    ],
    PATIENT: [
        { href: '#/visits/book', key: 'nav.bookVisit' },
        { href: '#/visits', key: 'nav.myVisits' },
    ],
};

export function createHomeView(me: Me): HTMLElement {
    const sections = me.roles.map((role) =>
        h(
            'section',
            { class: 'card role-card', 'data-role': role },
            h(
                'header',
                { class: 'role-card-header' },
                msg('h2', { key: `home.${role}.title` }),
                ROLE_LINKS[role] ? null : msg('span', { key: 'app.comingSoon' }, { class: 'badge' }),
            ),
            h('ul', { class: 'capabilities' }, ...ROLE_CAPABILITIES[role].map((key) => msg('li', { key }))),
            ROLE_LINKS[role]
                ? h(
                      'nav',
                      { class: 'role-links' },
                      ...(ROLE_LINKS[role] ?? []).map((link, index) =>
                          msg('a', { key: link.key }, {
                              href: link.href,
                              class: `button ${index === 0 ? 'button-primary' : 'button-secondary'}`,
                          }),
                      ),
                  )
                : null,
        ),
    );
    return h(
        'section',
        { class: 'home-page' },
        msg('h1', { key: 'home.greeting', params: { name: me.fullName } }),
        msg('p', { key: me.roles.length > 0 ? 'home.intro' : 'home.noRoles' }, { class: 'muted' }),
        h('div', { class: 'role-grid' }, ...sections),
    );
}
