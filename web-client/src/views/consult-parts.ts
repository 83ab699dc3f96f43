// Small pieces the consult pages share: urgency, state and SLA badges, times with their zone named, the signed
// report's read-only view with its PDF buttons, and words for a failed workflow step (409 with the allowed states).
import { ApiError, type ApiClient } from '../api';
import { download, reportPdfPath, slaMark, type ConsultState, type Report, type SlaMark, type Urgency } from '../consults';
import { h, msg } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../format';
import { intlLocale, translate } from '../i18n';
import { errorAlert } from './forms';

/** Old IANA names some browsers (ICU) still answer, and the current names people know. */
const ZONE_ALIASES: Readonly<Record<string, string>> = {
    'Asia/Saigon': 'Asia/Ho_Chi_Minh',
    'Asia/Calcutta': 'Asia/Kolkata',
    'Asia/Rangoon': 'Asia/Yangon',
    'Asia/Katmandu': 'Asia/Kathmandu',
};

/** The time zone of the person using the browser (the network's default when the browser does not say). */
export function userTimeZone(resolved: () => string | undefined = () => Intl.DateTimeFormat().resolvedOptions().timeZone): string {
    try {
        const zone = resolved() || DEFAULT_TIME_ZONE;
        return ZONE_ALIASES[zone] ?? zone;
    } catch {
        return DEFAULT_TIME_ZONE;
    }
}

/** An instant as local date and time with the zone named, e.g. "14:30 02/03/2026 (Asia/Ho_Chi_Minh)". */
export function when(iso: string | null | undefined, zone: string = userTimeZone()): string {
    return iso ? `${formatDateTime(iso, intlLocale(), zone)} (${zone})` : '—';
}

export function urgencyBadge(urgency: Urgency): HTMLElement {
    return msg('span', { key: `consult.urgency.${urgency}` }, { class: `badge urgency urgency-${urgency}`, 'data-urgency': urgency });
}

export function stateBadge(state: ConsultState): HTMLElement {
    return msg('span', { key: `consult.state.${state}` }, { class: `badge consult-state state-${state}`, 'data-state': state });
}

export function slaBadge(item: Parameters<typeof slaMark>[0], now: number = Date.now()): HTMLElement | null {
    const mark: SlaMark = slaMark(item, now);
    if (mark === 'none' || mark === 'onTime') {
        return null;
    }
    return msg('span', { key: `consult.sla.${mark}` }, { class: `badge sla sla-${mark}`, 'data-sla': mark });
}

/** Words for a refused workflow step: a changed case (409) names its state now and what may follow. */
export function stepFailure(error: unknown, stateNow?: ConsultState, allowed: readonly ConsultState[] = []): UserMessage {
    if (error instanceof ApiError && error.kind === 'conflict' && stateNow) {
        const next = allowed.map((s) => translate({ key: `consult.state.${s}` })).join(', ');
        return {
            key: allowed.length > 0 ? 'consult.conflict.withNext' : 'consult.conflict.noNext',
            params: { state: translate({ key: `consult.state.${stateNow}` }), next },
        };
    }
    return errorMessage(error);
}

/** Buttons that open the signed report's PDF in a new tab, or save it. */
export function pdfButtons(api: ApiClient, consultId: string): HTMLElement {
    const alert = errorAlert();
    const open = msg('button', { key: 'report.pdf.open' }, { type: 'button', class: 'button button-secondary pdf-open' });
    const save = msg('button', { key: 'report.pdf.download' }, { type: 'button', class: 'button button-primary pdf-download' });
    const fetchPdf = async (button: HTMLButtonElement, use: (url: string) => void): Promise<void> => {
        button.disabled = true;
        alert.show(null);
        try {
            const blob = await download(api, reportPdfPath(consultId));
            const url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
            use(url);
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } catch (error) {
            alert.fail(error);
        } finally {
            button.disabled = false;
        }
    };
    open.addEventListener('click', () => void fetchPdf(open, (url) => window.open(url, '_blank', 'noopener')));
    save.addEventListener(
        'click',
        () =>
            void fetchPdf(save, (url) => {
                const link = h('a', { href: url, download: `bien-ban-hoi-chan-${consultId}.pdf`, hidden: true });
                document.body.append(link);
                link.click();
                link.remove();
            }),
    );
    return h('div', { class: 'actions pdf-actions' }, save, open, alert.element);
}

/** The report read-only: its sections, when it was signed, and its addenda. */
export function reportReadOnly(report: Report): HTMLElement {
    const sections = (['findings', 'assessment', 'conclusions', 'recommendations', 'freeText'] as const)
        .filter((section) => (report[section] ?? '').trim() !== '')
        .flatMap((section) => [
            msg('h3', { key: `report.section.${section}` }),
            h('p', { class: 'report-text', 'data-section': section }, report[section] ?? ''),
        ]);
    return h(
        'div',
        { class: 'report-view' },
        report.signedAt
            ? msg('p', { key: 'report.signedAt', params: { time: when(report.signedAt) } }, { class: 'alert alert-info report-signed' })
            : msg('p', { key: 'report.draftNote' }, { class: 'muted' }),
        ...sections,
        report.addenda.length > 0 ? msg('h3', { key: 'report.addenda' }) : null,
        report.addenda.length > 0
            ? h(
                  'ol',
                  { class: 'addenda' },
                  ...report.addenda.map((a) =>
                      h('li', { 'data-addendum': a.id }, h('p', { class: 'report-text' }, a.body), h('small', { class: 'muted' }, when(a.createdAt))),
                  ),
              )
            : null,
    );
}

/** A failure shown in place of what could not be loaded. */
export function failureNote(error: unknown): HTMLElement {
    return msg('p', errorMessage(error), { class: 'alert alert-error', role: 'alert' });
}

/** "12 MB" style sizes. */
export function sizeText(bytes: number): string {
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
