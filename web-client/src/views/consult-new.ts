// The satellite doctor's new-consult wizard: patient, request (hub, specialty, urgency, question), images (upload or
// PACS), documents and consent. Every step stays in the page, so a failed submit keeps every field; the draft made
// by a first attempt is updated (not duplicated) by the next, and documents already sent are not sent twice.
import type { ApiClient } from '../api';
import {
    createConsult,
    linkedHubs,
    SEXES,
    transition,
    updateConsult,
    uploadDocument,
    URGENCIES,
    type Consult,
    type ConsultInput,
    type Hub,
} from '../consults';
import { h, msg, setText } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import type { MessageKey } from '../i18n';
import { createStudyPicker } from './consult-studies';
import { field } from './forms';
import { sizeText } from './consult-parts';
import { createErrorView, createLoadingView } from './status';

const STEPS = ['patient', 'request', 'images', 'documents'] as const;
type Step = (typeof STEPS)[number];

const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export function createNewConsultView(api: ApiClient, navigate: (path: string) => void): HTMLElement {
    const page = h('section', { class: 'page consult-new' }, msg('h1', { key: 'consultNew.title' }), msg('p', { key: 'consultNew.intro' }, { class: 'muted' }));
    const body = h('div', {}, createLoadingView());
    page.append(body);
    const load = (): void => {
        linkedHubs(api).then(
            (hubs) =>
                body.replaceChildren(
                    hubs.length === 0 ? msg('p', { key: 'consultNew.noHubs' }, { class: 'alert alert-info' }) : wizard(api, hubs, navigate),
                ),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function control<K extends 'input' | 'textarea' | 'select'>(tag: K, name: string, attrs: Record<string, string | number | boolean> = {}): HTMLElementTagNameMap[K] {
    return h(tag, { name, id: `consult-${name}`, ...attrs });
}

function wizard(api: ApiClient, hubs: readonly Hub[], navigate: (path: string) => void): HTMLElement {
    // Patient
    const name = control('input', 'patientName', { type: 'text', maxlength: 200, autocomplete: 'off', required: true });
    const birthDate = control('input', 'birthDate', { type: 'date', required: true, max: new Date().toISOString().slice(0, 10) });
    const sex = control('select', 'sex');
    SEXES.forEach((s) => sex.append(msg('option', { key: `consult.sex.${s}` }, { value: s })));
    const nationalId = control('input', 'nationalId', { type: 'text', inputmode: 'numeric', maxlength: 12, pattern: '[0-9]{9,12}' });
    const insurance = control('input', 'insuranceNumber', { type: 'text', maxlength: 20, pattern: '[A-Za-z0-9]{10,20}' });

    // Request
    const hub = control('select', 'hub');
    hubs.forEach((x) => hub.append(h('option', { value: x.id }, x.name)));
    const specialty = control('select', 'specialty');
    const fillSpecialties = (): void => {
        const chosen = hubs.find((x) => x.id === hub.value) ?? hubs[0];
        const previous = specialty.value;
        specialty.replaceChildren(msg('option', { key: 'consultNew.chooseSpecialty' }, { value: '' }));
        (chosen?.specialties ?? []).forEach((s) => specialty.append(h('option', { value: s }, s)));
        specialty.value = (chosen?.specialties ?? []).includes(previous) ? previous : (chosen?.specialties.length === 1 ? chosen.specialties[0] ?? '' : '');
    };
    hub.addEventListener('change', fillSpecialties);
    fillSpecialties();
    const urgency = h('div', { class: 'urgency-choice', role: 'radiogroup', id: 'consult-urgency' });
    URGENCIES.forEach((u) => {
        const input = h('input', { type: 'radio', name: 'urgency', value: u, id: `consult-urgency-${u}`, checked: u === 'ROUTINE' });
        urgency.append(
            h(
                'label',
                { class: `urgency-option urgency-${u}`, for: input.id },
                input,
                msg('strong', { key: `consult.urgency.${u}` }),
                msg('small', { key: `consult.urgencyHint.${u}` }, { class: 'muted' }),
            ),
        );
    });
    const question = control('textarea', 'question', { rows: 3, maxlength: 2000, required: true });
    const summary = control('textarea', 'clinicalSummary', { rows: 6, maxlength: 8000, required: true });

    // Images
    const studies = createStudyPicker(api);

    // Documents and consent
    const docInput = control('input', 'documents', { type: 'file', multiple: true, accept: DOCUMENT_TYPES.join(',') });
    const docList = h('ul', { class: 'document-list' });
    const chosenDocs: File[] = [];
    const sentDocs = new Set<File>();
    const showDocs = (): void => {
        docList.replaceChildren(
            ...chosenDocs.map((file) => {
                const remove = msg('button', { key: 'consultNew.removeDocument' }, { type: 'button', class: 'button button-secondary button-small' });
                remove.addEventListener('click', () => {
                    chosenDocs.splice(chosenDocs.indexOf(file), 1);
                    showDocs();
                });
                return h('li', { 'data-file': file.name }, `${file.name} (${sizeText(file.size)}) `, sentDocs.has(file) ? msg('span', { key: 'consultNew.documentSent' }, { class: 'badge' }) : remove);
            }),
        );
    };
    const docProblems = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
    docInput.addEventListener('change', () => {
        const problems: string[] = [];
        for (const file of docInput.files ?? []) {
            if (!DOCUMENT_TYPES.includes(file.type)) {
                problems.push(`${file.name}: ${msgText({ key: 'consultNew.documentType' })}`);
            } else if (file.size > MAX_DOCUMENT_BYTES) {
                problems.push(`${file.name}: ${msgText({ key: 'consultNew.documentTooLarge', params: { size: sizeText(MAX_DOCUMENT_BYTES) } })}`);
            } else {
                chosenDocs.push(file);
            }
        }
        docInput.value = '';
        docProblems.hidden = problems.length === 0;
        docProblems.textContent = problems.join(' ');
        showDocs();
    });
    const consent = h('input', { type: 'checkbox', name: 'consent', id: 'consult-consent' });

    const sections: Record<Step, HTMLElement> = {
        patient: h(
            'div',
            { class: 'form-grid' },
            field('consultNew.patientName', name),
            field('consultNew.birthDate', birthDate),
            field('consultNew.sex', sex),
            field('consultNew.nationalId', nationalId, 'consultNew.nationalIdHint'),
            field('consultNew.insuranceNumber', insurance, 'consultNew.insuranceHint'),
        ),
        request: h(
            'div',
            {},
            h('div', { class: 'form-grid' }, field('consultNew.hub', hub), field('consultNew.specialty', specialty)),
            h('fieldset', { class: 'field' }, msg('legend', { key: 'consultNew.urgency' }), urgency),
            field('consultNew.question', question),
            field('consultNew.clinicalSummary', summary, 'consultNew.summaryHint'),
        ),
        images: h('div', {}, msg('p', { key: 'consultNew.imagesIntro' }, { class: 'muted' }), studies.element),
        documents: h(
            'div',
            {},
            field('consultNew.documents', docInput, 'consultNew.documentsHint'),
            docProblems,
            docList,
            h('label', { class: 'check consent' }, consent, msg('span', { key: 'consultNew.consent' })),
        ),
    };

    let current: Step = 'patient';
    const stepper = h('ol', { class: 'wizard-steps' });
    const panels = STEPS.map((step) =>
        h('fieldset', { class: 'wizard-step card', 'data-step': step }, msg('legend', { key: `consultNew.step.${step}` }), sections[step]),
    );
    const alert = h('div', { class: 'alert alert-error wizard-alert', role: 'alert', hidden: true, tabindex: -1 });
    const info = h('div', { class: 'alert alert-info wizard-info', role: 'status', hidden: true });
    const back = msg('button', { key: 'consultNew.back' }, { type: 'button', class: 'button button-secondary wizard-back' });
    const next = msg('button', { key: 'consultNew.next' }, { type: 'button', class: 'button button-primary wizard-next' });
    const submit = msg('button', { key: 'consultNew.submit' }, { type: 'submit', class: 'button button-primary wizard-submit' });

    const show = (step: Step): void => {
        current = step;
        const index = STEPS.indexOf(step);
        panels.forEach((panel, i) => (panel.hidden = i !== index));
        stepper.replaceChildren(
            ...STEPS.map((s, i) => {
                const button = msg('button', { key: `consultNew.step.${s}` }, { type: 'button', class: 'step-link', 'data-step': s, 'aria-current': i === index ? 'step' : false });
                button.addEventListener('click', () => {
                    if (i < index || STEPS.slice(0, i).every((earlier) => problemsOf(earlier).length === 0)) {
                        alert.hidden = true;
                        show(s);
                    } else {
                        showProblems(STEPS.slice(0, i).find((earlier) => problemsOf(earlier).length > 0) ?? s);
                    }
                });
                return h('li', { class: i === index ? 'current' : i < index ? 'done' : '' }, h('span', { class: 'step-number' }, String(i + 1)), button);
            }),
        );
        back.hidden = index === 0;
        next.hidden = index === STEPS.length - 1;
        submit.hidden = index !== STEPS.length - 1;
    };

    const problemsOf = (step: Step): { control: HTMLElement; key: MessageKey }[] => {
        const out: { control: HTMLElement; key: MessageKey }[] = [];
        if (step === 'patient') {
            if (!name.value.trim()) out.push({ control: name, key: 'consultNew.required.patientName' });
            if (!birthDate.value || birthDate.value > new Date().toISOString().slice(0, 10)) out.push({ control: birthDate, key: 'consultNew.required.birthDate' });
            if (nationalId.value.trim() && !/^[0-9]{9,12}$/.test(nationalId.value.trim())) out.push({ control: nationalId, key: 'consultNew.nationalIdHint' });
            if (insurance.value.trim() && !/^[A-Za-z0-9]{10,20}$/.test(insurance.value.trim())) out.push({ control: insurance, key: 'consultNew.insuranceHint' });
        } else if (step === 'request') {
            if (!specialty.value) out.push({ control: specialty, key: 'consultNew.required.specialty' });
            if (!question.value.trim()) out.push({ control: question, key: 'consultNew.required.question' });
            if (!summary.value.trim()) out.push({ control: summary, key: 'consultNew.required.summary' });
        } else if (step === 'images') {
            if (studies.busy()) out.push({ control: studies.element, key: 'consultNew.required.uploadsRunning' });
        } else if (!consent.checked) {
            out.push({ control: consent, key: 'consultNew.required.consent' });
        }
        return out;
    };

    const showProblems = (step: Step): boolean => {
        const problems = problemsOf(step);
        if (problems.length === 0) {
            alert.hidden = true;
            return false;
        }
        if (current !== step) {
            show(step);
        }
        alert.replaceChildren(...problems.map((p) => msg('p', { key: p.key })));
        alert.hidden = false;
        problems.forEach((p) => p.control.setAttribute('aria-invalid', 'true'));
        problems[0]?.control.focus();
        return true;
    };

    back.addEventListener('click', () => {
        alert.hidden = true;
        show(STEPS[Math.max(0, STEPS.indexOf(current) - 1)] as Step);
    });
    next.addEventListener('click', () => {
        if (!showProblems(current)) {
            show(STEPS[Math.min(STEPS.length - 1, STEPS.indexOf(current) + 1)] as Step);
            (panels[STEPS.indexOf(current)]?.querySelector('input, select, textarea') as HTMLElement | null)?.focus();
        }
    });

    const input = (): ConsultInput => ({
        patient: {
            name: name.value.trim(),
            birthDate: birthDate.value,
            sex: sex.value as ConsultInput['patient']['sex'],
            nationalId: nationalId.value.trim() || null,
            insuranceNumber: insurance.value.trim() || null,
        },
        clinicalSummary: summary.value.trim(),
        question: question.value.trim(),
        urgency: ((urgency.querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'ROUTINE') as ConsultInput['urgency'],
        specialty: specialty.value,
        hubId: hub.value,
        studyUids: studies.studyUids(),
        consentRecorded: consent.checked,
    });

    let draft: Consult | null = null;
    const form = h('form', { class: 'consult-wizard', novalidate: true }, stepper, ...panels, alert, info, h('div', { class: 'actions wizard-actions' }, back, next, submit));
    form.addEventListener('input', (event) => (event.target as HTMLElement).removeAttribute?.('aria-invalid'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (submit.disabled) {
            return;
        }
        for (const step of STEPS) {
            if (showProblems(step)) {
                return;
            }
        }
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        setText(submit, { key: 'consultNew.submitting' });
        info.hidden = true;
        alert.hidden = true;
        void (async () => {
            try {
                draft = draft ? await updateConsult(api, draft.id, draft.version, input()) : await createConsult(api, input());
                for (const file of [...chosenDocs]) {
                    if (!sentDocs.has(file)) {
                        await uploadDocument(api, draft.id, file);
                        sentDocs.add(file);
                        showDocs();
                    }
                }
                const submitted = await transition(api, draft.id, 'SUBMITTED');
                navigate(`/consults/${encodeURIComponent(submitted.id)}?created=1`);
            } catch (error) {
                const message: UserMessage = errorMessage(error);
                alert.replaceChildren(msg('p', message));
                alert.hidden = false;
                if (draft) {
                    info.replaceChildren(msg('p', { key: 'consultNew.savedAsDraft' }));
                    info.hidden = false;
                }
                alert.focus?.();
            } finally {
                submit.disabled = false;
                submit.removeAttribute('aria-busy');
                setText(submit, { key: 'consultNew.submit' });
            }
        })();
    });
    show('patient');
    return form;
}

function msgText(message: UserMessage): string {
    return msg('span', message).textContent ?? '';
}
