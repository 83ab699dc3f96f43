// The specialist's report editor: structured sections and free text, save as draft, sign after a confirmation (a
// signed report no longer changes), then the read-only signed report with addenda and its PDF.
import type { ApiClient } from '../api';
import { addAddendum, getConsult, getReport, REPORT_SECTIONS, saveReport, signReport, type Consult, type Report } from '../consults';
import { h, msg, setText } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import { pdfButtons, reportReadOnly, stateBadge, urgencyBadge } from './consult-parts';
import { errorAlert } from './forms';
import { createErrorView, createLoadingView } from './status';

export function createReportEditorView(api: ApiClient, id: string): HTMLElement {
    const page = h('section', { class: 'page report-editor', 'data-consult': id });
    const load = (notice: UserMessage | null = null): void => {
        page.replaceChildren(createLoadingView());
        Promise.all([getConsult(api, id), getReport(api, id)]).then(
            ([consult, report]) => page.replaceChildren(render(api, consult, report, notice, load)),
            (error: unknown) => page.replaceChildren(createErrorView(errorMessage(error), () => load())),
        );
    };
    load();
    return page;
}

function render(api: ApiClient, c: Consult, report: Report | null, notice: UserMessage | null, reload: (notice: UserMessage | null) => void): HTMLElement {
    const head = h(
        'header',
        { class: 'case-head' },
        h('div', {}, msg('h1', { key: 'report.editorTitle', params: { patient: c.patient.name } }), h('p', { class: 'muted' }, c.question)),
        h('div', { class: 'case-badges' }, urgencyBadge(c.urgency), stateBadge(c.state)),
    );
    const back = msg('a', { key: 'report.backToCase' }, { href: `#/consults/${encodeURIComponent(c.id)}`, class: 'button button-secondary' });
    const info = notice ? msg('div', notice, { class: 'alert alert-info report-notice', role: 'status' }) : null;
    if (report?.signedAt) {
        return h('div', {}, head, info, h('section', { class: 'card' }, reportReadOnly(report), pdfButtons(api, c.id)), addendumForm(api, c.id, reload), h('div', { class: 'actions' }, back));
    }
    return h('div', {}, head, info, editor(api, c, report, reload), h('div', { class: 'actions' }, back));
}

function editor(api: ApiClient, c: Consult, report: Report | null, reload: (notice: UserMessage | null) => void): HTMLElement {
    let version = report?.version ?? null;
    const fields = new Map(
        REPORT_SECTIONS.map((section) => [section, h('textarea', { name: section, id: `report-${section}`, rows: section === 'freeText' ? 6 : 4, maxlength: 20000 }, report?.[section] ?? '')] as const),
    );
    const alert = errorAlert();
    const status = h('div', { class: 'alert alert-info', role: 'status', hidden: true });
    const save = msg('button', { key: 'report.saveDraft' }, { type: 'button', class: 'button button-secondary save-draft' });
    const sign = msg('button', { key: 'report.sign' }, { type: 'button', class: 'button button-primary sign-report' });
    const input = () => ({
        findings: fields.get('findings')?.value ?? '',
        assessment: fields.get('assessment')?.value ?? '',
        conclusions: fields.get('conclusions')?.value ?? '',
        recommendations: fields.get('recommendations')?.value ?? '',
        freeText: fields.get('freeText')?.value ?? '',
        version,
    });
    const persist = async (): Promise<void> => {
        await saveReport(api, c.id, input());
        const saved = await getReport(api, c.id);
        version = saved?.version ?? version;
    };
    const fail = (error: unknown): void => {
        alert.fail(error);
    };
    save.addEventListener('click', () => {
        save.disabled = true;
        alert.show(null);
        persist().then(
            () => {
                setText(status, { key: 'report.saved' });
                status.hidden = false;
            },
            fail,
        ).finally(() => {
            save.disabled = false;
        });
    });

    const dialog = h('dialog', { class: 'confirm-dialog sign-dialog' });
    const confirm = msg('button', { key: 'report.signConfirm' }, { type: 'button', class: 'button button-primary confirm-sign' });
    const cancel = msg('button', { key: 'report.signCancel' }, { type: 'button', class: 'button button-secondary' });
    dialog.append(msg('h2', { key: 'report.signTitle' }), msg('p', { key: 'report.signWarning' }), h('div', { class: 'actions' }, confirm, cancel));
    cancel.addEventListener('click', () => dialog.close());
    sign.addEventListener('click', () => {
        alert.show(null);
        if (!fields.get('findings')?.value.trim() || !fields.get('conclusions')?.value.trim()) {
            alert.show({ key: 'report.emptyReport' });
            return;
        }
        if (typeof dialog.showModal === 'function') {
            dialog.showModal();
        } else {
            dialog.setAttribute('open', '');
        }
    });
    confirm.addEventListener('click', () => {
        confirm.disabled = true;
        void (async () => {
            try {
                await persist();
                await signReport(api, c.id, c.version);
                dialog.close();
                reload({ key: 'report.signedNotice' });
            } catch (error) {
                dialog.close();
                fail(error);
            } finally {
                confirm.disabled = false;
            }
        })();
    });
    const canSign = c.allowedNext.includes('REPORTED');
    return h(
        'form',
        { class: 'card report-form', novalidate: true },
        msg('p', { key: 'report.intro' }, { class: 'muted' }),
        ...REPORT_SECTIONS.map((section) =>
            h('div', { class: 'field' }, msg('label', { key: `report.section.${section}` }, { for: `report-${section}` }), fields.get(section) as HTMLElement),
        ),
        alert.element,
        status,
        canSign ? null : msg('p', { key: 'report.signLater' }, { class: 'muted' }),
        h('div', { class: 'actions' }, save, canSign ? sign : null),
        dialog,
    );
}

function addendumForm(api: ApiClient, id: string, reload: (notice: UserMessage | null) => void): HTMLElement {
    const text = h('textarea', { name: 'addendum', id: 'report-addendum', rows: 3, maxlength: 20000 });
    const alert = errorAlert();
    const add = msg('button', { key: 'report.addAddendum' }, { type: 'submit', class: 'button button-secondary' });
    const form = h(
        'form',
        { class: 'card addendum-form' },
        h('div', { class: 'field' }, msg('label', { key: 'report.addendum' }, { for: text.id }), text),
        alert.element,
        h('div', { class: 'actions' }, add),
    );
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!text.value.trim()) {
            alert.show({ key: 'report.addendumRequired' });
            return;
        }
        add.disabled = true;
        addAddendum(api, id, text.value.trim()).then(
            () => reload({ key: 'report.addendumAdded' }),
            (error: unknown) => {
                add.disabled = false;
                alert.fail(error);
            },
        );
    });
    return form;
}
