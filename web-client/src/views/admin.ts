// Administration pages: hospitals with their hub links, users with roles, and the audit trail search.
import {
    AUDIT_ACTIONS,
    AUDIT_OUTCOMES,
    audit,
    createHospital,
    createUser,
    hospitals,
    setEnabled,
    setLink,
    users,
    type AdminHospital,
    type AdminUser,
    type AuditRow,
} from '../admin';
import { ROLES, type ApiClient, type HospitalKind, type Me, type Role } from '../api';
import { h, msg, setText } from '../dom';
import { errorMessage } from '../errors';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../format';
import { intlLocale, type MessageKey } from '../i18n';
import { dayStart } from '../operations';
import { busy, errorAlert, field, select, textInput } from './forms';
import { createErrorView, createLoadingView } from './status';

const PAGE_SIZE = 25;

/** Loads data into a page body, with a loading state and a retry on failure. */
function loadInto<T>(body: HTMLElement, load: () => Promise<T>, render: (value: T) => HTMLElement): () => void {
    const run = (): void => {
        body.replaceChildren(createLoadingView());
        load().then(
            (value) => body.replaceChildren(render(value)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), run)),
        );
    };
    run();
    return run;
}

export function createHospitalsView(api: ApiClient): HTMLElement {
    const body = h('div', {});
    const page = h('section', { class: 'page admin-hospitals' }, msg('h1', { key: 'admin.hospitals.title' }), body);
    const reload = loadInto(body, () => hospitals(api), (list) => hospitalsContent(api, list, () => reload()));
    return page;
}

function hospitalsContent(api: ApiClient, list: AdminHospital[], reload: () => void): HTMLElement {
    const hubs = list.filter((x) => x.kind === 'HUB');
    const rows = list.map((hospital) => {
        const links =
            hospital.kind === 'SATELLITE'
                ? h(
                      'div',
                      { class: 'hub-links' },
                      ...hubs.map((hub) => {
                          const box = h('input', {
                              type: 'checkbox',
                              'data-hub': hub.code,
                              checked: hospital.hubIds.includes(hub.id),
                          });
                          const failure = errorAlert();
                          box.addEventListener('change', () => {
                              box.disabled = true;
                              setLink(api, hospital.id, hub.id, box.checked).then(
                                  () => {
                                      box.disabled = false;
                                      failure.show(null);
                                  },
                                  (error: unknown) => {
                                      box.disabled = false;
                                      box.checked = !box.checked;
                                      failure.fail(error);
                                  },
                              );
                          });
                          return h('label', { class: 'hub-link' }, box, ` ${hub.name}`, failure.element);
                      }),
                  )
                : h('span', { class: 'muted' }, '—');
        return h(
            'tr',
            { 'data-code': hospital.code },
            h('td', {}, h('code', {}, hospital.code)),
            h('td', {}, hospital.name, hospital.active ? null : msg('span', { key: 'admin.inactive' }, { class: 'badge' })),
            h('td', {}, msg('span', { key: `hospitalKind.${hospital.kind}` })),
            h('td', {}, hospital.province ?? ''),
            h('td', {}, links),
        );
    });
    return h(
        'div',
        { class: 'admin-grid' },
        h(
            'div',
            { class: 'card table-card' },
            h(
                'table',
                { class: 'data-table' },
                h(
                    'thead',
                    {},
                    h(
                        'tr',
                        {},
                        msg('th', { key: 'admin.hospitals.code' }),
                        msg('th', { key: 'admin.hospitals.name' }),
                        msg('th', { key: 'admin.hospitals.kind' }),
                        msg('th', { key: 'admin.hospitals.province' }),
                        msg('th', { key: 'admin.hospitals.hubs' }),
                    ),
                ),
                h('tbody', {}, ...rows),
            ),
        ),
        newHospitalForm(api, reload),
    );
}

function newHospitalForm(api: ApiClient, reload: () => void): HTMLElement {
    const code = textInput('code', { required: true, maxlength: 32, autocapitalize: 'characters' });
    const name = textInput('name', { required: true, maxlength: 200 });
    const kind = select('kind', [
        { value: 'SATELLITE', label: { key: 'hospitalKind.SATELLITE' } },
        { value: 'HUB', label: { key: 'hospitalKind.HUB' } },
    ]);
    const province = textInput('province', { maxlength: 100 });
    const failure = errorAlert();
    const submit = msg('button', { key: 'admin.add' }, { type: 'submit', class: 'button button-primary' });
    const form = h(
        'form',
        { class: 'card admin-form new-hospital', novalidate: true },
        msg('h2', { key: 'admin.hospitals.new' }),
        failure.element,
        field('admin.hospitals.code', code, 'admin.hospitals.codeHint'),
        field('admin.hospitals.name', name),
        field('admin.hospitals.kind', kind),
        field('admin.hospitals.province', province),
        submit,
    );
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (code.value.trim() === '' || name.value.trim() === '') {
            failure.show({ key: 'admin.required' });
            return;
        }
        void busy(submit, async () => {
            try {
                await createHospital(api, {
                    code: code.value.trim(),
                    name: name.value.trim(),
                    kind: kind.value as HospitalKind,
                    province: province.value.trim(),
                    timeZone: DEFAULT_TIME_ZONE,
                });
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    return form;
}

export function createUsersView(api: ApiClient, me: Me): HTMLElement {
    const body = h('div', {});
    const page = h('section', { class: 'page admin-users' }, msg('h1', { key: 'admin.users.title' }), body);
    loadInto(body, () => hospitals(api), (list) => usersContent(api, me, list));
    return page;
}

function usersContent(api: ApiClient, me: Me, hospitalList: AdminHospital[]): HTMLElement {
    const names = new Map(hospitalList.map((x) => [x.id, x.name]));
    const query = textInput('q', { type: 'search', maxlength: 100 });
    const hospital = select('hospital', [
        { value: '', label: { key: 'admin.all' } },
        ...hospitalList.map((x) => ({ value: x.id, label: x.name })),
    ]);
    const role = select('role', [
        { value: '', label: { key: 'admin.all' } },
        ...ROLES.map((r) => ({ value: r, label: { key: `role.${r}` as MessageKey } })),
    ]);
    const results = h('div', { class: 'card table-card' });
    const pager = h('div', { class: 'pager' });
    let offset = 0;

    const search = (): void => {
        results.replaceChildren(createLoadingView());
        users(api, { q: query.value.trim(), hospitalId: hospital.value, role: role.value, offset, limit: PAGE_SIZE }).then(
            (found) => {
                results.replaceChildren(userTable(api, found.items, names, search));
                pagerFor(pager, offset, found.total, (next) => {
                    offset = next;
                    search();
                });
            },
            (error: unknown) => results.replaceChildren(createErrorView(errorMessage(error), search)),
        );
    };
    const filters = h('form', { class: 'card filters', role: 'search' }, field('admin.users.search', query), field('admin.users.hospital', hospital), field('admin.users.role', role));
    const apply = msg('button', { key: 'admin.search' }, { type: 'submit', class: 'button button-secondary' });
    filters.append(apply);
    filters.addEventListener('submit', (event) => {
        event.preventDefault();
        offset = 0;
        search();
    });
    search();
    return h('div', { class: 'admin-grid' }, h('div', {}, filters, results, pager), newUserForm(api, me, hospitalList, search));
}

function userTable(api: ApiClient, list: readonly AdminUser[], names: Map<string, string>, reload: () => void): HTMLElement {
    if (list.length === 0) {
        return msg('p', { key: 'admin.none' }, { class: 'muted' });
    }
    return h(
        'table',
        { class: 'data-table' },
        h(
            'thead',
            {},
            h(
                'tr',
                {},
                msg('th', { key: 'admin.users.username' }),
                msg('th', { key: 'admin.users.fullName' }),
                msg('th', { key: 'admin.users.hospital' }),
                msg('th', { key: 'admin.users.roles' }),
                msg('th', { key: 'admin.users.enabled' }),
            ),
        ),
        h(
            'tbody',
            {},
            ...list.map((user) => {
                const toggle = h('input', { type: 'checkbox', checked: user.enabled, 'aria-label': user.username });
                const failure = errorAlert();
                toggle.addEventListener('change', () => {
                    toggle.disabled = true;
                    setEnabled(api, user, toggle.checked).then(reload, (error: unknown) => {
                        toggle.disabled = false;
                        toggle.checked = !toggle.checked;
                        failure.fail(error);
                    });
                });
                return h(
                    'tr',
                    { 'data-username': user.username },
                    h('td', {}, h('code', {}, user.username)),
                    h('td', {}, user.fullName),
                    h('td', {}, user.hospitalId ? (names.get(user.hospitalId) ?? '') : ''),
                    h('td', {}, ...user.roles.map((r) => msg('span', { key: `role.${r}` as MessageKey }, { class: 'badge badge-quiet' }))),
                    h('td', {}, toggle, failure.element),
                );
            }),
        ),
    );
}

function pagerFor(pager: HTMLElement, offset: number, total: number, go: (offset: number) => void): void {
    const previous = msg('button', { key: 'admin.previous' }, { type: 'button', class: 'button button-secondary' });
    const next = msg('button', { key: 'admin.next' }, { type: 'button', class: 'button button-secondary' });
    previous.disabled = offset === 0;
    next.disabled = offset + PAGE_SIZE >= total;
    previous.addEventListener('click', () => go(Math.max(0, offset - PAGE_SIZE)));
    next.addEventListener('click', () => go(offset + PAGE_SIZE));
    const from = total === 0 ? 0 : offset + 1;
    pager.replaceChildren(
        previous,
        msg('span', { key: 'admin.range', params: { from, to: Math.min(total, offset + PAGE_SIZE), total } }),
        next,
    );
}

function newUserForm(api: ApiClient, me: Me, hospitalList: AdminHospital[], reload: () => void): HTMLElement {
    const username = textInput('username', { required: true, maxlength: 64, autocapitalize: 'none', spellcheck: 'false' });
    const fullName = textInput('fullName', { required: true, maxlength: 200 });
    const email = textInput('email', { type: 'email', maxlength: 254 });
    const hospital = select('hospitalId', [
        { value: '', label: { key: 'admin.users.noHospital' } },
        ...hospitalList.map((x) => ({ value: x.id, label: x.name })),
    ]);
    if (me.hospital) {
        hospital.value = me.hospital.id;
    }
    const specialty = textInput('specialty', { maxlength: 100 });
    const roleBoxes = ROLES.map((r) => ({ role: r, box: h('input', { type: 'checkbox', name: 'roles', value: r }) }));
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', minlength: 12 });
    const failure = errorAlert();
    const submit = msg('button', { key: 'admin.add' }, { type: 'submit', class: 'button button-primary' });
    const roles = h(
        'fieldset',
        { class: 'field' },
        msg('legend', { key: 'admin.users.roles' }),
        ...roleBoxes.map(({ role, box }) => h('label', { class: 'check' }, box, msg('span', { key: `role.${role}` as MessageKey }))),
    );
    const form = h(
        'form',
        { class: 'card admin-form new-user', novalidate: true },
        msg('h2', { key: 'admin.users.new' }),
        failure.element,
        field('admin.users.username', username),
        field('admin.users.fullName', fullName),
        field('admin.users.email', email),
        field('admin.users.hospital', hospital),
        field('admin.users.specialty', specialty),
        roles,
        field('admin.users.password', password, 'admin.users.passwordHint'),
        submit,
    );
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = roleBoxes.filter((r) => r.box.checked).map((r) => r.role as Role);
        if (username.value.trim() === '' || fullName.value.trim() === '' || password.value === '' || chosen.length === 0) {
            failure.show({ key: 'admin.users.required' });
            return;
        }
        void busy(submit, async () => {
            try {
                await createUser(api, {
                    username: username.value.trim(),
                    fullName: fullName.value.trim(),
                    email: email.value.trim() || null,
                    hospitalId: hospital.value || null,
                    specialty: specialty.value.trim() || null,
                    roles: chosen,
                    password: password.value,
                });
                failure.show(null);
                form.reset();
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    return form;
}

export function createAuditView(api: ApiClient): HTMLElement {
    const action = select('action', [
        { value: '', label: { key: 'admin.all' } },
        ...AUDIT_ACTIONS.map((a) => ({ value: a, label: { key: `audit.action.${a}` as MessageKey } })),
    ]);
    const outcome = select('outcome', [
        { value: '', label: { key: 'admin.all' } },
        ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: { key: `audit.outcome.${o}` as MessageKey } })),
    ]);
    const resourceType = textInput('resourceType', { maxlength: 64 });
    const patient = textInput('patient', { maxlength: 128 });
    const from = h('input', { type: 'date', name: 'from' });
    const to = h('input', { type: 'date', name: 'to' });
    const results = h('div', { class: 'card table-card' });
    const pager = h('div', { class: 'pager' });
    const total = h('p', { class: 'muted', role: 'status' });
    let offset = 0;
    // A date picked here is a day in Vietnam's time zone.
    const dayStartIso = (value: string, addDays = 0): string | undefined => dayStart(value, addDays)?.toISOString();
    const search = (): void => {
        results.replaceChildren(createLoadingView());
        audit(api, {
            action: action.value || undefined,
            outcome: outcome.value || undefined,
            resourceType: resourceType.value.trim() || undefined,
            patient: patient.value.trim() || undefined,
            from: dayStartIso(from.value),
            to: dayStartIso(to.value, 1),
            offset: String(offset),
            limit: String(PAGE_SIZE),
        }).then(
            (found) => {
                setText(total, { key: 'audit.total', params: { count: found.total } });
                results.replaceChildren(auditTable(found.items));
                pagerFor(pager, offset, found.total, (next) => {
                    offset = next;
                    search();
                });
            },
            (error: unknown) => results.replaceChildren(createErrorView(errorMessage(error), search)),
        );
    };
    const filters = h(
        'form',
        { class: 'card filters filters-wide', role: 'search' },
        field('audit.action', action),
        field('audit.outcome', outcome),
        field('audit.resourceType', resourceType),
        field('audit.patient', patient),
        field('audit.from', from),
        field('audit.to', to),
        msg('button', { key: 'admin.search' }, { type: 'submit', class: 'button button-secondary' }),
    );
    filters.addEventListener('submit', (event) => {
        event.preventDefault();
        offset = 0;
        search();
    });
    search();
    return h(
        'section',
        { class: 'page admin-audit' },
        msg('h1', { key: 'audit.title' }),
        msg('p', { key: 'time.zoneNote', params: { zone: DEFAULT_TIME_ZONE } }, { class: 'muted zone-note' }),
        filters,
        total,
        results,
        pager,
    );
}

function auditTable(rows: readonly AuditRow[]): HTMLElement {
    if (rows.length === 0) {
        return msg('p', { key: 'admin.none' }, { class: 'muted' });
    }
    return h(
        'table',
        { class: 'data-table audit-table' },
        h(
            'thead',
            {},
            h(
                'tr',
                {},
                msg('th', { key: 'audit.when' }),
                msg('th', { key: 'audit.who' }),
                msg('th', { key: 'audit.action' }),
                msg('th', { key: 'audit.resource' }),
                msg('th', { key: 'audit.outcome' }),
                msg('th', { key: 'audit.address' }),
            ),
        ),
        h(
            'tbody',
            {},
            ...rows.map((row) =>
                h(
                    'tr',
                    { class: `outcome-${row.outcome}`, 'data-resource-type': row.resourceType },
                    h('td', {}, formatDateTime(row.occurredAt, intlLocale(), DEFAULT_TIME_ZONE)),
                    h('td', {}, row.actorName ?? row.actorId ?? ''),
                    h('td', {}, msg('span', { key: `audit.action.${row.action}` as MessageKey })),
                    h('td', {}, `${row.resourceType}${row.resourceId ? ` ${row.resourceId}` : ''}`),
                    h('td', {}, msg('span', { key: `audit.outcome.${row.outcome}` as MessageKey }, { class: 'badge' })),
                    h('td', {}, row.sourceAddress ?? ''),
                ),
            ),
        ),
    );
}
