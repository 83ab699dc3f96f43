// The patient portal: book a visit (hospital and service, reason, video or in person, a free time of the week)
// and "my appointments" with cancelling. Every time is shown in the schedule's time zone, which is named beside it.
import { ApiError, type ApiClient } from '../api';
import { h, msg, setText } from '../dom';
import { errorMessage } from '../errors';
import { formatDateTime } from '../format';
import { catalogues, getLocale, intlLocale, type MessageKey } from '../i18n';
import {
    bookVisit,
    cancelBooking,
    catalog,
    freeSlots,
    myBookings,
    slotsByDay,
    videoAllowed,
    type Booking,
    type Catalog,
    type Slot,
    type VisitMode,
    type VisitService,
} from '../scheduling';
import { createErrorView, createLoadingView } from './status';
import { joinControl } from './video-visit';

/** Conditions a patient can pick; OTHER has no code and so allows in-person visits only. */
export const CONDITIONS = ['I10', 'E11', 'E78', 'J45', 'J44', 'K21', 'F41', 'OTHER'] as const;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The catalogue name of a service, or its code when the catalogue has none. */
export function serviceName(code: string): string {
    const key = `service.${code}`;
    const catalogue = catalogues[getLocale()] as Readonly<Record<string, string>>;
    return catalogue[key] ?? code;
}

function timeText(iso: string, timeZone: string): string {
    return formatDateTime(iso, intlLocale(), timeZone);
}

function zoneNote(timeZone: string): HTMLElement {
    return msg('p', { key: 'time.zoneNote', params: { zone: timeZone } }, { class: 'muted zone-note' });
}

/** A random key for Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newKey(): string {
    if (typeof crypto.randomUUID === 'function') {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createBookVisitView(api: ApiClient): HTMLElement {
    const page = h('section', { class: 'page visits-book' }, msg('h1', { key: 'visits.book.title' }));
    const body = h('div', {}, createLoadingView());
    page.append(msg('p', { key: 'visits.book.intro' }, { class: 'muted' }), body);
    const load = (): void => {
        catalog(api).then(
            (found) => body.replaceChildren(bookingForm(api, found)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function bookingForm(api: ApiClient, found: Catalog): HTMLElement {
    if (found.services.length === 0) {
        return msg('p', { key: 'visits.book.noServices' }, { class: 'alert alert-info' });
    }
    const service = h('select', { id: 'visit-service', name: 'service' });
    found.services.forEach((s, index) =>
        service.append(h('option', { value: String(index) }, `${s.hospitalName} — ${serviceName(s.serviceCode)}`)),
    );
    const condition = h('select', { id: 'visit-condition', name: 'condition' });
    CONDITIONS.forEach((c) => condition.append(msg('option', { key: `condition.${c}` as MessageKey }, { value: c })));
    const modes = h('div', { class: 'mode-choice', role: 'radiogroup' });
    const modeInputs = new Map<VisitMode, HTMLInputElement>();
    for (const mode of ['VIDEO', 'IN_PERSON'] as const) {
        const input = h('input', { type: 'radio', name: 'mode', value: mode, id: `visit-mode-${mode}` });
        modeInputs.set(mode, input);
        modes.append(h('label', { class: 'mode-option', for: input.id }, input, msg('span', { key: `mode.${mode}` })));
    }
    const videoNote = msg('p', { key: 'visits.book.videoNotAllowed' }, { class: 'alert alert-info', hidden: true });
    const weekLabel = h('span', { class: 'week-label' });
    const previous = msg('button', { key: 'visits.book.previousWeek' }, { type: 'button', class: 'button button-secondary' });
    const next = msg('button', { key: 'visits.book.nextWeek' }, { type: 'button', class: 'button button-secondary' });
    const slotsBox = h('div', { class: 'slots', 'aria-live': 'polite' });
    const confirmBox = h('div', { class: 'confirm-box' });
    const status = h('div', { role: 'status' });

    let weekStart = Date.now();
    let loadSeq = 0;

    const selected = (): VisitService => found.services[Number(service.value)] ?? (found.services[0] as VisitService);
    const reason = (): string | null => (condition.value === 'OTHER' ? null : condition.value);
    const mode = (): VisitMode => (modeInputs.get('VIDEO')?.checked ? 'VIDEO' : 'IN_PERSON');

    const updateModes = (): void => {
        const offered = selected().modes;
        const videoOk = offered.includes('VIDEO') && videoAllowed(reason(), found.videoIcd10);
        const video = modeInputs.get('VIDEO') as HTMLInputElement;
        const inPerson = modeInputs.get('IN_PERSON') as HTMLInputElement;
        video.disabled = !videoOk;
        inPerson.disabled = !offered.includes('IN_PERSON');
        videoNote.hidden = videoOk || !offered.includes('VIDEO');
        if (video.disabled && video.checked) {
            video.checked = false;
        }
        if (!video.checked && !inPerson.checked) {
            (inPerson.disabled ? video : inPerson).checked = !(inPerson.disabled && video.disabled);
        }
    };

    /** Reloads the week's free slots; keepConfirmation leaves a booking's outcome on screen. */
    const loadSlots = (keepConfirmation = false): void => {
        const seq = ++loadSeq;
        const s = selected();
        if (!keepConfirmation) {
            confirmBox.replaceChildren();
        }
        setText(weekLabel, {
            key: 'visits.book.week',
            params: { date: new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: s.timeZone }).format(weekStart) },
        });
        previous.disabled = weekStart <= Date.now();
        slotsBox.replaceChildren(createLoadingView());
        freeSlots(api, {
            hospitalId: s.hospitalId,
            serviceCode: s.serviceCode,
            mode: mode(),
            from: new Date(weekStart),
            to: new Date(weekStart + WEEK_MS),
        }).then(
            (slots) => {
                if (seq === loadSeq) {
                    showSlots(slots, s);
                }
            },
            (error: unknown) => {
                if (seq === loadSeq) {
                    slotsBox.replaceChildren(createErrorView(errorMessage(error), () => loadSlots()));
                }
            },
        );
    };

    const showSlots = (slots: Slot[], s: VisitService): void => {
        if (slots.length === 0) {
            slotsBox.replaceChildren(msg('p', { key: 'visits.book.noSlots' }, { class: 'muted' }));
            return;
        }
        const days = [...slotsByDay(slots).values()].map((daySlots) => {
            const first = daySlots[0] as Slot;
            const dayName = new Intl.DateTimeFormat(intlLocale(), {
                weekday: 'long',
                day: '2-digit',
                month: '2-digit',
                timeZone: first.timeZone,
            }).format(new Date(first.start));
            const buttons = daySlots.map((slot) => {
                const time = new Intl.DateTimeFormat(intlLocale(), {
                    hour: '2-digit',
                    minute: '2-digit',
                    hourCycle: 'h23',
                    timeZone: slot.timeZone,
                }).format(new Date(slot.start));
                const button = h('button', { type: 'button', class: 'slot', 'data-start': slot.start }, time);
                button.addEventListener('click', () => confirm(slot, s));
                return button;
            });
            return h('div', { class: 'slot-day' }, h('h3', {}, dayName), h('div', { class: 'slot-times' }, ...buttons));
        });
        slotsBox.replaceChildren(zoneNote(s.timeZone), ...days);
    };

    const confirm = (slot: Slot, s: VisitService): void => {
        const key = newKey();
        const error = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
        const book = msg('button', { key: 'visits.book.confirm' }, { type: 'button', class: 'button button-primary' });
        const change = msg('button', { key: 'visits.book.change' }, { type: 'button', class: 'button button-secondary' });
        const chosenMode = mode();
        change.addEventListener('click', () => confirmBox.replaceChildren());
        book.addEventListener('click', () => {
            book.disabled = true;
            setText(book, { key: 'visits.book.booking' });
            error.hidden = true;
            bookVisit(api, { scheduleId: slot.scheduleId, start: slot.start, mode: chosenMode, reasonCode: reason() }, key).then(
                (booking) => {
                    confirmBox.replaceChildren(
                        h(
                            'div',
                            { class: 'card booked', 'data-booking': booking.id },
                            msg('p', { key: 'visits.book.booked' }, { class: 'alert alert-info' }),
                            h('p', {}, `${timeText(booking.start, booking.timeZone)} (${booking.timeZone})`),
                            msg('a', { key: 'visits.book.seeMine' }, { href: '#/visits', class: 'button button-primary' }),
                        ),
                    );
                    loadSlots(true);
                },
                (failure: unknown) => {
                    book.disabled = false;
                    setText(book, { key: 'visits.book.confirm' });
                    setText(error, failure instanceof ApiError && failure.kind === 'conflict' ? { key: 'visits.book.taken' } : errorMessage(failure));
                    error.hidden = false;
                    if (failure instanceof ApiError && failure.kind === 'conflict') {
                        confirmBox.replaceChildren(error);
                        loadSlots(true);
                    }
                },
            );
        });
        confirmBox.replaceChildren(
            h(
                'div',
                { class: 'card confirm' },
                msg('h2', { key: 'visits.book.confirmTitle' }),
                h(
                    'dl',
                    { class: 'summary' },
                    msg('dt', { key: 'visits.book.service' }),
                    h('dd', {}, `${s.hospitalName} — ${serviceName(s.serviceCode)}`),
                    msg('dt', { key: 'visits.book.condition' }),
                    msg('dd', { key: `condition.${condition.value}` as MessageKey }),
                    msg('dt', { key: 'visits.book.mode' }),
                    msg('dd', { key: `mode.${chosenMode}` }),
                    msg('dt', { key: 'visits.book.time' }),
                    h('dd', { class: 'chosen-time' }, `${timeText(slot.start, slot.timeZone)} (${slot.timeZone})`),
                ),
                error,
                h('div', { class: 'actions' }, book, change),
            ),
        );
        book.focus();
    };

    service.addEventListener('change', () => {
        updateModes();
        loadSlots();
    });
    condition.addEventListener('change', () => {
        updateModes();
        loadSlots();
    });
    modes.addEventListener('change', () => loadSlots());
    previous.addEventListener('click', () => {
        weekStart = Math.max(Date.now(), weekStart - WEEK_MS);
        loadSlots();
    });
    next.addEventListener('click', () => {
        weekStart += WEEK_MS;
        loadSlots();
    });
    updateModes();
    loadSlots();

    return h(
        'div',
        { class: 'visit-booking' },
        h(
            'div',
            { class: 'card visit-form' },
            h('div', { class: 'field' }, msg('label', { key: 'visits.book.service' }, { for: service.id }), service),
            h('div', { class: 'field' }, msg('label', { key: 'visits.book.condition' }, { for: condition.id }), condition),
            h('fieldset', { class: 'field' }, msg('legend', { key: 'visits.book.mode' }), modes, videoNote),
        ),
        h(
            'div',
            { class: 'card visit-slots' },
            h('div', { class: 'week-nav' }, previous, weekLabel, next),
            msg('h2', { key: 'visits.book.slots' }, { class: 'visually-hidden' }),
            slotsBox,
        ),
        confirmBox,
        status,
    );
}

export function createMyVisitsView(api: ApiClient): HTMLElement {
    const page = h('section', { class: 'page visits-mine' }, msg('h1', { key: 'visits.mine.title' }));
    const body = h('div', {}, createLoadingView());
    page.append(body);
    const load = (): void => {
        Promise.all([myBookings(api), catalog(api).catch(() => null)]).then(
            ([bookings, found]) => body.replaceChildren(bookingList(api, bookings, found, load)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function bookingList(api: ApiClient, bookings: Booking[], found: Catalog | null, reload: () => void): HTMLElement {
    const visits = bookings.filter((b) => b.kind === 'PATIENT_VISIT');
    if (visits.length === 0) {
        return h(
            'div',
            { class: 'card' },
            msg('p', { key: 'visits.mine.empty' }),
            msg('a', { key: 'nav.bookVisit' }, { href: '#/visits/book', class: 'button button-primary' }),
        );
    }
    const now = Date.now();
    const open = (b: Booking): boolean => (b.status === 'BOOKED' || b.status === 'HELD') && Date.parse(b.end) > now;
    const hospitalName = (id: string): string => found?.services.find((s) => s.hospitalId === id)?.hospitalName ?? '';
    const item = (b: Booking): HTMLElement => {
        const li = h(
            'li',
            { class: `card booking status-${b.status}`, 'data-booking': b.id },
            h(
                'div',
                { class: 'booking-head' },
                h('strong', { class: 'booking-time' }, `${timeText(b.start, b.timeZone)} (${b.timeZone})`),
                msg('span', { key: `status.${b.status}` }, { class: 'badge' }),
            ),
            h('p', {}, `${hospitalName(b.hospitalId)} — ${serviceName(b.serviceCode)}`),
            msg('p', { key: `mode.${b.mode}` }, { class: 'muted' }),
        );
        if (open(b)) {
            const join = joinControl(b);
            if (join) {
                li.append(join);
            }
            li.append(cancelControl(api, b, reload));
        }
        return li;
    };
    const upcoming = visits.filter(open).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const past = visits.filter((b) => !open(b)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
    return h(
        'div',
        { class: 'booking-lists' },
        msg('h2', { key: 'visits.mine.upcoming' }),
        h('ul', { class: 'bookings upcoming' }, ...upcoming.map(item)),
        past.length > 0 ? msg('h2', { key: 'visits.mine.past' }) : null,
        past.length > 0 ? h('ul', { class: 'bookings past' }, ...past.map(item)) : null,
    );
}

function cancelControl(api: ApiClient, booking: Booking, reload: () => void): HTMLElement {
    const box = h('div', { class: 'cancel-box' });
    const start = msg('button', { key: 'visits.mine.cancel' }, { type: 'button', class: 'button button-secondary' });
    start.addEventListener('click', () => {
        const reason = h('input', { type: 'text', id: `cancel-${booking.id}`, name: 'reason', maxlength: 500 });
        const error = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
        const confirm = msg('button', { key: 'visits.mine.confirmCancel' }, { type: 'button', class: 'button button-primary' });
        const keep = msg('button', { key: 'visits.mine.keep' }, { type: 'button', class: 'button button-secondary' });
        keep.addEventListener('click', () => box.replaceChildren(start));
        confirm.addEventListener('click', () => {
            if (reason.value.trim() === '') {
                setText(error, { key: 'visits.mine.reasonRequired' });
                error.hidden = false;
                reason.focus();
                return;
            }
            confirm.disabled = true;
            cancelBooking(api, booking.id, reason.value.trim()).then(reload, (failure: unknown) => {
                confirm.disabled = false;
                setText(error, errorMessage(failure));
                error.hidden = false;
            });
        });
        box.replaceChildren(
            h('div', { class: 'field' }, msg('label', { key: 'visits.mine.cancelReason' }, { for: reason.id }), reason),
            error,
            h('div', { class: 'actions' }, confirm, keep),
        );
        reason.focus();
    });
    box.append(start);
    return box;
}
