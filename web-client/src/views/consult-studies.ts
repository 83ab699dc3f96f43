// Attaching imaging studies to a new consult: choose a folder or files (read in the browser, grouped by study, sent
// with STOW-RS with a progress bar per study and a message per refused or skipped file), or search the hospital
// PACS and bring a study in (progress polled). The picker answers the Study Instance UIDs that arrived.
import type { ApiClient } from '../api';
import { findStudies, pacsNodes, retrievalProgress, startRetrieval, storedStudies, type Pacs, type RemoteStudy } from '../consults';
import { displayPath, sortChosenFiles, type StudyGroup } from '../dicom-files';
import { h, msg, setText } from '../dom';
import { errorMessage } from '../errors';
import { batches, failureKey, outcomesOf, sendStow, StowRequestFailed } from '../stow';
import { sizeText, failureNote } from './consult-parts';

export interface StudyPicker {
    readonly element: HTMLElement;
    /** Studies stored (at least one instance) and still chosen. */
    studyUids(): string[];
    /** True while an upload or a retrieval runs. */
    busy(): boolean;
}

export function createStudyPicker(api: ApiClient): StudyPicker {
    const attached = new Map<string, HTMLInputElement>();
    let running = 0;
    const track = async (work: () => Promise<void>): Promise<void> => {
        running++;
        try {
            await work();
        } finally {
            running--;
        }
    };

    const attachBox = (studyUid: string, key: 'studies.attach'): HTMLElement => {
        if (attached.has(studyUid)) {
            return msg('span', { key: 'studies.alreadyAttached' }, { class: 'badge already-attached' });
        }
        const box = h('input', { type: 'checkbox', name: 'attach-study', value: studyUid, checked: true });
        attached.set(studyUid, box);
        return h('label', { class: 'check' }, box, msg('span', { key }));
    };

    const upload = uploadSection(api, track, attachBox);
    const pacs = pacsSection(api, track, attachBox);
    const element = h(
        'div',
        { class: 'study-picker' },
        h('section', { class: 'card study-upload' }, msg('h3', { key: 'studies.upload.title' }), upload),
        h('section', { class: 'card study-pacs' }, msg('h3', { key: 'studies.pacs.title' }), pacs),
        h('section', { class: 'card study-store' }, msg('h3', { key: 'studies.store.title' }), storeSection(api, attachBox)),
    );
    return {
        element,
        studyUids: () => [...attached.entries()].filter(([, box]) => box.checked).map(([uid]) => uid),
        busy: () => running > 0,
    };
}

type Track = (work: () => Promise<void>) => Promise<void>;
type AttachBox = (studyUid: string, key: 'studies.attach') => HTMLElement;

function uploadSection(api: ApiClient, track: Track, attachBox: AttachBox): HTMLElement {
    const folder = h('input', { type: 'file', name: 'study-folder', multiple: true, webkitdirectory: true, class: 'visually-hidden', id: 'study-folder' });
    const files = h('input', { type: 'file', name: 'study-files', multiple: true, class: 'visually-hidden', id: 'study-files' });
    const list = h('div', { class: 'upload-list', 'aria-live': 'polite' });
    const chosen = async (input: HTMLInputElement): Promise<void> => {
        const picked = [...(input.files ?? [])];
        input.value = '';
        if (picked.length === 0) {
            return;
        }
        const reading = msg('p', { key: 'studies.upload.reading', params: { count: picked.length } }, { class: 'muted' });
        list.prepend(reading);
        const { studies, skipped } = await sortChosenFiles(picked);
        reading.remove();
        if (skipped.length > 0) {
            list.append(
                h(
                    'div',
                    { class: 'alert alert-info skipped-files' },
                    msg('p', { key: 'studies.upload.skipped', params: { count: skipped.length } }),
                    h(
                        'ul',
                        {},
                        ...skipped.map((s) =>
                            h('li', { class: 'file-problem', 'data-file': s.file.name }, `${displayPath(s.file)}: `, msg('span', { key: `studies.notDicom.${s.reason}` })),
                        ),
                    ),
                ),
            );
        }
        if (studies.length === 0 && skipped.length > 0) {
            list.append(msg('p', { key: 'studies.upload.noDicom' }, { class: 'alert alert-error', role: 'alert' }));
        }
        for (const study of studies) {
            const card = studyCard(study);
            list.append(card.element);
            void track(() => uploadStudy(api, study, card, attachBox));
        }
    };
    folder.addEventListener('change', () => void chosen(folder));
    files.addEventListener('change', () => void chosen(files));
    return h(
        'div',
        {},
        msg('p', { key: 'studies.upload.intro' }, { class: 'muted' }),
        h(
            'div',
            { class: 'actions' },
            folder,
            msg('label', { key: 'studies.upload.folder' }, { for: folder.id, class: 'button button-secondary file-button' }),
            files,
            msg('label', { key: 'studies.upload.files' }, { for: files.id, class: 'button button-secondary file-button' }),
        ),
        list,
    );
}

interface StudyCard {
    readonly element: HTMLElement;
    readonly progress: HTMLProgressElement;
    readonly status: HTMLElement;
    readonly problems: HTMLElement;
    readonly footer: HTMLElement;
}

function studyCard(study: StudyGroup<File>): StudyCard {
    const progress = h('progress', { max: study.bytes || 1, value: 0, class: 'study-progress' });
    const status = msg('p', { key: 'studies.upload.waiting' }, { class: 'study-status', role: 'status' });
    const problems = h('ul', { class: 'file-problems' });
    const footer = h('div', { class: 'study-footer' });
    const title = [study.modalities.join('/'), study.description].filter(Boolean).join(' — ');
    const element = h(
        'article',
        { class: 'study-card', 'data-study': study.studyUid, 'data-state': 'uploading' },
        h('div', { class: 'study-head' }, h('strong', {}, title || study.studyUid || '?'), h('span', { class: 'muted' }, study.patientName ?? '')),
        msg(
            'p',
            { key: 'studies.upload.summary', params: { files: study.files.length, series: study.seriesCount, size: sizeText(study.bytes) } },
            { class: 'muted' },
        ),
        progress,
        status,
        problems,
        footer,
    );
    return { element, progress, status, problems, footer };
}

async function uploadStudy(api: ApiClient, study: StudyGroup<File>, card: StudyCard, attachBox: AttachBox): Promise<void> {
    let done = 0;
    let stored = 0;
    let refused = 0;
    const total = study.bytes || 1;
    setText(card.status, { key: 'studies.upload.sending', params: { percent: 0 } });
    for (const batch of batches(study.files)) {
        const batchBytes = batch.reduce((sum, r) => sum + r.file.size, 0);
        try {
            const token = await api.accessToken();
            const answer = await sendStow('/dicom-web/studies', token, batch.map((r) => r.file), (sent, size) => {
                const value = done + (batchBytes * sent) / Math.max(size, 1);
                card.progress.value = value;
                setText(card.status, { key: 'studies.upload.sending', params: { percent: Math.min(100, Math.floor((100 * value) / total)) } });
            });
            for (const outcome of outcomesOf(batch, answer)) {
                if (outcome.stored) {
                    stored++;
                } else {
                    refused++;
                    card.problems.append(
                        h(
                            'li',
                            { class: 'file-problem', 'data-file': outcome.file.name },
                            `${displayPath(outcome.file)}: `,
                            msg('span', { key: failureKey(outcome.reason) }),
                        ),
                    );
                }
            }
        } catch (error) {
            refused += batch.length;
            const reason =
                error instanceof StowRequestFailed
                    ? error.status === 0
                        ? { key: 'error.unreachable' as const }
                        : error.status === 413
                          ? { key: 'error.tooLarge' as const }
                          : error.detail ?? { key: 'studies.upload.requestFailed' as const, params: { status: error.status } }
                    : errorMessage(error);
            card.problems.append(h('li', { class: 'file-problem' }, msg('span', { key: 'studies.upload.batchFailed', params: { count: batch.length } }), ' ', typeof reason === 'string' ? reason : msg('span', reason)));
        }
        done += batchBytes;
        card.progress.value = done;
    }
    card.progress.value = total;
    card.element.dataset.state = stored > 0 ? (refused > 0 ? 'partial' : 'stored') : 'failed';
    card.element.dataset.stored = String(stored);
    card.element.dataset.refused = String(refused);
    setText(
        card.status,
        stored === 0
            ? { key: 'studies.upload.allRefused' }
            : refused > 0
              ? { key: 'studies.upload.partial', params: { stored, refused } }
              : { key: 'studies.upload.done', params: { stored } },
    );
    if (stored > 0 && study.studyUid) {
        card.footer.append(attachBox(study.studyUid, 'studies.attach'));
    }
}

function pacsSection(api: ApiClient, track: Track, attachBox: AttachBox): HTMLElement {
    const box = h('div', { class: 'pacs-box' });
    const load = (): void => {
        pacsNodes(api).then(
            (nodes) => box.replaceChildren(nodes.length === 0 ? msg('p', { key: 'studies.pacs.none' }, { class: 'muted pacs-none' }) : pacsSearch(api, nodes, track, attachBox)),
            (error: unknown) => box.replaceChildren(failureNote(error)),
        );
    };
    load();
    return box;
}

function pacsSearch(api: ApiClient, nodes: readonly Pacs[], track: Track, attachBox: AttachBox): HTMLElement {
    const node = h('select', { name: 'pacs', id: 'pacs-node' }, ...nodes.map((n) => h('option', { value: n.id }, n.aeTitle)));
    const patientId = h('input', { type: 'text', name: 'PatientID', id: 'pacs-patient-id', maxlength: 64 });
    const patientName = h('input', { type: 'text', name: 'PatientName', id: 'pacs-patient-name', maxlength: 64 });
    const studyDate = h('input', { type: 'date', name: 'StudyDate', id: 'pacs-study-date' });
    const search = msg('button', { key: 'studies.pacs.search' }, { type: 'button', class: 'button button-secondary' });
    const results = h('div', { class: 'pacs-results', 'aria-live': 'polite' });
    search.addEventListener('click', () => {
        if (!patientId.value.trim() && !patientName.value.trim() && !studyDate.value) {
            results.replaceChildren(msg('p', { key: 'studies.pacs.needKey' }, { class: 'alert alert-error', role: 'alert' }));
            return;
        }
        search.disabled = true;
        results.replaceChildren(msg('p', { key: 'app.loading' }, { class: 'muted' }));
        findStudies(api, node.value, {
            PatientID: patientId.value.trim(),
            PatientName: patientName.value.trim(),
            StudyDate: studyDate.value.replace(/-/g, ''),
        })
            .then(
                (found) => results.replaceChildren(found.length === 0 ? msg('p', { key: 'studies.pacs.noResults' }, { class: 'muted' }) : remoteList(api, node.value, found, track, attachBox)),
                (error: unknown) => results.replaceChildren(failureNote(error)),
            )
            .finally(() => {
                search.disabled = false;
            });
    });
    const field = (key: 'studies.pacs.node' | 'studies.pacs.patientId' | 'studies.pacs.patientName' | 'studies.pacs.studyDate', control: HTMLElement): HTMLElement =>
        h('div', { class: 'field' }, msg('label', { key }, { for: control.id }), control);
    return h(
        'div',
        {},
        h(
            'div',
            { class: 'filters' },
            field('studies.pacs.node', node),
            field('studies.pacs.patientId', patientId),
            field('studies.pacs.patientName', patientName),
            field('studies.pacs.studyDate', studyDate),
        ),
        h('div', { class: 'actions' }, search),
        results,
    );
}

function remoteList(api: ApiClient, node: string, found: readonly RemoteStudy[], track: Track, attachBox: AttachBox): HTMLElement {
    return h(
        'ul',
        { class: 'remote-studies' },
        ...found.map((study) => {
            const pull = msg('button', { key: 'studies.pacs.pull' }, { type: 'button', class: 'button button-primary' });
            const progress = h('progress', { max: study.instances ?? 1, value: 0, hidden: true });
            const status = h('p', { class: 'study-status', role: 'status' });
            const li = h(
                'li',
                { class: 'card remote-study', 'data-study': study.studyUid },
                h('strong', {}, [study.modalities, study.description].filter(Boolean).join(' — ') || study.studyUid),
                h('span', { class: 'muted' }, [study.patientName, study.patientId, study.studyDate, study.instances ? `${study.instances}` : null].filter(Boolean).join(' · ')),
                h('div', { class: 'actions' }, pull),
                progress,
                status,
            );
            pull.addEventListener('click', () => {
                pull.disabled = true;
                progress.hidden = false;
                void track(async () => {
                    try {
                        let retrieval = await startRetrieval(api, node, study.studyUid);
                        const deadline = Date.now() + 10 * 60_000;
                        while (retrieval.state !== 'DONE' && retrieval.state !== 'FAILED' && Date.now() < deadline) {
                            if (retrieval.expected) {
                                progress.max = retrieval.expected;
                            }
                            progress.value = retrieval.received;
                            setText(status, { key: 'studies.pacs.progress', params: { received: retrieval.received, expected: retrieval.expected ?? '?' } });
                            await new Promise((resolve) => setTimeout(resolve, 1000));
                            retrieval = await retrievalProgress(api, retrieval.id);
                        }
                        progress.value = progress.max;
                        if (retrieval.state === 'DONE') {
                            setText(status, { key: 'studies.pacs.done', params: { received: retrieval.received } });
                            li.append(attachBox(study.studyUid, 'studies.attach'));
                        } else {
                            setText(status, retrieval.message ?? { key: 'studies.pacs.failed' });
                            pull.disabled = false;
                        }
                    } catch (error) {
                        setText(status, errorMessage(error));
                        pull.disabled = false;
                    }
                });
            });
            return li;
        }),
    );
}

/** Studies already in TeleConsult for this hospital (sent by its PACS over C-STORE, or uploaded before). */
function storeSection(api: ApiClient, attachBox: AttachBox): HTMLElement {
    const patientId = h('input', { type: 'text', name: 'store-patient-id', id: 'store-patient-id', maxlength: 64 });
    const patientName = h('input', { type: 'text', name: 'store-patient-name', id: 'store-patient-name', maxlength: 64 });
    const search = msg('button', { key: 'studies.pacs.search' }, { type: 'button', class: 'button button-secondary' });
    const results = h('div', { class: 'store-results', 'aria-live': 'polite' });
    search.addEventListener('click', () => {
        if (!patientId.value.trim() && !patientName.value.trim()) {
            results.replaceChildren(msg('p', { key: 'studies.store.needKey' }, { class: 'alert alert-error', role: 'alert' }));
            return;
        }
        search.disabled = true;
        storedStudies(api, { PatientID: patientId.value.trim(), PatientName: patientName.value.trim() })
            .then(
                (found) =>
                    results.replaceChildren(
                        found.length === 0
                            ? msg('p', { key: 'studies.pacs.noResults' }, { class: 'muted' })
                            : h(
                                  'ul',
                                  { class: 'remote-studies' },
                                  ...found.map((study) =>
                                      h(
                                          'li',
                                          { class: 'card stored-study', 'data-study': study.studyUid },
                                          h('strong', {}, [study.modalities.join('/'), study.description].filter(Boolean).join(' — ') || study.studyUid),
                                          h('span', { class: 'muted' }, [study.patientName, study.patientId, study.studyDate, study.instances].filter((v) => v !== null && v !== '').join(' · ')),
                                          attachBox(study.studyUid, 'studies.attach'),
                                      ),
                                  ),
                              ),
                    ),
                (error: unknown) => results.replaceChildren(failureNote(error)),
            )
            .finally(() => {
                search.disabled = false;
            });
    });
    return h(
        'div',
        {},
        msg('p', { key: 'studies.store.intro' }, { class: 'muted' }),
        h(
            'div',
            { class: 'filters' },
            h('div', { class: 'field' }, msg('label', { key: 'studies.pacs.patientId' }, { for: patientId.id }), patientId),
            h('div', { class: 'field' }, msg('label', { key: 'studies.pacs.patientName' }, { for: patientName.id }), patientName),
        ),
        h('div', { class: 'actions' }, search),
        results,
    );
}
