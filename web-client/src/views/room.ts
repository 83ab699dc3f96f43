// The consult room (#/consults/:id/room): the participants' video beside the shared DICOM viewer. Joining asks the
// consult workflow for the session (video grant path, review socket path); the review socket carries the presenter's
// view to everyone and tells when images of the study arrive.
import { ApiError, type ApiClient, type Me } from '../api';
import { h, msg, setAttrText, setText } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import { onLocaleChange, t, type MessageKey } from '../i18n';
import { ReviewConnection, type Floor, type ReviewStatus, type ReviewStudy } from '../room/review';
import { mediaControls, removeTile, showTile } from '../room/media-controls';
import { VideoRoom, type VideoStatus } from '../room/video';
import { StudyViewer, type ViewerTool } from '../room/viewer';
import { WINDOW_PRESETS, type ViewState, type WindowPreset } from '../room/view-state';
import { createLoadingView } from './status';

interface JoinView {
    readonly consultId: string;
    readonly roomId: string;
    readonly grantPath: string;
    readonly reviewSocketPath: string;
    readonly studyUids: readonly string[];
    readonly role: string;
}

/** How often the presenter's changes go out at most (the server takes 60 messages a second). */
const SEND_INTERVAL_MS = 50;
/** A series whose image count grew this recently shows as still arriving. */
const ARRIVING_MS = 3_000;

function button(key: MessageKey, attrs: Record<string, string> = {}): HTMLButtonElement {
    return msg('button', { key }, { type: 'button', class: 'button button-secondary', ...attrs });
}

export function createRoomView(api: ApiClient, me: Me, consultId: string): HTMLElement {
    const page = h('section', { class: 'page room-page', 'data-consult-id': consultId });
    const status = h('div', { class: 'room-status', role: 'status', 'aria-live': 'polite' });
    const alert = h('div', { class: 'alert alert-error room-alert', role: 'alert', hidden: true });
    const title = msg('h1', { key: 'room.title' });
    page.append(h('div', { class: 'room-head' }, title, status), alert, createLoadingView());

    const showAlert = (message: UserMessage | null): void => {
        alert.hidden = message === null;
        if (message !== null) {
            setText(alert, message);
        }
    };

    const open = async (): Promise<void> => {
        let join: JoinView;
        try {
            join = (await api.getJson(`/api/consults/${encodeURIComponent(consultId)}/session/join`)) as JoinView;
        } catch (error) {
            if (!(error instanceof ApiError)) {
                console.error('Joining the consult room failed', error);
            }
            page.lastElementChild?.remove();
            page.append(notJoined(api, me, consultId, error, () => void open()));
            return;
        }
        page.lastElementChild?.remove();
        page.append(new Room(api, join, page, status, showAlert, await participantRoles(api, consultId)).element);
    };
    void open();
    return page;
}

/** Who is who in the consult (user id → role), to label video tiles and the presenter; empty when unknown. */
async function participantRoles(api: ApiClient, consultId: string): Promise<Map<string, MessageKey>> {
    const roles = new Map<string, MessageKey>();
    try {
        const consult = (await api.getJson(`/api/consults/${encodeURIComponent(consultId)}`)) as Record<string, unknown>;
        const put = (id: unknown, key: MessageKey): void => {
            if (typeof id === 'string') {
                roles.set(id, key);
            }
        };
        put(consult.coordinatorId, 'role.COORDINATOR');
        put(consult.requesterId, 'role.SATELLITE_DOCTOR');
        put(consult.specialistId, 'role.HUB_SPECIALIST');
    } catch {
        // Tiles then show no role: the room works without it.
    }
    return roles;
}

/** Why the room cannot open, with what the user can do: retry, or start the session (hub roles). */
function notJoined(api: ApiClient, me: Me, consultId: string, error: unknown, retry: () => void): HTMLElement {
    const box = h('div', { class: 'status-page room-closed' });
    const notRunning = error instanceof ApiError && error.kind === 'conflict';
    const forbidden = error instanceof ApiError && (error.kind === 'forbidden' || error.kind === 'notFound');
    const message: UserMessage = notRunning
        ? { key: 'room.notRunning' }
        : forbidden
          ? { key: 'room.forbidden' }
          : errorMessage(error);
    box.append(msg('div', message, { class: 'alert alert-error', role: 'alert' }));
    const retryButton = msg('button', { key: 'app.retry' }, { type: 'button', class: 'button button-secondary' });
    retryButton.addEventListener('click', () => {
        box.remove();
        retry();
    });
    box.append(retryButton);
    if (notRunning && me.roles.some((r) => r === 'COORDINATOR' || r === 'HUB_SPECIALIST')) {
        const start = msg('button', { key: 'room.start' }, { type: 'button', class: 'button button-primary room-start' });
        start.addEventListener('click', () => {
            start.disabled = true;
            api.postJson(`/api/consults/${encodeURIComponent(consultId)}/session/start`, {}).then(
                () => {
                    box.remove();
                    retry();
                },
                (startError: unknown) => {
                    start.disabled = false;
                    box.firstElementChild?.replaceWith(msg('div', errorMessage(startError), { class: 'alert alert-error', role: 'alert' }));
                },
            );
        });
        box.append(start);
    }
    return box;
}

class Room {
    readonly element: HTMLElement;
    private readonly viewportElement: HTMLDivElement;
    private readonly seriesList: HTMLElement;
    private readonly videos: HTMLElement;
    private readonly floorText: HTMLElement;
    private readonly takeControl: HTMLButtonElement;
    private readonly handover: HTMLElement;
    private readonly toolbar: HTMLElement;
    private readonly videoStatus: HTMLElement;
    private readonly reviewStatus: HTMLElement;
    private viewer: StudyViewer | null = null;
    private review: ReviewConnection | null = null;
    private video: VideoRoom | null = null;
    private you = '';
    private floor: Floor = { presenter: null, handoverTo: null, members: [] };
    private studies = new Map<string, ReviewStudy>();
    private readonly arrivedAt = new Map<string, number>();
    private pendingView: ViewState | null = null;
    private applyingView: Promise<void> = Promise.resolve();
    private sendTimer: ReturnType<typeof setTimeout> | null = null;
    private lastSent = 0;
    private readonly closed: Array<() => void> = [];
    private left = false;

    constructor(
        private readonly api: ApiClient,
        private readonly join: JoinView,
        private readonly page: HTMLElement,
        status: HTMLElement,
        private readonly showAlert: (message: UserMessage | null) => void,
        private readonly roles: Map<string, MessageKey>,
    ) {
        this.videoStatus = h('span', { class: 'chip room-video-status' });
        this.reviewStatus = h('span', { class: 'chip room-review-status' });
        status.replaceChildren(this.videoStatus, this.reviewStatus);
        this.viewportElement = h('div', { class: 'room-viewport', 'data-image-index': '', tabindex: '0' });
        this.viewportElement.addEventListener('contextmenu', (event) => event.preventDefault());
        this.seriesList = h('ul', { class: 'room-series' });
        this.videos = h('div', { class: 'room-videos' });
        this.floorText = h('span', { class: 'room-floor' });
        this.takeControl = button('room.takeControl', { class: 'button button-primary room-take-control' });
        this.takeControl.addEventListener('click', () => {
            this.review?.requestPresenter();
            this.takeControl.disabled = true;
        });
        this.handover = h('div', { class: 'room-handover', hidden: true });
        this.toolbar = this.createToolbar();
        const leave = button('room.leave', { class: 'button button-danger room-leave' });
        leave.addEventListener('click', () => {
            this.leave();
            window.location.hash = `#/`;
        });
        this.element = h(
            'div',
            { class: 'room-layout' },
            h(
                'div',
                { class: 'room-imaging' },
                h('div', { class: 'room-floor-bar' }, this.floorText, this.takeControl, this.handover),
                this.toolbar,
                h('div', { class: 'room-imaging-body' }, h('nav', { class: 'room-series-panel' }, msg('h2', { key: 'room.series' }), this.seriesList), this.viewportElement),
            ),
            h(
                'aside',
                { class: 'room-side' },
                this.videos,
                mediaControls(() => this.video, leave, { screenShare: true, shareFailed: () => this.showAlert({ key: 'room.shareFailed' }) }),
            ),
        );
        this.setVideoStatus('connecting');
        this.setReviewStatus('connecting');
        this.renderFloor();
        // Start once the layout is in the document (the viewport needs its size).
        requestAnimationFrame(() => void this.start());
        // The shell replaces the page on navigation without telling it: leave when we are no longer shown.
        const watch = setInterval(() => {
            if (!this.page.isConnected) {
                clearInterval(watch);
                this.leave();
            }
        }, 1000);
        this.closed.push(() => clearInterval(watch));
        const stopLocale = onLocaleChange(() => this.renderFloor());
        this.closed.push(() => void stopLocale());
        const unload = (): void => this.leave();
        window.addEventListener('pagehide', unload);
        this.closed.push(() => window.removeEventListener('pagehide', unload));
    }

    private async start(): Promise<void> {
        StudyViewer.setTextPrompt(() => window.prompt(t('room.textPrompt')));
        try {
            this.viewer = await StudyViewer.create(this.api, this.viewportElement, () => this.scheduleSend());
        } catch {
            this.showAlert({ key: 'room.viewerFailed' });
        }
        this.review = new ReviewConnection(
            this.join.reviewSocketPath,
            (refused) => (refused === undefined ? this.api.accessToken() : this.api.renewAccessToken(refused)),
            {
            status: (s) => this.setReviewStatus(s),
            snapshot: (you, floor, studies, view) => {
                this.you = you;
                this.studies = new Map(studies.map((s) => [s.studyUid, s]));
                this.setFloor(floor);
                this.renderSeries();
                void this.afterSnapshot(view);
            },
            view: (view) => {
                if (!this.presenting()) {
                    this.queueApply(view);
                }
            },
            study: (study) => this.onStudy(study),
            floor: (floor) => this.setFloor(floor),
            refused: (code) => this.onRefused(code),
            },
        );
        this.review.start();
        this.video = new VideoRoom(this.api, this.join.grantPath, {
            status: (s) => this.setVideoStatus(s),
            // Janus knows user ids only: tiles are named by the person's part in the consult.
            tile: (id, display, video, local) =>
                showTile(this.videos, id, { key: this.roles.get(display) ?? 'room.participant' }, video, local),
            tileGone: (id) => removeTile(this.videos, id),
        });
        void this.video.start();
    }

    /** A (re)connection: show the presenter's current view, or the first series when nobody has shown anything yet. */
    private async afterSnapshot(view: ViewState | null): Promise<void> {
        if (view) {
            this.queueApply(view);
            return;
        }
        if (!this.viewer || this.viewer.series) {
            return;
        }
        const firstStudy = [...this.studies.values()].find((s) => s.series.some((se) => se.instances > 0));
        const firstSeries = firstStudy?.series.find((se) => se.instances > 0);
        if (firstStudy && firstSeries) {
            await this.openSeries(firstStudy.studyUid, firstSeries.seriesUid);
        }
    }

    private presenting(): boolean {
        return this.you !== '' && this.floor.presenter === this.you;
    }

    /** Views are applied one after the other; only the newest waiting one is applied next. */
    private queueApply(view: ViewState): void {
        this.pendingView = view;
        this.applyingView = this.applyingView.then(async () => {
            const next = this.pendingView;
            this.pendingView = null;
            if (!next || !this.viewer) {
                return;
            }
            try {
                await this.viewer.apply(next);
                this.markSelectedSeries();
            } catch {
                this.showAlert({ key: 'room.imageFailed' });
            }
        });
    }

    private scheduleSend(): void {
        if (!this.presenting() || this.sendTimer) {
            return;
        }
        const wait = Math.max(0, this.lastSent + SEND_INTERVAL_MS - Date.now());
        this.sendTimer = setTimeout(() => {
            this.sendTimer = null;
            this.lastSent = Date.now();
            const state = this.viewer?.current();
            if (state && this.presenting()) {
                this.review?.sendView(state);
            }
        }, wait);
    }

    private setFloor(floor: Floor): void {
        const wasPresenting = this.presenting();
        this.floor = floor;
        this.viewer?.setInteractive(this.presenting());
        this.renderFloor();
        if (this.presenting() && !wasPresenting) {
            // The new presenter starts from what everyone sees now, and says so.
            this.scheduleSend();
        }
    }

    private renderFloor(): void {
        const presenting = this.presenting();
        if (presenting) {
            setText(this.floorText, { key: 'room.floor.you' });
        } else if (this.floor.presenter) {
            const role = this.roles.get(this.floor.presenter);
            setText(this.floorText, { key: 'room.floor.other', params: { who: role ? t(role) : t('room.participant') } });
        } else {
            setText(this.floorText, { key: 'room.floor.nobody' });
        }
        this.page.dataset.presenting = String(presenting);
        this.takeControl.hidden = presenting;
        this.takeControl.disabled = this.floor.handoverTo === this.you && this.you !== '';
        this.toolbar.classList.toggle('room-toolbar-disabled', !presenting);
        this.toolbar.querySelectorAll('button, select').forEach((el) => ((el as HTMLButtonElement).disabled = !presenting));
        this.markSelectedSeries();
        this.handover.replaceChildren();
        this.handover.hidden = true;
        if (presenting && this.floor.handoverTo) {
            const asking = this.floor.handoverTo;
            const give = button('room.handover.give', { class: 'button button-primary room-give' });
            give.addEventListener('click', () => this.review?.grantPresenter(asking));
            const decline = button('room.handover.decline', { class: 'button button-secondary room-decline' });
            decline.addEventListener('click', () => this.review?.declinePresenter());
            this.handover.append(msg('span', { key: 'room.handover.asked' }), give, decline);
            this.handover.hidden = false;
        } else if (!presenting && this.floor.handoverTo === this.you && this.you !== '') {
            this.handover.append(msg('span', { key: 'room.handover.waiting' }));
            this.handover.hidden = false;
        }
    }

    private createToolbar(): HTMLElement {
        const bar = h('div', { class: 'room-toolbar', role: 'toolbar' });
        setAttrText(bar, 'aria-label', { key: 'room.tools' });
        const tools: Array<[ViewerTool, MessageKey]> = [
            ['windowLevel', 'room.tool.windowLevel'],
            ['pan', 'room.tool.pan'],
            ['zoom', 'room.tool.zoom'],
            ['length', 'room.tool.length'],
            ['arrow', 'room.tool.arrow'],
            ['text', 'room.tool.text'],
        ];
        for (const [tool, key] of tools) {
            const b = button(key, { 'data-tool': tool, 'aria-pressed': String(tool === 'windowLevel') });
            b.addEventListener('click', () => {
                this.viewer?.selectTool(tool);
                bar.querySelectorAll('[data-tool]').forEach((el) => el.setAttribute('aria-pressed', String(el === b)));
            });
            bar.append(b);
        }
        const preset = h('select', { class: 'room-preset', name: 'preset' });
        setAttrText(preset, 'aria-label', { key: 'room.preset' });
        preset.append(msg('option', { key: 'room.preset' }, { value: '' }));
        for (const name of Object.keys(WINDOW_PRESETS) as WindowPreset[]) {
            preset.append(msg('option', { key: `room.preset.${name}` as MessageKey }, { value: name }));
        }
        preset.addEventListener('change', () => {
            const chosen = WINDOW_PRESETS[preset.value as WindowPreset];
            if (chosen) {
                this.viewer?.setWindow(chosen.center, chosen.width);
            }
            preset.value = '';
        });
        const reset = button('room.tool.reset', { class: 'button button-secondary room-reset' });
        reset.addEventListener('click', () => this.viewer?.resetView());
        bar.append(preset, reset);
        return bar;
    }

    private onStudy(study: ReviewStudy): void {
        const before = this.studies.get(study.studyUid);
        const now = Date.now();
        for (const series of study.series) {
            const old = before?.series.find((s) => s.seriesUid === series.seriesUid);
            if (!old || old.instances < series.instances) {
                this.arrivedAt.set(series.seriesUid, now);
            }
        }
        this.studies.set(study.studyUid, study);
        this.renderSeries();
        setTimeout(() => this.renderSeries(), ARRIVING_MS + 100);
        const viewer = this.viewer;
        if (viewer && viewer.study === study.studyUid && study.series.some((s) => s.seriesUid === viewer.series)) {
            void viewer.refreshSeries().catch(() => undefined);
        } else if (viewer && !viewer.series) {
            void this.afterSnapshot(null);
        }
    }

    private renderSeries(): void {
        const items: HTMLElement[] = [];
        for (const study of this.studies.values()) {
            for (const series of study.series) {
                items.push(this.seriesItem(study.studyUid, series.seriesUid, series.modality, series.seriesNumber, series.instances, series.firstInstanceUid));
            }
        }
        if (items.length === 0) {
            items.push(msg('li', { key: 'room.noImages' }, { class: 'muted' }));
        }
        this.seriesList.replaceChildren(...items);
        this.markSelectedSeries();
    }

    private readonly thumbnails = new Map<string, Promise<string | null>>();

    private seriesItem(
        studyUid: string,
        seriesUid: string,
        modality: string | undefined,
        number: number | undefined,
        instances: number,
        firstInstanceUid: string | undefined,
    ): HTMLElement {
        const arriving = Date.now() - (this.arrivedAt.get(seriesUid) ?? 0) < ARRIVING_MS;
        const image = h('img', { class: 'room-thumb', alt: '' });
        if (firstInstanceUid) {
            let url = this.thumbnails.get(seriesUid);
            if (!url) {
                url = this.api
                    .getBlob(`/dicom-web/studies/${studyUid}/series/${seriesUid}/instances/${firstInstanceUid}/thumbnail`, 'image/jpeg, image/png, image/*')
                    .then((blob) => URL.createObjectURL(blob), () => null);
                this.thumbnails.set(seriesUid, url);
            }
            void url.then((src) => {
                if (src) {
                    image.src = src;
                }
            });
        }
        const select = h(
            'button',
            { type: 'button', class: 'room-series-item', 'data-series-uid': seriesUid, 'data-instances': String(instances) },
            image,
            h(
                'span',
                { class: 'room-series-text' },
                h('strong', {}, `${modality ?? ''} ${number ?? ''}`.trim() || '—'),
                msg('span', { key: 'room.images', params: { count: instances } }, { class: 'muted' }),
                arriving
                    ? h('span', { class: 'room-series-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), msg('span', { key: 'room.arriving' }))
                    : null,
            ),
        );
        select.addEventListener('click', () => {
            if (this.presenting()) {
                void this.openSeries(studyUid, seriesUid).then(() => this.scheduleSend());
            }
        });
        return h('li', {}, select);
    }

    private async openSeries(studyUid: string, seriesUid: string): Promise<void> {
        const viewer = this.viewer;
        if (!viewer) {
            return;
        }
        this.viewportElement.setAttribute('aria-busy', 'true');
        try {
            await viewer.showSeries(studyUid, seriesUid, 0);
            this.markSelectedSeries();
        } catch {
            this.showAlert({ key: 'room.imageFailed' });
        } finally {
            this.viewportElement.removeAttribute('aria-busy');
        }
    }

    private markSelectedSeries(): void {
        const current = this.viewer?.series;
        const presenting = this.presenting();
        this.seriesList.querySelectorAll<HTMLButtonElement>('.room-series-item').forEach((el) => {
            el.setAttribute('aria-current', String(el.dataset.seriesUid === current));
            el.disabled = !presenting;
        });
    }

    private onRefused(code: string): void {
        if (code === 'not-presenter') {
            this.showAlert({ key: 'room.error.notPresenter' });
        } else if (code === 'too-fast') {
            // A burst of moves: the next change sends the whole state again.
        } else {
            this.showAlert({ key: 'room.error.refused' });
        }
    }

    private setVideoStatus(s: VideoStatus): void {
        this.videoStatus.dataset.state = s;
        setText(this.videoStatus, { key: `room.video.${s}` as MessageKey });
        if (s === 'noCamera') {
            this.showAlert({ key: 'room.noCamera' });
        } else if (s === 'forbidden') {
            this.showAlert({ key: 'room.forbidden' });
        }
    }

    private setReviewStatus(s: ReviewStatus): void {
        this.reviewStatus.dataset.state = s;
        setText(this.reviewStatus, { key: `room.review.${s}` as MessageKey });
        if (s === 'forbidden' || s === 'unauthorized') {
            this.showAlert({ key: 'room.forbidden' });
        } else if (s === 'lost') {
            this.showAlert({ key: 'room.socketLost' });
        } else if (s === 'open') {
            this.showAlert(null);
        }
    }

    leave(): void {
        if (this.left) {
            return;
        }
        this.left = true;
        this.closed.splice(0).forEach((close) => close());
        if (this.sendTimer) {
            clearTimeout(this.sendTimer);
        }
        this.review?.stop();
        this.video?.leave();
        this.viewer?.destroy();
        for (const url of this.thumbnails.values()) {
            void url.then((src) => src && URL.revokeObjectURL(src));
        }
    }
}
