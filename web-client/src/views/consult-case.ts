// One consult as its members see it: details, studies, documents, the case thread, the session (book from the
// specialist's free slots, start, join the room), the workflow steps the caller may take now (assign, accept, decline
// with a reason, cancel, close) and the signed report with its PDF. A refused step reloads the case and says why.
import type { ApiClient, Me } from '../api';
import {
    bookSession,
    documentPath,
    documents,
    download,
    findStudy,
    getConsult,
    getReport,
    hubSpecialists,
    messages,
    postMessage,
    sessionSlots,
    startSession,
    transition,
    uploadDocument,
    type Consult,
    type ConsultState,
    type DocumentInfo,
    type Message,
} from '../consults';
import { h, msg } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import { intlLocale } from '../i18n';
import { slotsByDay } from '../scheduling';
import { newKey } from './visits';
import { pdfButtons, reportReadOnly, sizeText, slaBadge, stateBadge, stepFailure, urgencyBadge, userTimeZone, when, failureNote } from './consult-parts';
import { errorAlert, type ErrorAlert } from './forms';
import { createErrorView, createLoadingView } from './status';

export function createConsultCaseView(api: ApiClient, me: Me, id: string): HTMLElement {
    const page = h('section', { class: 'page consult-case', 'data-consult': id });
    const notice = { current: null as UserMessage | null };
    if (typeof location !== 'undefined' && /[?&]created=1/.test(location.hash)) {
        notice.current = { key: 'consultCase.created' };
        // said once: a reload of the page should not announce it again
        window.history.replaceState(window.history.state, '', location.hash.replace(/[?&]created=1/, ''));
    }
    const load = (): void => {
        page.replaceChildren(createLoadingView());
        Promise.all([getConsult(api, id), documents(api, id).catch(() => [] as DocumentInfo[]), messages(api, id).catch(() => [] as Message[])]).then(
            ([consult, docs, thread]) => {
                page.replaceChildren(render(api, me, consult, docs, thread, notice.current, (message) => {
                    notice.current = message;
                    load();
                }));
                notice.current = null;
            },
            (error: unknown) => page.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

type Reload = (notice: UserMessage | null) => void;

function render(api: ApiClient, me: Me, c: Consult, docs: DocumentInfo[], thread: Message[], notice: UserMessage | null, reload: Reload): HTMLElement {
    const isSpecialist = me.roles.includes('HUB_SPECIALIST') && c.specialistId === me.id;
    return h(
        'div',
        { class: 'case-layout' },
        msg('a', { key: 'consultCase.backToList' }, { href: '#/consults', class: 'back-to-list' }),
        h(
            'header',
            { class: 'case-head' },
            h('div', {}, h('h1', {}, c.patient.name), h('p', { class: 'muted' }, c.question)),
            h('div', { class: 'case-badges' }, urgencyBadge(c.urgency), stateBadge(c.state), slaBadge(c)),
        ),
        notice ? msg('div', notice, { class: 'alert alert-info case-notice', role: 'status' }) : null,
        actions(api, me, c, reload),
        h(
            'div',
            { class: 'case-grid' },
            h(
                'div',
                { class: 'case-main' },
                details(c),
                session(api, me, c, reload),
                report(api, c, isSpecialist),
                threadSection(api, c, thread, reload),
            ),
            h('div', { class: 'case-side' }, studiesSection(api, c), documentsSection(api, c, docs), history(c)),
        ),
    );
}

function details(c: Consult): HTMLElement {
    const row = (key: Parameters<typeof msg>[1], value: string | HTMLElement): HTMLElement[] => [msg('dt', key), h('dd', {}, value)];
    const birth = new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${c.patient.birthDate}T00:00:00Z`));
    return h(
        'section',
        { class: 'card case-details' },
        msg('h2', { key: 'consultCase.details' }),
        h(
            'dl',
            { class: 'summary' },
            ...row({ key: 'consultNew.birthDate' }, birth),
            ...row({ key: 'consultNew.sex' }, msg('span', { key: `consult.sex.${c.patient.sex}` })),
            ...(c.patient.nationalId ? row({ key: 'consultNew.nationalId' }, c.patient.nationalId) : []),
            ...(c.patient.insuranceNumber ? row({ key: 'consultNew.insuranceNumber' }, c.patient.insuranceNumber) : []),
            ...row({ key: 'consultNew.specialty' }, c.specialty),
            ...row({ key: 'consultCase.submittedAt' }, when(c.submittedAt ?? c.createdAt)),
            ...(c.acceptDueAt && ['SUBMITTED', 'ASSIGNED', 'DECLINED'].includes(c.state) ? row({ key: 'consultCase.acceptDue' }, when(c.acceptDueAt)) : []),
            ...(c.declineReason ? row({ key: 'consultCase.declineReason' }, c.declineReason) : []),
            ...(c.cancelReason ? row({ key: 'consultCase.cancelReason' }, c.cancelReason) : []),
        ),
        msg('h3', { key: 'consultNew.clinicalSummary' }),
        h('p', { class: 'report-text' }, c.clinicalSummary),
    );
}

function studiesSection(api: ApiClient, c: Consult): HTMLElement {
    return h(
        'section',
        { class: 'card case-studies' },
        msg('h2', { key: 'consultCase.studies' }),
        c.studyUids.length === 0
            ? msg('p', { key: 'consultCase.noStudies' }, { class: 'muted' })
            : h('ul', { class: 'study-uids' }, ...c.studyUids.map((uid) => studyItem(api, uid))),
    );
}

/** A study of the case: its UID at once, then what the image store says about it. */
function studyItem(api: ApiClient, uid: string): HTMLElement {
    const item = h('li', { 'data-study': uid }, h('code', {}, uid));
    findStudy(api, uid).then(
        (found) => {
            if (!found) return;
            const date = found.studyDate && /^\d{8}$/.test(found.studyDate) ? `${found.studyDate.slice(6)}/${found.studyDate.slice(4, 6)}/${found.studyDate.slice(0, 4)}` : null;
            item.prepend(
                h('strong', { class: 'study-title' }, [found.modalities.join('/'), found.description].filter(Boolean).join(' — ') || '—'),
                ' ',
                found.instances !== null ? msg('span', { key: 'consultCase.studyImages', params: { count: found.instances } }, { class: 'muted' }) : '',
                date ? h('span', { class: 'muted' }, ` · ${date}`) : '',
                h('br'),
            );
        },
        () => undefined, // the UID alone still identifies the study
    );
    return item;
}

function saveBlob(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function documentLink(api: ApiClient, consultId: string, doc: DocumentInfo): HTMLElement {
    const button = h('button', { type: 'button', class: 'link-button', 'data-document': doc.id }, `${doc.fileName} (${sizeText(doc.sizeBytes)})`);
    button.addEventListener('click', () => {
        download(api, documentPath(consultId, doc.id)).then(
            (blob) => saveBlob(blob, doc.fileName),
            (error: unknown) => {
                button.after(msg('span', errorMessage(error), { class: 'alert alert-error', role: 'alert' }));
            },
        );
    });
    return button;
}

function documentsSection(api: ApiClient, c: Consult, docs: DocumentInfo[]): HTMLElement {
    return h(
        'section',
        { class: 'card case-documents' },
        msg('h2', { key: 'consultCase.documents' }),
        docs.length === 0
            ? msg('p', { key: 'consultCase.noDocuments' }, { class: 'muted' })
            : h('ul', { class: 'document-list' }, ...docs.map((d) => h('li', {}, documentLink(api, c.id, d)))),
    );
}

function history(c: Consult): HTMLElement {
    return h(
        'section',
        { class: 'card case-history' },
        msg('h2', { key: 'consultCase.history' }),
        h(
            'ol',
            { class: 'history' },
            ...c.history.map((t) => h('li', {}, stateBadge(t.to), ' ', h('small', { class: 'muted' }, when(t.at)), t.reason ? h('p', {}, t.reason) : null)),
        ),
    );
}

function threadSection(api: ApiClient, c: Consult, thread: Message[], reload: Reload): HTMLElement {
    const text = h('textarea', { name: 'message', id: 'thread-message', rows: 3, maxlength: 4000 });
    const files = h('input', { type: 'file', name: 'attachments', id: 'thread-files', multiple: true, accept: 'application/pdf,image/png,image/jpeg' });
    const alert = errorAlert();
    const send = msg('button', { key: 'consultCase.send' }, { type: 'submit', class: 'button button-primary' });
    const form = h(
        'form',
        { class: 'thread-form' },
        h('div', { class: 'field' }, msg('label', { key: 'consultCase.newMessage' }, { for: text.id }), text),
        h('div', { class: 'field' }, msg('label', { key: 'consultCase.attachments' }, { for: files.id }), files),
        alert.element,
        h('div', { class: 'actions' }, send),
    );
    const sent = new Map<File, string>();
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!text.value.trim()) {
            alert.show({ key: 'consultCase.messageRequired' });
            return;
        }
        send.disabled = true;
        alert.show(null);
        void (async () => {
            try {
                const ids: string[] = [];
                for (const file of files.files ?? []) {
                    const known = sent.get(file) ?? (await uploadDocument(api, c.id, file)).id;
                    sent.set(file, known);
                    ids.push(known);
                }
                await postMessage(api, c.id, text.value.trim(), ids);
                reload({ key: 'consultCase.messageSent' });
            } catch (error) {
                alert.fail(error);
                send.disabled = false;
            }
        })();
    });
    return h(
        'section',
        { class: 'card case-thread' },
        msg('h2', { key: 'consultCase.thread' }),
        thread.length === 0
            ? msg('p', { key: 'consultCase.noMessages' }, { class: 'muted' })
            : h(
                  'ol',
                  { class: 'messages' },
                  ...thread.map((m) =>
                      h(
                          'li',
                          { class: 'message', 'data-message': m.id },
                          h('small', { class: 'muted' }, when(m.createdAt)),
                          h('p', { class: 'report-text' }, m.body),
                          m.attachments.length > 0 ? h('ul', { class: 'document-list' }, ...m.attachments.map((d) => h('li', {}, documentLink(api, c.id, d)))) : null,
                      ),
                  ),
              ),
        ['CLOSED', 'CANCELLED'].includes(c.state) ? null : form,
    );
}

function session(api: ApiClient, me: Me, c: Consult, reload: Reload): HTMLElement | null {
    const canBook = c.allowedNext.includes('SCHEDULED');
    const canStart = c.allowedNext.includes('IN_SESSION');
    if (!c.sessionStart && !canBook && c.state !== 'IN_SESSION') {
        return null;
    }
    const box = h('section', { class: 'card case-session' }, msg('h2', { key: 'consultCase.session' }));
    if (c.sessionStart) {
        box.append(msg('p', { key: 'consultCase.sessionAt', params: { start: when(c.sessionStart), end: when(c.sessionEnd) } }, { class: 'session-time' }));
    }
    const room = `#/consults/${encodeURIComponent(c.id)}/room`;
    if (c.state === 'IN_SESSION') {
        box.append(msg('a', { key: 'consultCase.join' }, { href: room, class: 'button button-primary join-session' }));
    } else if (c.state === 'SCHEDULED' && !canStart) {
        box.append(msg('p', { key: 'consultCase.joinLater' }, { class: 'muted' }));
    }
    if (canStart) {
        const alert = errorAlert();
        const start = msg('button', { key: 'consultCase.start' }, { type: 'button', class: 'button button-primary start-session' });
        start.addEventListener('click', () => {
            start.disabled = true;
            startSession(api, c.id, c.version).then(
                () => reload({ key: 'consultCase.started' }),
                (error: unknown) => failStep(api, c.id, error, alert, start, reload),
            );
        });
        box.append(h('div', { class: 'actions' }, start), alert.element);
    }
    if (canBook && c.specialistId) {
        box.append(slotPicker(api, c, reload));
    }
    void me;
    return box;
}

const DAY_MS = 86_400_000;

function slotPicker(api: ApiClient, c: Consult, reload: Reload): HTMLElement {
    const box = h('div', { class: 'session-slots' }, msg('h3', { key: 'consultCase.book' }));
    const list = h('div', { class: 'slots', 'aria-live': 'polite' }, createLoadingView());
    const alert = errorAlert();
    box.append(list, alert.element);
    const specialistId = c.specialistId as string;
    sessionSlots(api, specialistId, new Date(), new Date(Date.now() + 14 * DAY_MS)).then(
        (slots) => {
            if (slots.length === 0) {
                list.replaceChildren(msg('p', { key: 'consultCase.noSlots' }, { class: 'muted' }));
                return;
            }
            const zone = slots[0]?.timeZone ?? userTimeZone();
            const days = [...slotsByDay(slots).values()].map((daySlots) => {
                const first = daySlots[0];
                const title = first
                    ? new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', day: '2-digit', month: '2-digit', timeZone: first.timeZone }).format(new Date(first.start))
                    : '';
                return h(
                    'div',
                    { class: 'slot-day' },
                    h('h4', {}, title),
                    h(
                        'div',
                        { class: 'slot-times' },
                        ...daySlots.map((slot) => {
                            const time = new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: slot.timeZone }).format(new Date(slot.start));
                            const button = h('button', { type: 'button', class: 'slot', 'data-start': slot.start }, time);
                            button.addEventListener('click', () => {
                                list.querySelectorAll('button.slot').forEach((b) => ((b as HTMLButtonElement).disabled = true));
                                alert.show(null);
                                bookSession(api, c.id, slot, newKey(), c.version).then(
                                    () => reload({ key: 'consultCase.booked', params: { time: when(slot.start, slot.timeZone) } }),
                                    (error: unknown) => {
                                        list.querySelectorAll('button.slot').forEach((b) => ((b as HTMLButtonElement).disabled = false));
                                        failStep(api, c.id, error, alert, button, reload);
                                    },
                                );
                            });
                            return button;
                        }),
                    ),
                );
            });
            list.replaceChildren(msg('p', { key: 'time.zoneNote', params: { zone } }, { class: 'muted zone-note' }), ...days);
        },
        (error: unknown) => list.replaceChildren(failureNote(error)),
    );
    return box;
}

/** Shows why a step failed; a conflict reloads the case's state to say where it stands now. */
function failStep(api: ApiClient, id: string, error: unknown, alert: ErrorAlert, button: HTMLButtonElement, reload: Reload): void {
    button.disabled = false;
    if (error instanceof Error && 'kind' in error && (error as { kind: string }).kind === 'conflict') {
        getConsult(api, id).then(
            (now) => reload(stepFailure(error, now.state, now.allowedNext)),
            () => {
                alert.fail(error);
            },
        );
        return;
    }
    alert.fail(error);
}

function actions(api: ApiClient, me: Me, c: Consult, reload: Reload): HTMLElement | null {
    const steps = c.allowedNext.filter((s): s is ConsultState => ['SUBMITTED', 'ASSIGNED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'CANCELLED'].includes(s));
    if (steps.length === 0) {
        return null;
    }
    const alert = errorAlert();
    const box = h('section', { class: 'card case-actions' }, msg('h2', { key: 'consultCase.actions' }));
    const run = (button: HTMLButtonElement, to: ConsultState, extra: { specialistId?: string; reason?: string } = {}): void => {
        button.disabled = true;
        alert.show(null);
        transition(api, c.id, to, { ...extra, version: c.version }).then(
            () => reload({ key: `consultCase.done.${to}` as 'consultCase.done.ACCEPTED' }),
            (error: unknown) => failStep(api, c.id, error, alert, button, reload),
        );
    };
    const row = h('div', { class: 'actions' });
    for (const to of steps) {
        if (to === 'ASSIGNED') {
            const specialist = h('select', { name: 'specialist', id: 'assign-specialist' }, msg('option', { key: 'consultCase.chooseSpecialist' }, { value: '' }));
            hubSpecialists(api).then(
                (people) => people.forEach((p) => specialist.append(h('option', { value: p.id }, p.name))),
                (error: unknown) => {
                    alert.fail(error);
                },
            );
            const assign = msg('button', { key: 'consultCase.assign' }, { type: 'button', class: 'button button-primary assign' });
            assign.addEventListener('click', () => {
                if (!specialist.value) {
                    alert.show({ key: 'consultCase.specialistRequired' });
                    specialist.focus();
                    return;
                }
                run(assign, 'ASSIGNED', { specialistId: specialist.value });
            });
            box.append(h('div', { class: 'field assign-box' }, msg('label', { key: 'consultCase.specialist' }, { for: specialist.id }), h('div', { class: 'inline-form' }, specialist, assign)));
        } else if (to === 'DECLINED' || to === 'CANCELLED') {
            const details = h('details', { class: `reason-box reason-${to}` });
            const reason = h('textarea', { name: 'reason', id: `reason-${to}`, rows: 2, maxlength: 2000 });
            const confirm = msg('button', { key: `consultCase.confirm.${to}` as 'consultCase.confirm.DECLINED' }, { type: 'button', class: 'button button-secondary confirm' });
            confirm.addEventListener('click', () => {
                if (!reason.value.trim()) {
                    alert.show({ key: 'consultCase.reasonRequired' });
                    reason.focus();
                    return;
                }
                run(confirm, to, { reason: reason.value.trim() });
            });
            details.append(
                msg('summary', { key: `consultCase.action.${to}` as 'consultCase.action.DECLINED' }),
                h('div', { class: 'field' }, msg('label', { key: 'consultCase.reason' }, { for: reason.id }), reason),
                h('div', { class: 'actions' }, confirm),
            );
            box.append(details);
        } else {
            const button = msg('button', { key: `consultCase.action.${to}` as 'consultCase.action.ACCEPTED' }, { type: 'button', class: `button button-primary action-${to}`, 'data-to': to });
            button.addEventListener('click', () => run(button, to));
            row.append(button);
        }
    }
    if (row.childElementCount > 0) {
        box.insertBefore(row, box.children[1] ?? null);
    }
    box.append(alert.element);
    void me;
    return box;
}

function report(api: ApiClient, c: Consult, isSpecialist: boolean): HTMLElement | null {
    const writable = isSpecialist && c.allowedNext.includes('REPORTED');
    const hasReport = ['REPORTED', 'CLOSED'].includes(c.state) || writable || c.state === 'IN_SESSION';
    if (!hasReport) {
        return null;
    }
    const box = h('section', { class: 'card case-report' }, msg('h2', { key: 'report.title' }));
    if (isSpecialist) {
        box.append(h('div', { class: 'actions' }, msg('a', { key: writable ? 'report.write' : 'report.openEditor' }, { href: `#/consults/${encodeURIComponent(c.id)}/report`, class: 'button button-secondary write-report' })));
    }
    const body = h('div', {}, createLoadingView());
    box.append(body);
    getReport(api, c.id).then(
        (found) => {
            if (!found) {
                body.replaceChildren(msg('p', { key: 'report.none' }, { class: 'muted' }));
            } else if (!found.signedAt && !isSpecialist) {
                body.replaceChildren(msg('p', { key: 'report.notSigned' }, { class: 'muted' }));
            } else {
                body.replaceChildren(reportReadOnly(found), found.signedAt ? pdfButtons(api, c.id) : '');
            }
        },
        (error: unknown) => body.replaceChildren(failureNote(error)),
    );
    return box;
}
