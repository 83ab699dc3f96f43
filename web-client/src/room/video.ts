// Video of the consult room on Janus's VideoRoom (janus.js): a join grant from the platform opens the Janus session
// (its token is the session and room token), we publish camera and microphone as the grant's feed and subscribe to
// every other publisher as they come and go. Mute, camera off and screen share act on the published tracks. When the
// media connection is lost, or the platform tells us on /api/media/ws that the room moved to another server, we ask
// for a new grant and join again by ourselves.
import adapter from 'webrtc-adapter';
import Janus from 'janus-gateway';
import type { ApiClient } from '../api';

export type VideoStatus = 'connecting' | 'live' | 'reconnecting' | 'noCamera' | 'forbidden' | 'failed' | 'left';

export interface VideoListener {
    status(status: VideoStatus): void;
    /** A participant's video (the own one with local=true); called again with a new element after a rejoin. */
    tile(id: string, display: string, video: HTMLVideoElement, local: boolean): void;
    tileGone(id: string): void;
}

interface Grant {
    readonly server: string;
    readonly janusRoom: number;
    readonly token: string;
    readonly feedId: number;
    readonly display: string;
    readonly iceServers?: ReadonlyArray<{ urls: string | string[]; username?: string; credential?: string }>;
}

// janus.js's own typings do not cover the handle methods we use; this is the part we rely on.
interface Handle {
    send(options: { message: object; jsep?: unknown }): void;
    createOffer(options: object): void;
    createAnswer(options: object): void;
    handleRemoteJsep(options: { jsep: unknown }): void;
    replaceTracks(options: object): void;
    getLocalTracks(): Array<{ type: string; mid?: string }> | null;
    muteAudio(): void;
    unmuteAudio(): void;
    muteVideo(): void;
    unmuteVideo(): void;
    detach(options?: object): void;
}

interface JanusSession {
    attach(options: object): void;
    destroy(options?: object): void;
}

let janusReady: Promise<void> | null = null;

function initJanus(): Promise<void> {
    janusReady ??= new Promise((resolve) =>
        Janus.init({
            debug: false,
            dependencies: Janus.useDefaultDependencies({ adapter }),
            callback: () => resolve(),
        } as never),
    );
    return janusReady;
}

function videoElement(stream: MediaStream, local: boolean): HTMLVideoElement {
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.muted = local;
    video.srcObject = stream;
    video.className = local ? 'room-video local' : 'room-video remote';
    return video;
}

export class VideoRoom {
    private janus: JanusSession | null = null;
    private publisher: Handle | null = null;
    private privateId: number | null = null;
    private readonly subscribers = new Map<number, Handle>();
    private readonly remoteStreams = new Map<number, MediaStream>();
    private readonly displays = new Map<number, string>();
    private notices: WebSocket | null = null;
    private generation = 0;
    private retryTimer: ReturnType<typeof setTimeout> | null = null;
    private attempt = 0;
    private left = false;
    private muted = false;
    private cameraOff = false;
    private screen: MediaStreamTrack | null = null;
    private noticeAttempt = 0;

    constructor(
        private readonly api: ApiClient,
        private readonly grantPath: string,
        private readonly listener: VideoListener,
    ) {}

    async start(): Promise<void> {
        await initJanus();
        this.listenForNotices();
        await this.join();
    }

    /** Leaves Janus and joins again with a new grant (a grant is good for one join only). */
    reconnect(): void {
        if (this.left) {
            return;
        }
        this.teardown();
        this.listener.status('reconnecting');
        void this.join();
    }

    private async join(): Promise<void> {
        const generation = ++this.generation;
        this.listener.status(this.attempt === 0 ? 'connecting' : 'reconnecting');
        let grant: Grant;
        try {
            grant = (await this.api.postJson(this.grantPath, {})) as Grant;
        } catch (error) {
            const kind = (error as { kind?: string }).kind;
            if (kind === 'forbidden' || kind === 'notFound') {
                this.listener.status('forbidden');
                return;
            }
            this.scheduleRetry(generation);
            return;
        }
        if (generation !== this.generation || this.left) {
            return;
        }
        const session = new Janus({
            server: grant.server,
            token: grant.token,
            iceServers: grant.iceServers && grant.iceServers.length ? grant.iceServers : undefined,
            success: () => this.attachPublisher(session as unknown as JanusSession, grant, generation),
            error: () => {
                // The Janus WebSocket was lost (network drop, server restart): join again with a new grant.
                if (generation === this.generation) {
                    this.scheduleRetry(generation);
                }
            },
            destroyed: () => undefined,
        } as never) as unknown as JanusSession;
        this.janus = session;
    }

    private scheduleRetry(generation: number): void {
        if (this.left || generation !== this.generation) {
            return;
        }
        this.teardown();
        this.listener.status('reconnecting');
        this.attempt += 1;
        const delay = Math.min(5_000, 300 * 2 ** Math.min(this.attempt, 4));
        this.retryTimer = setTimeout(() => void this.join(), delay);
    }

    private attachPublisher(session: JanusSession, grant: Grant, generation: number): void {
        session.attach({
            plugin: 'janus.plugin.videoroom',
            success: (handle: Handle) => {
                this.publisher = handle;
                handle.send({
                    message: {
                        request: 'join',
                        ptype: 'publisher',
                        room: grant.janusRoom,
                        id: grant.feedId,
                        display: grant.display,
                        token: grant.token,
                    },
                });
            },
            error: () => this.scheduleRetry(generation),
            onmessage: (msg: Record<string, unknown>, jsep: unknown) => this.onPublisherMessage(session, grant, msg, jsep),
            onlocaltrack: (track: MediaStreamTrack, on: boolean) => {
                if (track.kind === 'video' && on) {
                    this.listener.tile('local', grant.display, videoElement(new MediaStream([track]), true), true);
                }
            },
            webrtcState: (up: boolean) => {
                if (up) {
                    this.attempt = 0;
                    this.listener.status('live');
                } else {
                    this.scheduleRetry(generation);
                }
            },
            iceState: (state: string) => {
                if (state === 'failed') {
                    this.scheduleRetry(generation);
                }
            },
        });
    }

    private onPublisherMessage(session: JanusSession, grant: Grant, msg: Record<string, unknown>, jsep: unknown): void {
        const event = msg.videoroom;
        if (msg.error_code) {
            // 426/428-style refusals of a stale grant: ask for a new one.
            this.scheduleRetry(this.generation);
            return;
        }
        if (event === 'joined') {
            this.privateId = Number(msg.private_id);
            this.publish();
        }
        const publishers = msg.publishers as Array<{ id: number; display?: string }> | undefined;
        for (const p of publishers ?? []) {
            this.displays.set(p.id, p.display ?? '');
            this.subscribe(session, grant, p.id, 0);
        }
        const gone = (msg.leaving ?? msg.unpublished) as number | string | undefined;
        if (gone !== undefined && gone !== 'ok') {
            this.dropSubscriber(Number(gone));
        }
        if (jsep && this.publisher) {
            this.publisher.handleRemoteJsep({ jsep });
        }
    }

    private publish(): void {
        const publisher = this.publisher;
        if (!publisher) {
            return;
        }
        const offer = (tracks: object[], onFail: () => void): void =>
            publisher.createOffer({
                tracks,
                success: (offerJsep: unknown) => {
                    publisher.send({ message: { request: 'configure', audio: true, video: true }, jsep: offerJsep });
                    if (this.muted) {
                        publisher.muteAudio();
                    }
                    if (this.cameraOff) {
                        publisher.muteVideo();
                    }
                },
                error: onFail,
            });
        offer(
            [
                { type: 'audio', capture: true, recv: false },
                { type: 'video', capture: true, recv: false },
            ],
            () => {
                // No camera or microphone (or permission refused): stay in the room, watching and listening only.
                this.listener.status('noCamera');
                offer([{ type: 'data' }], () => this.listener.status('noCamera'));
            },
        );
    }

    private subscribe(session: JanusSession, grant: Grant, feed: number, attempt: number): void {
        if (this.subscribers.has(feed) && attempt === 0) {
            return;
        }
        const generation = this.generation;
        session.attach({
            plugin: 'janus.plugin.videoroom',
            success: (handle: Handle) => {
                if (generation !== this.generation) {
                    handle.detach();
                    return;
                }
                this.subscribers.set(feed, handle);
                handle.send({
                    message: {
                        request: 'join',
                        ptype: 'subscriber',
                        room: grant.janusRoom,
                        private_id: this.privateId,
                        streams: [{ feed }],
                    },
                });
            },
            onmessage: (msg: Record<string, unknown>, jsep: unknown) => {
                const handle = this.subscribers.get(feed);
                if (!handle) {
                    return;
                }
                if (msg.error_code === 428 && attempt < 20) {
                    // The publisher's PeerConnection is not up yet: try again shortly.
                    this.subscribers.delete(feed);
                    handle.detach();
                    setTimeout(() => this.subscribe(session, grant, feed, attempt + 1), 250);
                    return;
                }
                if (jsep) {
                    handle.createAnswer({
                        jsep,
                        tracks: [{ type: 'data' }],
                        success: (answer: unknown) =>
                            handle.send({ message: { request: 'start', room: grant.janusRoom }, jsep: answer }),
                        error: () => undefined,
                    });
                }
            },
            onremotetrack: (track: MediaStreamTrack, _mid: string, on: boolean) => {
                let stream = this.remoteStreams.get(feed);
                if (!on) {
                    if (stream && track.kind === 'video') {
                        stream.removeTrack(track);
                    }
                    return;
                }
                const fresh = !stream;
                stream ??= new MediaStream();
                this.remoteStreams.set(feed, stream);
                if (!stream.getTracks().some((t) => t.id === track.id)) {
                    stream.addTrack(track);
                }
                if (fresh || track.kind === 'video') {
                    this.listener.tile(String(feed), this.displays.get(feed) ?? '', videoElement(stream, false), false);
                }
            },
        });
    }

    private dropSubscriber(feed: number): void {
        this.subscribers.get(feed)?.detach();
        this.subscribers.delete(feed);
        this.remoteStreams.delete(feed);
        this.listener.tileGone(String(feed));
    }

    /**
     * The platform's media WebSocket: a `reconnect` notice means the room was re-created on another server. A close
     * with 4401 (token expired or revoked) reconnects at once with a renewed token; when renewal fails the session has
     * ended and the application goes to the sign-in page.
     */
    private listenForNotices(refused?: string): void {
        if (this.left) {
            return;
        }
        const token = refused === undefined ? this.api.accessToken() : this.api.renewAccessToken(refused);
        void token.then(
            (token) => {
                const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
                const socket = new WebSocket(
                    `${scheme}://${window.location.host}/api/media/ws?access_token=${encodeURIComponent(token)}`,
                );
                this.notices = socket;
                let openedAt = Number.POSITIVE_INFINITY;
                socket.onopen = () => {
                    this.noticeAttempt = 0;
                    openedAt = Date.now();
                };
                socket.onmessage = (event) => {
                    try {
                        const notice = JSON.parse(String(event.data)) as { type?: string };
                        if (notice.type === 'reconnect') {
                            this.reconnect();
                        }
                    } catch {
                        // not a notice
                    }
                };
                socket.onclose = (event) => {
                    if (this.notices !== socket || this.left) {
                        return;
                    }
                    if (event.code === 4401) {
                        // a renewed token refused at once means the session has ended: stop asking
                        if (refused === undefined || Date.now() - openedAt > 2_000) {
                            this.listenForNotices(token);
                        }
                        return;
                    }
                    this.noticeAttempt += 1;
                    setTimeout(() => this.listenForNotices(), Math.min(5_000, 250 * 2 ** Math.min(this.noticeAttempt, 5)));
                };
            },
            (error: unknown) => {
                const ended = typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'unauthorized';
                if (!ended) {
                    setTimeout(() => this.listenForNotices(), 5_000);
                }
            },
        );
    }

    setMuted(muted: boolean): void {
        this.muted = muted;
        if (muted) {
            this.publisher?.muteAudio();
        } else {
            this.publisher?.unmuteAudio();
        }
    }

    setCameraOff(off: boolean): void {
        this.cameraOff = off;
        if (off) {
            this.publisher?.muteVideo();
        } else {
            this.publisher?.unmuteVideo();
        }
    }

    /** Shares the screen in place of the camera (the same video track slot), or goes back to the camera. */
    async setScreenShare(on: boolean): Promise<boolean> {
        const publisher = this.publisher;
        if (!publisher) {
            return false;
        }
        const mid = publisher.getLocalTracks()?.find((t) => t.type === 'video')?.mid;
        if (on) {
            const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
            const track = display.getVideoTracks()[0];
            if (!track) {
                return false;
            }
            this.screen = track;
            track.addEventListener('ended', () => void this.setScreenShare(false));
            publisher.replaceTracks({ tracks: [{ type: 'video', mid, capture: track, recv: false }] });
            return true;
        }
        this.screen?.stop();
        this.screen = null;
        publisher.replaceTracks({ tracks: [{ type: 'video', mid, capture: true, recv: false }] });
        return false;
    }

    private teardown(): void {
        if (this.retryTimer) {
            clearTimeout(this.retryTimer);
            this.retryTimer = null;
        }
        for (const feed of [...this.subscribers.keys()]) {
            this.listener.tileGone(String(feed));
        }
        this.subscribers.clear();
        this.remoteStreams.clear();
        this.publisher = null;
        const session = this.janus;
        this.janus = null;
        this.generation += 1;
        session?.destroy({ cleanupHandles: true, notifyDestroyed: false });
    }

    leave(): void {
        this.left = true;
        this.teardown();
        const notices = this.notices;
        this.notices = null;
        notices?.close(1000);
        this.listener.status('left');
    }
}
