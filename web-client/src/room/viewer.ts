// The DICOM viewer of the consult room: one Cornerstone3D stack viewport fed with WADO-RS frames (uncompressed, with
// the bearer token), the interaction tools (window/level, pan, zoom, stack scroll, length, arrow, text), and the
// conversion between what the viewport shows and the shared viewing state of the review session.
import {
    Enums,
    RenderingEngine,
    eventTarget,
    init as coreInit,
    utilities,
    type StackViewport,
    type Types,
} from '@cornerstonejs/core';
import {
    ArrowAnnotateTool,
    Enums as ToolEnums,
    LabelTool,
    LengthTool,
    PanTool,
    StackScrollTool,
    ToolGroupManager,
    WindowLevelTool,
    ZoomTool,
    addTool,
    annotation as annotationApi,
    init as toolsInit,
    type Types as ToolTypes,
} from '@cornerstonejs/tools';
import { init as loaderInit, wadors } from '@cornerstonejs/dicom-image-loader';
import type { ApiClient } from '../api';
import { normalizeView, type Annotation, type Point, type ViewState } from './view-state';

export type ViewerTool = 'windowLevel' | 'pan' | 'zoom' | 'length' | 'arrow' | 'text';

const TOOL_NAMES: Record<ViewerTool, string> = {
    windowLevel: WindowLevelTool.toolName,
    pan: PanTool.toolName,
    zoom: ZoomTool.toolName,
    length: LengthTool.toolName,
    arrow: ArrowAnnotateTool.toolName,
    text: LabelTool.toolName,
};

/** A DICOM JSON attribute's first value. */
function first(instance: Record<string, { Value?: unknown[] }>, tag: string): unknown {
    return instance[tag]?.Value?.[0];
}

let initialized: Promise<void> | null = null;
let tokenSource: (() => Promise<string>) | null = null;
let askText: () => string | null = () => null;

/** Cornerstone is set up once per page: core, tools, and the WADO-RS loader that sends the current bearer token. */
function initCornerstone(api: ApiClient): Promise<void> {
    tokenSource = () => api.accessToken();
    initialized ??= (async () => {
        await coreInit();
        toolsInit();
        loaderInit({
            maxWebWorkers: 1,
            useLegacyMetadataProvider: true,
            beforeSend: async () => ({ Authorization: `Bearer ${tokenSource ? await tokenSource() : ''}` }),
        });
        for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, LengthTool, ArrowAnnotateTool, LabelTool]) {
            addTool(tool);
        }
    })();
    return initialized;
}

let nextId = 0;

/** One stack viewport inside a given element; tells its owner when the user changed what is shown. */
export class StudyViewer {
    private readonly engine: RenderingEngine;
    private readonly viewportId: string;
    private readonly toolGroupId: string;
    private viewport: StackViewport | null = null;
    private studyUid = '';
    private seriesUid = '';
    private imageIds: string[] = [];
    private interactive = false;
    private tool: ViewerTool = 'windowLevel';
    /** While a remote state is applied, viewport events are not the user's doing. */
    private applying = 0;
    private readonly listeners: Array<() => void> = [];

    private constructor(
        private readonly api: ApiClient,
        readonly element: HTMLDivElement,
        private readonly onUserChange: () => void,
    ) {
        nextId += 1;
        this.engine = new RenderingEngine(`room-engine-${nextId}`);
        this.viewportId = `room-viewport-${nextId}`;
        this.toolGroupId = `room-tools-${nextId}`;
    }

    /** Creates the viewer in element (which must have its size already). */
    static async create(api: ApiClient, element: HTMLDivElement, onUserChange: () => void): Promise<StudyViewer> {
        await initCornerstone(api);
        const viewer = new StudyViewer(api, element, onUserChange);
        viewer.enable();
        return viewer;
    }

    /** Text for a new text annotation (the page asks the user). */
    static setTextPrompt(prompt: () => string | null): void {
        askText = prompt;
    }

    private enable(): void {
        this.engine.enableElement({ viewportId: this.viewportId, type: Enums.ViewportType.STACK, element: this.element });
        this.viewport = this.engine.getViewport(this.viewportId) as StackViewport;
        const group = ToolGroupManager.createToolGroup(this.toolGroupId);
        if (!group) {
            throw new Error('tool group');
        }
        group.addTool(WindowLevelTool.toolName);
        group.addTool(PanTool.toolName);
        group.addTool(ZoomTool.toolName);
        group.addTool(StackScrollTool.toolName);
        group.addTool(LengthTool.toolName);
        group.addTool(ArrowAnnotateTool.toolName, {
            getTextCallback: (done: (text: string) => void) => done(' '),
            changeTextCallback: (_data: unknown, _event: unknown, done: (text: string) => void) => done(' '),
        });
        group.addTool(LabelTool.toolName, {
            getTextCallback: (done: (text: string | null) => void) => done(askText()),
            changeTextCallback: (_data: unknown, _event: unknown, done: (text: string | null) => void) => done(askText()),
        });
        group.addViewport(this.viewportId, this.engine.id);
        this.setInteractive(false);

        const changed = (): void => {
            this.publishAttributes();
            if (this.applying === 0 && this.interactive) {
                this.onUserChange();
            }
        };
        const rendered = (): void => this.publishAttributes();
        this.on(this.element, Enums.Events.STACK_NEW_IMAGE, changed);
        this.on(this.element, Enums.Events.VOI_MODIFIED, changed);
        this.on(this.element, Enums.Events.CAMERA_MODIFIED, changed);
        this.on(this.element, Enums.Events.IMAGE_RENDERED, rendered);
        for (const event of [
            ToolEnums.Events.ANNOTATION_COMPLETED,
            ToolEnums.Events.ANNOTATION_MODIFIED,
            ToolEnums.Events.ANNOTATION_REMOVED,
        ]) {
            this.on(eventTarget as unknown as EventTarget, event, changed);
        }
        const observer = new ResizeObserver(() => this.engine.resize(true, true));
        observer.observe(this.element);
        this.listeners.push(() => observer.disconnect());
    }

    private on(target: EventTarget, event: string, listener: () => void): void {
        target.addEventListener(event, listener);
        this.listeners.push(() => target.removeEventListener(event, listener));
    }

    /** Only the presenter drives the viewer; followers see the presenter's view. */
    setInteractive(interactive: boolean): void {
        this.interactive = interactive;
        const group = ToolGroupManager.getToolGroup(this.toolGroupId);
        if (!group) {
            return;
        }
        const primary = [{ mouseButton: ToolEnums.MouseBindings.Primary }];
        for (const name of Object.values(TOOL_NAMES)) {
            group.setToolPassive(name);
        }
        group.setToolDisabled(StackScrollTool.toolName);
        if (!interactive) {
            for (const name of Object.values(TOOL_NAMES)) {
                group.setToolEnabled(name);
            }
            this.element.dataset.interactive = 'false';
            return;
        }
        group.setToolActive(TOOL_NAMES[this.tool], { bindings: primary });
        if (this.tool !== 'pan') {
            group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
        }
        if (this.tool !== 'zoom') {
            group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
        }
        group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
        this.element.dataset.interactive = 'true';
    }

    selectTool(tool: ViewerTool): void {
        this.tool = tool;
        this.setInteractive(this.interactive);
    }

    /** Shows a series from its WADO-RS metadata (instances sorted by instance number), at the given image. */
    async showSeries(studyUid: string, seriesUid: string, index = 0): Promise<void> {
        const ids = await this.loadImageIds(studyUid, seriesUid);
        this.studyUid = studyUid;
        this.seriesUid = seriesUid;
        this.imageIds = ids;
        this.element.dataset.seriesUid = seriesUid;
        this.element.dataset.imageCount = String(ids.length);
        if (ids.length === 0) {
            return;
        }
        this.applying++;
        try {
            await this.viewportOrThrow().setStack(ids, Math.min(index, ids.length - 1));
            this.viewportOrThrow().render();
        } finally {
            this.applying--;
        }
    }

    /** Takes in instances that arrived since the series was shown; keeps image, window, zoom and pan. */
    async refreshSeries(): Promise<void> {
        if (!this.seriesUid) {
            return;
        }
        const ids = await this.loadImageIds(this.studyUid, this.seriesUid);
        if (ids.length <= this.imageIds.length) {
            return;
        }
        const before = this.current();
        const viewport = this.viewportOrThrow();
        const camera = viewport.getCamera();
        this.imageIds = ids;
        this.element.dataset.imageCount = String(ids.length);
        this.applying++;
        try {
            await viewport.setStack(ids, Math.min(before?.imageIndex ?? 0, ids.length - 1));
            viewport.setCamera(camera);
            if (before?.window) {
                viewport.setProperties({ voiRange: utilities.windowLevel.toLowHighRange(before.window.width, before.window.center) });
            }
            viewport.render();
        } finally {
            this.applying--;
        }
    }

    get series(): string {
        return this.seriesUid;
    }

    get study(): string {
        return this.studyUid;
    }

    get imageCount(): number {
        return this.imageIds.length;
    }

    private async loadImageIds(studyUid: string, seriesUid: string): Promise<string[]> {
        const base = `${window.location.origin}/dicom-web/studies/${studyUid}/series/${seriesUid}`;
        const metadata = (await this.api.getJson(`/dicom-web/studies/${studyUid}/series/${seriesUid}/metadata`)) as Array<
            Record<string, { Value?: unknown[] }>
        >;
        const sorted = [...metadata].sort(
            (a, b) => Number(first(a, '00200013') ?? 0) - Number(first(b, '00200013') ?? 0),
        );
        return sorted.map((instance) => {
            const sop = String(first(instance, '00080018'));
            const imageId = `wadors:${base}/instances/${sop}/frames/1`;
            wadors.metaDataManager.add(imageId, instance as never);
            return imageId;
        });
    }

    private viewportOrThrow(): StackViewport {
        if (!this.viewport) {
            throw new Error('viewer not enabled');
        }
        return this.viewport;
    }

    /** The viewing state as shown now, in the protocol's units; null before a series shows. */
    current(): ViewState | null {
        const viewport = this.viewport;
        if (!viewport || this.imageIds.length === 0 || !viewport.getCurrentImageId()) {
            return null;
        }
        const voi = viewport.getProperties().voiRange;
        const wl = voi ? utilities.windowLevel.toWindowLevel(voi.lower, voi.upper) : null;
        const pan = viewport.getPan();
        return normalizeView({
            studyUid: this.studyUid,
            seriesUid: this.seriesUid,
            imageIndex: viewport.getCurrentImageIdIndex(),
            window: wl ? { center: wl.windowCenter, width: wl.windowWidth } : undefined,
            zoom: viewport.getZoom(),
            pan: { x: pan[0], y: pan[1] },
            annotations: this.localAnnotations(),
        });
    }

    /** Shows a state from the presenter: series, image, window, zoom/pan and annotations. */
    async apply(state: ViewState): Promise<void> {
        this.applying++;
        try {
            if (state.seriesUid && (state.seriesUid !== this.seriesUid || state.studyUid !== this.studyUid)) {
                await this.showSeries(state.studyUid, state.seriesUid, state.imageIndex);
            }
            const viewport = this.viewport;
            if (!viewport || this.imageIds.length === 0) {
                return;
            }
            if (state.imageIndex >= this.imageIds.length) {
                // The presenter already has images that have not reached us yet: look again.
                await this.refreshSeries();
            }
            const index = Math.min(state.imageIndex, this.imageIds.length - 1);
            if (viewport.getCurrentImageIdIndex() !== index) {
                await viewport.setImageIdIndex(index);
            }
            if (state.window) {
                viewport.setProperties({
                    voiRange: utilities.windowLevel.toLowHighRange(state.window.width, state.window.center),
                });
            }
            if (state.zoom !== undefined) {
                viewport.setZoom(state.zoom);
            }
            if (state.pan) {
                viewport.setPan([state.pan.x, state.pan.y]);
            }
            this.replaceAnnotations(state.annotations ?? []);
            viewport.render();
            this.publishAttributes();
        } finally {
            this.applying--;
        }
    }

    setWindow(center: number, width: number): void {
        const viewport = this.viewportOrThrow();
        viewport.setProperties({ voiRange: utilities.windowLevel.toLowHighRange(width, center) });
        viewport.render();
    }

    async scrollTo(index: number): Promise<void> {
        const viewport = this.viewportOrThrow();
        await viewport.setImageIdIndex(Math.max(0, Math.min(index, this.imageIds.length - 1)));
    }

    resetView(): void {
        const viewport = this.viewportOrThrow();
        viewport.resetCamera();
        viewport.resetProperties();
        viewport.render();
    }

    /** What the test and assistive tools read: the image and window actually rendered. */
    private publishAttributes(): void {
        const state = this.current();
        if (!state) {
            return;
        }
        const data = this.element.dataset;
        data.imageIndex = String(state.imageIndex);
        data.windowCenter = state.window ? String(Math.round(state.window.center)) : '';
        data.windowWidth = state.window ? String(Math.round(state.window.width)) : '';
        data.zoom = String(state.zoom ?? 1);
        data.annotations = String(state.annotations?.length ?? 0);
        data.renderedAt = String(Date.now());
    }

    private annotationsOfCurrentImage(): ToolTypes.Annotation[] {
        const imageId = this.viewport?.getCurrentImageId();
        const all = annotationApi.state.getAllAnnotations() as ToolTypes.Annotation[];
        return all.filter((a) => a.metadata?.referencedImageId === imageId);
    }

    private toImage(world: Types.Point3): Point {
        const imageId = this.viewport?.getCurrentImageId() ?? '';
        const [x, y] = utilities.worldToImageCoords(imageId, world) ?? [0, 0];
        return { x, y };
    }

    private toWorld(point: Point): Types.Point3 {
        const imageId = this.viewport?.getCurrentImageId() ?? '';
        return utilities.imageToWorldCoords(imageId, [point.x, point.y]) ?? [0, 0, 0];
    }

    private localAnnotations(): Annotation[] {
        const result: Annotation[] = [];
        for (const a of this.annotationsOfCurrentImage()) {
            const points = (a.data.handles?.points ?? []) as Types.Point3[];
            const id = (a.annotationUID ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || undefined;
            const tool = a.metadata?.toolName;
            const p0 = points[0];
            const p1 = points[1];
            if (tool === LengthTool.toolName && p0 && p1) {
                const stats = Object.values((a.data as { cachedStats?: Record<string, { length?: number }> }).cachedStats ?? {});
                result.push({ kind: 'line', id, from: this.toImage(p0), to: this.toImage(p1), lengthMm: stats[0]?.length ?? 0 });
            } else if (tool === ArrowAnnotateTool.toolName && p0 && p1) {
                result.push({ kind: 'arrow', id, from: this.toImage(p1), to: this.toImage(p0) });
            } else if (tool === LabelTool.toolName && p0) {
                const text = String((a.data as { label?: string }).label ?? '');
                result.push({ kind: 'text', id, at: this.toImage(p0), text });
            }
        }
        return result;
    }

    private replaceAnnotations(annotations: readonly Annotation[]): void {
        for (const a of annotationApi.state.getAllAnnotations() as ToolTypes.Annotation[]) {
            if (a.annotationUID) {
                annotationApi.state.removeAnnotation(a.annotationUID);
            }
        }
        const referencedImageId = this.viewport?.getCurrentImageId();
        for (const a of annotations) {
            switch (a.kind) {
                case 'line':
                    LengthTool.hydrate(this.viewportId, [this.toWorld(a.from), this.toWorld(a.to)], { referencedImageId });
                    break;
                case 'arrow':
                    ArrowAnnotateTool.hydrate(this.viewportId, [this.toWorld(a.to), this.toWorld(a.from)], ' ', {
                        referencedImageId,
                    });
                    break;
                case 'text':
                    LabelTool.hydrate(this.viewportId, this.toWorld(a.at), a.text);
                    break;
            }
        }
    }

    destroy(): void {
        this.listeners.splice(0).forEach((off) => off());
        ToolGroupManager.destroyToolGroup(this.toolGroupId);
        this.engine.destroy();
    }
}
