// Administration of the network's machinery: DICOM nodes (with "test connection"), media servers and their health,
// and consult turnaround per hospital with charts.
import { hospitals, type AdminHospital } from '../admin';
import type { ApiClient, Me } from '../api';
import { h, msg, setAttrText, setText } from '../dom';
import { errorMessage } from '../errors';
import { DEFAULT_TIME_ZONE } from '../format';
import { translate, type MessageKey } from '../i18n';
import {
    dayStart,
    deleteNode,
    dicomNodes,
    echoNode,
    hours,
    mediaServers,
    niceMax,
    saveNode,
    turnaround,
    type DicomNode,
    type MediaServer,
    type NodeKind,
    type TurnaroundRow,
} from '../operations';
import { busy, errorAlert, field, select, textInput } from './forms';
import { createErrorView, createLoadingView } from './status';

const SVG = 'http://www.w3.org/2000/svg';

/** Hospitals the admin may manage: every hospital for a network admin, their own for a hospital admin. */
async function manageable(api: ApiClient, me: Me): Promise<AdminHospital[]> {
    const all = await hospitals(api);
    return me.hospital ? all.filter((x) => x.id === me.hospital?.id) : all;
}

export function createDicomNodesView(api: ApiClient, me: Me): HTMLElement {
    const body = h('div', {}, createLoadingView());
    const page = h(
        'section',
        { class: 'page admin-nodes' },
        msg('h1', { key: 'nodes.title' }),
        msg('p', { key: 'nodes.intro' }, { class: 'muted' }),
        body,
    );
    const load = (): void => {
        manageable(api, me).then(
            (list) => body.replaceChildren(nodesContent(api, list)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function nodesContent(api: ApiClient, hospitalList: AdminHospital[]): HTMLElement {
    if (hospitalList.length === 0) {
        return msg('p', { key: 'admin.none' }, { class: 'muted' });
    }
    const hospital = select(
        'hospital',
        hospitalList.map((x) => ({ value: x.id, label: x.name })),
    );
    const table = h('div', { class: 'card table-card' });
    const form = h('div', {});
    const reload = (): void => {
        table.replaceChildren(createLoadingView());
        dicomNodes(api, hospital.value).then(
            (nodes) => table.replaceChildren(nodeTable(api, nodes, reload, (node) => form.replaceChildren(nodeForm(api, hospital.value, reload, node)))),
            (error: unknown) => table.replaceChildren(createErrorView(errorMessage(error), reload)),
        );
        form.replaceChildren(nodeForm(api, hospital.value, reload));
    };
    hospital.addEventListener('change', reload);
    reload();
    return h(
        'div',
        { class: 'admin-grid' },
        h('div', {}, h('div', { class: 'card filters' }, field('nodes.hospital', hospital)), table),
        form,
    );
}

function nodeTable(api: ApiClient, nodes: DicomNode[], reload: () => void, edit: (node: DicomNode) => void): HTMLElement {
    if (nodes.length === 0) {
        return msg('p', { key: 'nodes.none' }, { class: 'muted' });
    }
    return h(
        'table',
        { class: 'data-table nodes-table' },
        h(
            'thead',
            {},
            h(
                'tr',
                {},
                msg('th', { key: 'nodes.aeTitle' }),
                msg('th', { key: 'nodes.kind' }),
                msg('th', { key: 'nodes.address' }),
                msg('th', { key: 'nodes.actions' }),
            ),
        ),
        h('tbody', {}, ...nodes.map((node) => nodeRow(api, node, reload, edit))),
    );
}

function nodeRow(api: ApiClient, node: DicomNode, reload: () => void, edit: (node: DicomNode) => void): HTMLElement {
    const result = h('div', { class: 'echo-result', role: 'status' });
    const failure = errorAlert();
    const test = msg('button', { key: 'nodes.test' }, { type: 'button', class: 'button button-secondary', 'data-action': 'echo' });
    test.disabled = node.host === null;
    if (node.host === null) {
        setAttrText(test, 'title', { key: 'nodes.testNeedsAddress' });
    }
    test.addEventListener('click', () => {
        result.className = 'echo-result';
        setText(result, { key: 'nodes.testing' });
        failure.show(null);
        void busy(test, async () => {
            try {
                const echo = await echoNode(api, node.id);
                result.className = `echo-result ${echo.reachable ? 'echo-ok' : 'echo-failed'}`;
                result.dataset.reachable = String(echo.reachable);
                setText(
                    result,
                    echo.reachable
                        ? { key: 'nodes.reachable', params: { millis: echo.millis } }
                        : { key: 'nodes.unreachable', params: { reason: echo.message } },
                );
            } catch (error) {
                setText(result, '');
                failure.fail(error);
            }
        });
    });
    const change = msg('button', { key: 'nodes.edit' }, { type: 'button', class: 'button button-secondary' });
    change.addEventListener('click', () => edit(node));
    const remove = msg('button', { key: 'nodes.delete' }, { type: 'button', class: 'button button-danger' });
    remove.addEventListener('click', () => {
        if (!window.confirm(translate({ key: 'nodes.confirmDelete', params: { ae: node.aeTitle } }))) {
            return;
        }
        void busy(remove, async () => {
            try {
                await deleteNode(api, node.id);
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    return h(
        'tr',
        { 'data-ae': node.aeTitle },
        h('td', {}, h('code', {}, node.aeTitle)),
        h('td', {}, msg('span', { key: `nodes.kindShort.${node.kind}` as MessageKey })),
        h('td', {}, node.host === null ? msg('span', { key: 'nodes.noAddress' }, { class: 'muted' }) : `${node.host}:${node.port ?? ''}`),
        h('td', { class: 'row-actions' }, test, change, remove, result, failure.element),
    );
}

function nodeForm(api: ApiClient, hospitalId: string, reload: () => void, editing?: DicomNode): HTMLElement {
    const aeTitle = textInput('aeTitle', { required: true, maxlength: 16, autocapitalize: 'characters', spellcheck: 'false' });
    const kind = select('kind', [
        { value: 'REMOTE', label: { key: 'nodes.kind.REMOTE' } },
        { value: 'CALLING', label: { key: 'nodes.kind.CALLING' } },
    ]);
    const host = textInput('host', { maxlength: 253, spellcheck: 'false', autocapitalize: 'none' });
    const port = h('input', { type: 'number', name: 'port', min: 1, max: 65535, inputmode: 'numeric' });
    if (editing) {
        aeTitle.value = editing.aeTitle;
        kind.value = editing.kind;
        kind.disabled = true;
        host.value = editing.host ?? '';
        port.value = editing.port === null ? '' : String(editing.port);
    }
    const failure = errorAlert();
    const submit = msg('button', { key: editing ? 'nodes.save' : 'admin.add' }, { type: 'submit', class: 'button button-primary' });
    const cancel = editing ? msg('button', { key: 'nodes.cancelEdit' }, { type: 'button', class: 'button button-secondary' }) : null;
    const form = h(
        'form',
        { class: 'card admin-form node-form', novalidate: true },
        msg('h2', { key: editing ? 'nodes.editTitle' : 'nodes.new' }),
        failure.element,
        field('nodes.aeTitle', aeTitle, 'nodes.aeHint'),
        field('nodes.kind', kind),
        field('nodes.host', host, 'nodes.hostHint'),
        field('nodes.port', port),
        h('div', { class: 'form-actions' }, submit, cancel),
    );
    cancel?.addEventListener('click', () => form.replaceWith(nodeForm(api, hospitalId, reload)));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (aeTitle.value.trim() === '') {
            failure.show({ key: 'nodes.aeRequired' });
            return;
        }
        const portValue = port.value.trim();
        failure.show(null);
        void busy(submit, async () => {
            try {
                await saveNode(
                    api,
                    {
                        hospitalId,
                        aeTitle: aeTitle.value.trim(),
                        host: host.value.trim() || null,
                        port: portValue === '' ? null : Number(portValue),
                        kind: kind.value as NodeKind,
                    },
                    editing?.id,
                );
                reload();
            } catch (error) {
                failure.fail(error);
            }
        });
    });
    return form;
}

export function createMediaServersView(api: ApiClient): HTMLElement {
    const body = h('div', { class: 'card table-card' }, createLoadingView());
    const refresh = msg('button', { key: 'media.refresh' }, { type: 'button', class: 'button button-secondary' });
    const page = h(
        'section',
        { class: 'page admin-media' },
        msg('h1', { key: 'media.title' }),
        msg('p', { key: 'media.intro' }, { class: 'muted' }),
        h('div', { class: 'toolbar' }, refresh),
        body,
    );
    const load = (): Promise<void> =>
        mediaServers(api).then(
            (servers) => body.replaceChildren(serverTable(servers)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), () => void load())),
        );
    refresh.addEventListener('click', () => void busy(refresh, load));
    void load();
    // Refreshes every 10 s while the page is shown; stops once it has been replaced by another page.
    const timer = window.setInterval(() => {
        if (!page.isConnected) {
            window.clearInterval(timer);
            return;
        }
        void load();
    }, 10_000);
    return page;
}

function serverTable(servers: MediaServer[]): HTMLElement {
    if (servers.length === 0) {
        return msg('p', { key: 'media.none' }, { class: 'muted' });
    }
    return h(
        'table',
        { class: 'data-table media-table' },
        h(
            'thead',
            {},
            h(
                'tr',
                {},
                msg('th', { key: 'media.name' }),
                msg('th', { key: 'media.status' }),
                msg('th', { key: 'media.version' }),
                msg('th', { key: 'media.reply' }),
                msg('th', { key: 'media.rooms' }),
                msg('th', { key: 'media.participants' }),
                msg('th', { key: 'media.address' }),
            ),
        ),
        h(
            'tbody',
            {},
            ...servers.map((server) => {
                const healthy = server.connected && server.answering;
                const status: MessageKey = healthy ? 'media.healthy' : server.answering ? 'media.notConnected' : 'media.down';
                return h(
                    'tr',
                    { 'data-server': server.name, 'data-healthy': String(healthy) },
                    h('td', {}, h('code', {}, server.name)),
                    h(
                        'td',
                        {},
                        msg('span', { key: status }, { class: `badge ${healthy ? 'badge-ok' : 'badge-alert'}` }),
                        server.problem ? h('div', { class: 'muted small' }, server.problem) : null,
                    ),
                    h('td', {}, server.version ?? '—'),
                    h('td', {}, server.replyMillis === null ? '—' : `${server.replyMillis} ms`),
                    h('td', { class: 'number' }, String(server.openRooms)),
                    h('td', { class: 'number' }, String(server.participants)),
                    h('td', {}, h('code', {}, server.browserUrl)),
                );
            }),
        ),
    );
}

export function createTurnaroundView(api: ApiClient): HTMLElement {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE }).format(new Date());
    const monthAgo = new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE }).format(new Date(Date.now() - 30 * 86_400_000));
    const from = h('input', { type: 'date', name: 'from', value: monthAgo });
    const to = h('input', { type: 'date', name: 'to', value: today });
    const failure = errorAlert();
    const results = h('div', { class: 'turnaround-results' });
    const apply = msg('button', { key: 'admin.search' }, { type: 'submit', class: 'button button-secondary' });
    const filters = h('form', { class: 'card filters', role: 'search' }, field('audit.from', from), field('audit.to', to), apply);
    const load = (): void => {
        const start = dayStart(from.value);
        const end = dayStart(to.value, 1);
        if (!start || !end || start >= end) {
            failure.show({ key: 'turnaround.badRange' });
            return;
        }
        failure.show(null);
        results.replaceChildren(createLoadingView());
        Promise.all([turnaround(api, start, end), hospitals(api)]).then(
            ([rows, hospitalList]) => results.replaceChildren(turnaroundContent(rows, new Map(hospitalList.map((x) => [x.id, x.name])))),
            (error: unknown) => results.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    filters.addEventListener('submit', (event) => {
        event.preventDefault();
        load();
    });
    load();
    return h(
        'section',
        { class: 'page admin-turnaround' },
        msg('h1', { key: 'turnaround.title' }),
        msg('p', { key: 'turnaround.intro' }, { class: 'muted' }),
        msg('p', { key: 'time.zoneNote', params: { zone: DEFAULT_TIME_ZONE } }, { class: 'muted zone-note' }),
        filters,
        failure.element,
        results,
    );
}

function turnaroundContent(rows: TurnaroundRow[], names: Map<string, string>): HTMLElement {
    if (rows.length === 0) {
        return msg('p', { key: 'turnaround.none' }, { class: 'card muted' });
    }
    const sides = (['HUB', 'SATELLITE'] as const).map((side) => {
        const mine = rows.filter((row) => row.side === side);
        if (mine.length === 0) {
            return null;
        }
        const label = (row: TurnaroundRow): string => names.get(row.hospitalId) ?? row.hospitalId.slice(0, 8);
        return h(
            'section',
            { class: 'card turnaround-side', 'data-side': side },
            msg('h2', { key: `turnaround.side.${side}` }),
            barChart(mine.map((row) => ({ label: label(row), accept: hours(row.medianMinutesToAccept), report: hours(row.medianMinutesToReport) }))),
            h(
                'table',
                { class: 'data-table' },
                h(
                    'thead',
                    {},
                    h(
                        'tr',
                        {},
                        msg('th', { key: 'turnaround.hospital' }),
                        msg('th', { key: 'turnaround.requests' }),
                        msg('th', { key: 'turnaround.toAccept' }),
                        msg('th', { key: 'turnaround.toReport' }),
                        msg('th', { key: 'turnaround.overdue' }),
                    ),
                ),
                h(
                    'tbody',
                    {},
                    ...mine.map((row) =>
                        h(
                            'tr',
                            { 'data-hospital': row.hospitalId },
                            h('td', {}, label(row)),
                            h('td', { class: 'number' }, String(row.requests)),
                            hoursCell(row.medianMinutesToAccept),
                            hoursCell(row.medianMinutesToReport),
                            h('td', { class: `number ${row.overdue > 0 ? 'overdue' : ''}` }, String(row.overdue)),
                        ),
                    ),
                ),
            ),
        );
    });
    return h('div', { class: 'turnaround-grid' }, ...sides);
}

function hoursCell(minutes: number | null): HTMLElement {
    const value = hours(minutes);
    return value === null
        ? h('td', { class: 'number' }, '—')
        : msg('td', { key: 'turnaround.hours', params: { value } }, { class: 'number' });
}

/** Horizontal bars per hospital: median hours to accept and to report, on one axis with round ticks. */
function barChart(bars: readonly { label: string; accept: number | null; report: number | null }[]): Element {
    const max = niceMax(bars.flatMap((bar) => [bar.accept ?? 0, bar.report ?? 0]));
    const labelWidth = 250;
    const plot = 360;
    const rowHeight = 34;
    const top = 24;
    const height = top + bars.length * rowHeight + 28;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${labelWidth + plot + 60} ${height}`);
    svg.setAttribute('class', 'bar-chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', translate({ key: 'turnaround.chartLabel' }));
    svg.setAttribute('data-i18n-attrs', JSON.stringify({ 'aria-label': { key: 'turnaround.chartLabel' } }));
    /** Adds a shape or a text; a catalogue key as text is tracked (data-i18n) so that it follows language switches. */
    const add = (tag: string, attrs: Record<string, string | number>, text?: string | { key: MessageKey }): void => {
        const element = document.createElementNS(SVG, tag);
        for (const [name, value] of Object.entries(attrs)) {
            element.setAttribute(name, String(value));
        }
        if (typeof text === 'string') {
            element.textContent = text;
        } else if (text) {
            element.setAttribute('data-i18n', text.key);
            element.textContent = translate(text);
        }
        svg.append(element);
    };
    for (let tick = 0; tick <= 5; tick++) {
        const x = labelWidth + (plot * tick) / 5;
        add('line', { x1: x, y1: top - 6, x2: x, y2: height - 24, class: 'chart-grid' });
        add('text', { x, y: height - 8, 'text-anchor': 'middle', class: 'chart-tick' }, String(Math.round(((max * tick) / 5) * 100) / 100));
    }
    add('rect', { x: labelWidth, y: 4, width: 12, height: 10, class: 'bar-accept' });
    add('text', { x: labelWidth + 16, y: 13, class: 'chart-legend' }, { key: 'turnaround.toAccept' });
    add('rect', { x: labelWidth + 180, y: 4, width: 12, height: 10, class: 'bar-report' });
    add('text', { x: labelWidth + 196, y: 13, class: 'chart-legend' }, { key: 'turnaround.toReport' });
    bars.forEach((bar, index) => {
        const y = top + index * rowHeight;
        add('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', class: 'chart-label' }, bar.label.length > 36 ? `${bar.label.slice(0, 35)}…` : bar.label);
        ([['accept', bar.accept, 0], ['report', bar.report, 13]] as const).forEach(([kind, value, offset]) => {
            const width = value === null ? 0 : Math.max(1, (plot * value) / max);
            add('rect', { x: labelWidth, y: y + 4 + offset, width, height: 11, class: `bar-${kind}`, 'data-value': value ?? '' });
            add('text', { x: labelWidth + width + 4, y: y + 14 + offset, class: 'chart-value' }, value === null ? '—' : String(value));
        });
    });
    return svg;
}
