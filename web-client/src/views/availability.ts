// Hub availability: each specialist's, room's and device's schedules with their weekly rules, a form to add a
// weekly rule, leave or holidays (exceptions) per resource, and a new schedule. Times are wall-clock times in the
// schedule's zone, which is shown beside them.
import {
    WEEKDAYS,
    addException,
    addRule,
    createSchedule,
    resources,
    schedules,
    weekdayName,
    weekdaysOf,
    weeklyRule,
    zonedToUtc,
    type Resource,
    type Rule,
    type Schedule,
    type ScheduleKind,
    type Weekday,
} from '../availability';
import type { ApiClient, Me } from '../api';
import { h, msg } from '../dom';
import { errorMessage } from '../errors';
import { DEFAULT_TIME_ZONE } from '../format';
import { intlLocale, type MessageKey } from '../i18n';
import type { VisitMode } from '../scheduling';
import { busy, errorAlert, field, select, textInput } from './forms';
import { createErrorView, createLoadingView } from './status';
import { serviceName } from './visits';

export function createAvailabilityView(api: ApiClient, me: Me): HTMLElement {
    const body = h('div', {}, createLoadingView());
    const page = h(
        'section',
        { class: 'page availability' },
        msg('h1', { key: 'availability.title' }),
        msg('p', { key: 'availability.intro' }, { class: 'muted' }),
        body,
    );
    const load = (): void => {
        Promise.all([schedules(api), resources(api)]).then(
            ([found, people]) => body.replaceChildren(content(api, me, found, people, load)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function content(api: ApiClient, me: Me, found: Schedule[], people: Resource[], reload: () => void): HTMLElement {
    const mine = me.roles.includes('COORDINATOR') ? people : people.filter((p) => p.id === me.id);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const byResource = new Map<string, Schedule[]>();
    for (const schedule of found) {
        byResource.set(schedule.resourceId, [...(byResource.get(schedule.resourceId) ?? []), schedule]);
    }
    const sections = [...byResource.entries()].map(([resourceId, list]) =>
        h(
            'section',
            { class: 'card resource-card', 'data-resource': resourceId },
            h('h2', {}, names.get(resourceId) ?? resourceId),
            ...list.map((schedule) => scheduleBlock(api, schedule, reload)),
            exceptionForm(api, resourceId, list[0]?.timeZone ?? DEFAULT_TIME_ZONE),
        ),
    );
    return h(
        'div',
        { class: 'admin-grid' },
        h(
            'div',
            { class: 'resource-list' },
            ...(sections.length > 0 ? sections : [msg('p', { key: 'availability.none' }, { class: 'card muted' })]),
        ),
        newScheduleForm(api, mine, reload),
    );
}

function ruleText(rule: Rule): string {
    const days = weekdaysOf(rule.rrule);
    const dayText = days ? days.map((d) => weekdayName(d, intlLocale())).join(', ') : rule.rrule;
    const until = rule.validUntil ? ` → ${rule.validUntil}` : '';
    return `${dayText} ${rule.start.slice(0, 5)}–${rule.end.slice(0, 5)} (${rule.validFrom}${until})`;
}

function scheduleBlock(api: ApiClient, schedule: Schedule, reload: () => void): HTMLElement {
    return h(
        'div',
        { class: 'schedule', 'data-schedule': schedule.id, 'data-service': schedule.serviceCode },
        h(
            'h3',
            {},
            serviceName(schedule.serviceCode),
            ' ',
            msg('span', { key: `availability.kind.${schedule.kind}` as MessageKey }, { class: 'badge' }),
        ),
        h(
            'p',
            { class: 'muted' },
            ...schedule.modes.map((m) => msg('span', { key: `mode.${m}` as MessageKey }, { class: 'badge badge-quiet' })),
            ' ',
            msg('span', { key: 'availability.slotLength', params: { count: schedule.slotMinutes } }),
            ' · ',
            msg('span', { key: 'time.zoneNote', params: { zone: schedule.timeZone } }),
        ),
        h('ul', { class: 'rules' }, ...schedule.rules.map((rule) => h('li', { 'data-rule': rule.id }, ruleText(rule)))),
        ruleForm(api, schedule, reload),
    );
}

/** Weekday checkboxes, start and end times, and the first day; used for a new rule and a new schedule. */
function weeklyRuleFields(): {
    element: HTMLElement;
    value(): { rrule: string; start: string; end: string; validFrom: string } | null;
} {
    const boxes = WEEKDAYS.map((day) => ({ day, box: h('input', { type: 'checkbox', name: 'day', value: day }) }));
    const start = h('input', { type: 'time', name: 'start', value: '14:00', step: 300 });
    const end = h('input', { type: 'time', name: 'end', value: '17:00', step: 300 });
    const from = h('input', { type: 'date', name: 'validFrom', value: new Date().toISOString().slice(0, 10) });
    const element = h(
        'div',
        { class: 'rule-fields' },
        h(
            'fieldset',
            { class: 'field weekdays' },
            msg('legend', { key: 'availability.days' }),
            ...boxes.map(({ day, box }) => h('label', { class: 'check' }, box, weekdayName(day, intlLocale()))),
        ),
        h('div', { class: 'time-range' }, field('availability.start', start), field('availability.end', end)),
        field('availability.validFrom', from),
    );
    return {
        element,
        value() {
            const days = boxes.filter((b) => b.box.checked).map((b) => b.day as Weekday);
            if (days.length === 0 || !start.value || !end.value || !from.value) {
                return null;
            }
            return { rrule: weeklyRule(days), start: start.value, end: end.value, validFrom: from.value };
        },
    };
}

function ruleForm(api: ApiClient, schedule: Schedule, reload: () => void): HTMLElement {
    const details = h('details', { class: 'inline-form add-rule' }, msg('summary', { key: 'availability.addRule' }));
    const fields = weeklyRuleFields();
    const failure = errorAlert();
    const submit = msg('button', { key: 'admin.add' }, { type: 'submit', class: 'button button-primary' });
    const form = h('form', { novalidate: true }, failure.element, fields.element, submit);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const rule = fields.value();
        if (!rule) {
            failure.show({ key: 'availability.ruleRequired' });
            return;
        }
        void busy(submit, async () => {
            try {
                await addRule(api, schedule.id, { ...rule, validUntil: null });
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    details.append(form);
    return details;
}

function exceptionForm(api: ApiClient, resourceId: string, timeZone: string): HTMLElement {
    const details = h('details', { class: 'inline-form add-exception' }, msg('summary', { key: 'availability.addException' }));
    const start = h('input', { type: 'datetime-local', name: 'start', step: 300 });
    const end = h('input', { type: 'datetime-local', name: 'end', step: 300 });
    const reason = textInput('reason', { maxlength: 500 });
    const failure = errorAlert();
    const done = msg('p', { key: 'availability.exceptionAdded' }, { class: 'alert alert-info', role: 'status', hidden: true });
    const submit = msg('button', { key: 'admin.add' }, { type: 'submit', class: 'button button-primary' });
    const form = h(
        'form',
        { novalidate: true },
        failure.element,
        done,
        msg('p', { key: 'time.zoneNote', params: { zone: timeZone } }, { class: 'muted zone-note' }),
        h('div', { class: 'time-range' }, field('availability.from', start), field('availability.to', end)),
        field('availability.reason', reason),
        submit,
    );
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        done.hidden = true;
        if (!start.value || !end.value || reason.value.trim() === '') {
            failure.show({ key: 'availability.exceptionRequired' });
            return;
        }
        void busy(submit, async () => {
            try {
                await addException(api, resourceId, {
                    start: zonedToUtc(start.value, timeZone),
                    end: zonedToUtc(end.value, timeZone),
                    reason: reason.value.trim(),
                });
                failure.show(null);
                done.hidden = false;
                form.reset();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    details.append(form);
    return details;
}

function newScheduleForm(api: ApiClient, people: Resource[], reload: () => void): HTMLElement {
    const resource = select(
        'resource',
        people.map((p) => ({ value: p.id, label: p.name })),
    );
    const kind = select('kind', [
        { value: 'CONSULT_SESSION', label: { key: 'availability.kind.CONSULT_SESSION' } },
        { value: 'PATIENT_VISIT', label: { key: 'availability.kind.PATIENT_VISIT' } },
    ]);
    const service = textInput('serviceCode', { maxlength: 100, placeholder: 'consult-imaging' });
    const specialty = textInput('specialty', { maxlength: 100 });
    const video = h('input', { type: 'checkbox', name: 'mode', value: 'VIDEO', checked: true });
    const inPerson = h('input', { type: 'checkbox', name: 'mode', value: 'IN_PERSON' });
    const slot = h('input', { type: 'number', name: 'slotMinutes', min: 5, max: 480, value: 30 });
    const rule = weeklyRuleFields();
    const failure = errorAlert();
    const submit = msg('button', { key: 'availability.create' }, { type: 'submit', class: 'button button-primary' });
    const form = h(
        'form',
        { class: 'card admin-form new-schedule', novalidate: true },
        msg('h2', { key: 'availability.new' }),
        failure.element,
        field('availability.resource', resource),
        field('availability.kindLabel', kind),
        field('availability.service', service),
        field('admin.users.specialty', specialty),
        h(
            'fieldset',
            { class: 'field' },
            msg('legend', { key: 'visits.book.mode' }),
            h('label', { class: 'check' }, video, msg('span', { key: 'mode.VIDEO' })),
            h('label', { class: 'check' }, inPerson, msg('span', { key: 'mode.IN_PERSON' })),
        ),
        field('availability.slotMinutes', slot),
        rule.element,
        submit,
    );
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = people.find((p) => p.id === resource.value);
        const modes: VisitMode[] = [...(video.checked ? ['VIDEO' as const] : []), ...(inPerson.checked ? ['IN_PERSON' as const] : [])];
        const first = rule.value();
        if (!chosen || service.value.trim() === '' || modes.length === 0 || !first) {
            failure.show({ key: 'availability.scheduleRequired' });
            return;
        }
        void busy(submit, async () => {
            try {
                await createSchedule(api, {
                    resource: chosen,
                    kind: kind.value as ScheduleKind,
                    serviceCode: service.value.trim(),
                    specialty: specialty.value.trim() || null,
                    modes,
                    slotMinutes: Number(slot.value),
                    rule: first,
                });
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    return form;
}
