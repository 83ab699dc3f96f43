// The review WebSocket of a consult (/api/imaging/review/{consultId}): shared viewing state, presenter hand-over and
// study availability. Reconnects by itself with a growing delay after a lost connection. A close with 4401 (token
// expired or revoked) reconnects at once with a renewed token, without telling the listener; a second 4401 with the
// renewed token, a refused renewal, 4403 and the end of the session are final.
import type { ViewState } from './view-state';
import { parseView } from './view-state';

export interface ReviewSeries {
    readonly seriesUid: string;
    readonly modality?: string;
    readonly seriesNumber?: number;
    readonly instances: number;
    readonly firstInstanceUid?: string;
}

export interface ReviewStudy {
    readonly studyUid: string;
    readonly series: readonly ReviewSeries[];
}

export interface Floor {
    readonly presenter: string | null;
    readonly handoverTo: string | null;
    readonly members: readonly string[];
}

export type ReviewStatus = 'connecting' | 'open' | 'lost' | 'forbidden' | 'unauthorized' | 'closed';

export interface ReviewListener {
    status(status: ReviewStatus): void;
    /** On every (re)connection: who we are, the floor, the studies so far and the current view. */
    snapshot(you: string, floor: Floor, studies: readonly ReviewStudy[], view: ViewState | null, version: number): void;
    view(view: ViewState, version: number): void;
    study(study: ReviewStudy): void;
    floor(floor: Floor): void;
    refused(code: string, message: string): void;
}

const MAX_BACKOFF_MS = 5_000;

function parseStudy(value: unknown): ReviewStudy | null {
    if (typeof value !== 'object' || value === null) {
        return null;
    }
    const v = value as { studyUid?: unknown; series?: unknown };
    if (typeof v.studyUid !== 'string' || !Array.isArray(v.series)) {
        return null;
    }
    return { studyUid: v.studyUid, series: v.series as ReviewSeries[] };
}

function parseFloor(m: Record<string, unknown>): Floor {
    return {
        presenter: typeof m.presenter === 'string' ? m.presenter : null,
        handoverTo: typeof m.handoverTo === 'string' ? m.handoverTo : null,
        members: Array.isArray(m.members) ? (m.members as string[]) : [],
    };
}

export class ReviewConnection {
    private socket: WebSocket | null = null;
    private stopped = false;
    private attempt = 0;
    private timer: ReturnType<typeof setTimeout> | null = null;
    private ping: ReturnType<typeof setInterval> | null = null;
    private lastVersion = -1;
    /** The token the server refused with 4401, until a connection with a renewed one has been accepted. */
    private refusedToken: string | null = null;

    /**
     * `token(refused)` answers the access token to connect with: the current one, or, when `refused` is given, one
     * renewed after the server refused that one (it throws when the session has ended).
     */
    constructor(
        private readonly path: string,
        private readonly token: (refused?: string) => Promise<string>,
        private readonly listener: ReviewListener,
    ) {}

    start(): void {
        void this.connect();
    }

    private async connect(): Promise<void> {
        if (this.stopped) {
            return;
        }
        const renewing = this.refusedToken;
        if (renewing === null) {
            this.listener.status('connecting');
        }
        let token: string;
        try {
            token = await (renewing === null ? this.token() : this.token(renewing));
        } catch (error) {
            if (renewing !== null && isUnauthorized(error)) {
                this.finish('unauthorized');
            } else {
                this.retry();
            }
            return;
        }
        const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
        const socket = new WebSocket(`${scheme}://${window.location.host}${this.path}?access_token=${encodeURIComponent(token)}`);
        this.socket = socket;
        socket.onopen = () => {
            this.attempt = 0;
            this.ping = setInterval(() => this.send({ type: 'ping' }), 20_000);
        };
        socket.onmessage = (event) => this.onMessage(String(event.data));
        socket.onclose = (event) => {
            if (this.ping) {
                clearInterval(this.ping);
                this.ping = null;
            }
            if (this.socket !== socket || this.stopped) {
                return;
            }
            this.socket = null;
            if (event.code === 4403) {
                this.finish('forbidden');
            } else if (event.code === 4401) {
                if (this.refusedToken !== null) {
                    this.finish('unauthorized'); // refused even with a renewed token
                } else {
                    this.refusedToken = token;
                    void this.connect();
                }
            } else if (event.code === 1000 || event.code === 4400) {
                this.finish('closed');
            } else {
                this.listener.status('lost');
                this.retry();
            }
        };
    }

    private finish(status: ReviewStatus): void {
        this.stopped = true;
        this.listener.status(status);
    }

    private retry(): void {
        if (this.stopped) {
            return;
        }
        this.attempt += 1;
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.attempt, 5));
        this.timer = setTimeout(() => void this.connect(), delay);
    }

    private onMessage(text: string): void {
        this.refusedToken = null; // the server accepted the token it was given
        let message: Record<string, unknown>;
        try {
            message = JSON.parse(text) as Record<string, unknown>;
        } catch {
            return;
        }
        switch (message.type) {
            case 'state': {
                const studies = Array.isArray(message.studies)
                    ? message.studies.map(parseStudy).filter((s): s is ReviewStudy => s !== null)
                    : [];
                const version = typeof message.version === 'number' ? message.version : 0;
                this.lastVersion = version;
                this.listener.status('open');
                this.listener.snapshot(String(message.you ?? ''), parseFloor(message), studies, parseView(message.view), version);
                break;
            }
            case 'view': {
                const version = typeof message.version === 'number' ? message.version : 0;
                const view = parseView(message.view);
                if (view && version > this.lastVersion) {
                    this.lastVersion = version;
                    this.listener.view(view, version);
                }
                break;
            }
            case 'study': {
                const study = parseStudy(message);
                if (study) {
                    this.listener.study(study);
                }
                break;
            }
            case 'presenter':
                this.listener.floor(parseFloor(message));
                break;
            case 'closed':
                this.finish('closed');
                break;
            case 'error':
                this.listener.refused(String(message.code ?? ''), String(message.message ?? ''));
                break;
            default:
                break;
        }
    }

    private send(message: object): boolean {
        if (this.socket?.readyState !== WebSocket.OPEN) {
            return false;
        }
        this.socket.send(JSON.stringify(message));
        return true;
    }

    sendView(state: ViewState): boolean {
        return this.send({ type: 'view', state });
    }

    requestPresenter(): boolean {
        return this.send({ type: 'request-presenter' });
    }

    grantPresenter(userId: string): boolean {
        return this.send({ type: 'grant-presenter', userId });
    }

    declinePresenter(): boolean {
        return this.send({ type: 'decline-presenter' });
    }

    stop(): void {
        this.stopped = true;
        if (this.timer) {
            clearTimeout(this.timer);
        }
        if (this.ping) {
            clearInterval(this.ping);
        }
        this.socket?.close(1000);
        this.socket = null;
    }
}

function isUnauthorized(error: unknown): boolean {
    return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'unauthorized';
}
