// Worklists: the satellite doctor's cases, the coordinator's queue (most urgent first, then the longest waiting, with
// urgency colours and overdue marks) and the specialist's cases; filters by state, urgency, specialty and overdue.
import type { ApiClient, Me } from '../api';
import { CONSULT_STATES, minutesBetween, queueOrder, splitMinutes, URGENCIES, worklist, type ConsultSummary, type Worklist } from '../consults';
import { h, msg } from '../dom';
import { errorMessage } from '../errors';
import type { MessageKey } from '../i18n';
import { slaBadge, stateBadge, urgencyBadge, userTimeZone, when } from './consult-parts';
import { createErrorView, createLoadingView } from './status';

type Scope = 'SATELLITE_DOCTOR' | 'COORDINATOR' | 'HUB_SPECIALIST';

function scopeOf(me: Me): Scope {
    if (me.roles.includes('COORDINATOR')) return 'COORDINATOR';
    if (me.roles.includes('HUB_SPECIALIST')) return 'HUB_SPECIALIST';
    return 'SATELLITE_DOCTOR';
}

export function createConsultListView(api: ApiClient, me: Me): HTMLElement {
    const scope = scopeOf(me);
    const page = h('section', { class: `page consult-list scope-${scope}` }, msg('h1', { key: `consultList.title.${scope}` }));
    if (scope === 'SATELLITE_DOCTOR') {
        page.append(h('div', { class: 'actions' }, msg('a', { key: 'consultList.new' }, { href: '#/consults/new', class: 'button button-primary new-consult' })));
    }
    const state = h('select', { name: 'state', id: 'worklist-state' }, msg('option', { key: 'consultList.allStates' }, { value: '' }));
    CONSULT_STATES.filter((s) => scope === 'SATELLITE_DOCTOR' || s !== 'DRAFT').forEach((s) =>
        state.append(msg('option', { key: `consult.state.${s}` }, { value: s })),
    );
    const urgency = h('select', { name: 'urgency', id: 'worklist-urgency' }, msg('option', { key: 'consultList.allUrgencies' }, { value: '' }));
    URGENCIES.forEach((u) => urgency.append(msg('option', { key: `consult.urgency.${u}` }, { value: u })));
    const specialty = h('input', { type: 'search', name: 'specialty', id: 'worklist-specialty', maxlength: 100 });
    const overdue = h('input', { type: 'checkbox', name: 'overdue', id: 'worklist-overdue' });
    const filters = h(
        'form',
        { class: 'filters worklist-filters' },
        h('div', { class: 'field' }, msg('label', { key: 'consultList.state' }, { for: state.id }), state),
        h('div', { class: 'field' }, msg('label', { key: 'consultList.urgency' }, { for: urgency.id }), urgency),
        h('div', { class: 'field' }, msg('label', { key: 'consultList.specialty' }, { for: specialty.id }), specialty),
        h('label', { class: 'check' }, overdue, msg('span', { key: 'consultList.overdueOnly' })),
    );
    const body = h('div', { class: 'worklist-body' }, createLoadingView());
    page.append(filters, msg('p', { key: 'consultList.zone', params: { zone: userTimeZone() } }, { class: 'muted zone-note' }), body);
    let seq = 0;
    const load = (): void => {
        const mine = ++seq;
        worklist(api, {
            state: state.value,
            urgency: urgency.value,
            specialty: specialty.value.trim(),
            overdue: overdue.checked ? 'true' : undefined,
        }).then(
            (found) => {
                if (mine === seq) body.replaceChildren(table(found, scope));
            },
            (error: unknown) => {
                if (mine === seq) body.replaceChildren(createErrorView(errorMessage(error), load));
            },
        );
    };
    filters.addEventListener('change', load);
    filters.addEventListener('submit', (event) => {
        event.preventDefault();
        load();
    });
    load();
    return page;
}

function waited(item: ConsultSummary, now: number): HTMLElement {
    if (!item.submittedAt) {
        return msg('span', { key: 'consult.state.DRAFT' }, { class: 'muted' });
    }
    const { days, hours, minutes } = splitMinutes(minutesBetween(item.submittedAt, now));
    const key: MessageKey = days > 0 ? 'consultList.waitedDays' : hours > 0 ? 'consultList.waitedHours' : 'consultList.waitedMinutes';
    const due = item.sessionStart
        ? h('small', { class: 'muted' }, msg('span', { key: 'consultList.session' }), ' ', when(item.sessionStart))
        : item.acceptDueAt && ['SUBMITTED', 'ASSIGNED', 'DECLINED'].includes(item.state)
          ? h('small', { class: 'muted' }, msg('span', { key: 'consultList.dueAt' }), ' ', when(item.acceptDueAt))
          : null;
    return h('span', {}, msg('span', { key, params: { days, hours, minutes } }), due ? h('br') : null, due);
}

function table(found: Worklist, scope: Scope): HTMLElement {
    const counts = Object.entries(found.counts).filter(([, n]) => (n ?? 0) > 0);
    const summary = h(
        'ul',
        { class: 'state-counts' },
        ...counts.map(([s, n]) => h('li', {}, stateBadge(s as ConsultSummary['state']), ` ${n}`)),
    );
    if (found.items.length === 0) {
        return h('div', {}, summary, msg('p', { key: 'consultList.empty' }, { class: 'card muted' }));
    }
    const now = Date.now();
    // The server queues by urgency then age; keep that order for every scope's open cases.
    const items = scope === 'COORDINATOR' ? queueOrder(found.items) : found.items;
    const rows = items.map((item) =>
        h(
            'tr',
            { class: `worklist-row urgency-row-${item.urgency}${item.overdue ? ' overdue' : ''}`, 'data-consult': item.id, 'data-state': item.state },
            h('td', {}, urgencyBadge(item.urgency)),
            h('td', {}, h('a', { href: `#/consults/${encodeURIComponent(item.id)}`, class: 'case-link' }, item.patientName), h('br'), h('small', { class: 'muted question' }, item.question.length > 120 ? `${item.question.slice(0, 117)}…` : item.question)),
            h('td', {}, item.specialty),
            h('td', {}, stateBadge(item.state), ' ', slaBadge(item, now)),
            h('td', {}, waited(item, now)),
        ),
    );
    return h(
        'div',
        {},
        summary,
        h(
            'div',
            { class: 'table-card' },
            h(
                'table',
                { class: 'data-table worklist' },
                h(
                    'thead',
                    {},
                    h(
                        'tr',
                        {},
                        ...(['consultList.col.urgency', 'consultList.col.patient', 'consultList.col.specialty', 'consultList.col.state', 'consultList.col.waiting'] as const).map((key) => msg('th', { key }, { scope: 'col' })),
                    ),
                ),
                h('tbody', {}, ...rows),
            ),
        ),
        found.total > found.items.length ? msg('p', { key: 'consultList.more', params: { shown: found.items.length, total: found.total } }, { class: 'muted' }) : null,
    );
}
