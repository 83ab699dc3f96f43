// The one typed client for TeleConsult's HTTP API: sign-in and token refresh (OAuth 2.0 token-endpoint style),
// revocation on sign-out, authorized calls with one refresh-and-retry on 401, and mapping of every failure to an
// ApiError whose kind the UI turns into words. fetch is a constructor parameter so tests can pass a fake.
import { TokenStore, type Tokens } from './session';

export const ROLES = ['ADMIN', 'COORDINATOR', 'HUB_SPECIALIST', 'SATELLITE_DOCTOR', 'PATIENT'] as const;
export type Role = (typeof ROLES)[number];
export type HospitalKind = 'HUB' | 'SATELLITE';

export interface Hospital {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly kind: HospitalKind;
}

/** The signed-in user, as answered by GET /api/me. */
export interface Me {
    readonly id: string;
    readonly username: string;
    readonly fullName: string;
    readonly roles: readonly Role[];
    readonly hospital: Hospital | null;
}

/** RFC 9457 problem details, as the services render every error. */
export interface Problem {
    readonly type?: string;
    readonly title?: string;
    readonly status?: number;
    readonly detail?: string;
}

export type ApiErrorKind =
    | 'invalidCredentials'
    | 'tooManyRequests'
    | 'badRequest'
    | 'unauthorized'
    | 'forbidden'
    | 'notFound'
    | 'conflict'
    | 'tooLarge'
    | 'unreachable'
    | 'server'
    | 'unexpectedResponse';

/** A failed call, classified so the UI can say what the user can do about it. */
export class ApiError extends Error {
    readonly kind: ApiErrorKind;
    /** HTTP status, or 0 when no answer arrived. */
    readonly status: number;
    /** The problem's `detail` (or OAuth `error_description`): text from the server meant for people. */
    readonly detail?: string;
    /** OAuth error code such as `invalid_grant`. */
    readonly oauthError?: string;
    /** From Retry-After, in seconds, when the server said how long to wait. */
    readonly retryAfterSeconds?: number;
    readonly problem?: Problem;

    constructor(
        kind: ApiErrorKind,
        status: number,
        extra: {
            detail?: string;
            oauthError?: string;
            retryAfterSeconds?: number;
            problem?: Problem;
            cause?: unknown;
        } = {},
    ) {
        super(`${kind} (HTTP ${status})${extra.detail ? `: ${extra.detail}` : ''}`, { cause: extra.cause });
        this.name = 'ApiError';
        this.kind = kind;
        this.status = status;
        this.detail = extra.detail;
        this.oauthError = extra.oauthError;
        this.retryAfterSeconds = extra.retryAfterSeconds;
        this.problem = extra.problem;
    }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How timers are set; replaceable in tests. */
export interface Scheduler {
    set(callback: () => void, delayMs: number): unknown;
    clear(handle: unknown): void;
}

export interface ApiClientOptions {
    /** Prefix of every path; '' (the default) means the same origin as the page. */
    readonly baseUrl?: string;
    /** Where tokens live; defaults to memory only. */
    readonly tokens?: TokenStore;
    readonly now?: () => number;
    readonly scheduler?: Scheduler;
    /** A call with no answer after this long counts as "server unreachable". */
    readonly timeoutMs?: number;
}

/**
 * Why the session ended without the user signing out: 'revoked' when the server refused a token that had not expired
 * yet and then refused to renew it (signed out elsewhere or by an administrator, account disabled, password changed),
 * 'expired' otherwise.
 */
export type SessionEndReason = 'expired' | 'revoked';

const REFRESH_MARGIN_MS = 30_000;
const RETRY_REFRESH_MS = 15_000;
const MAX_TIMER_MS = 2_147_483_647;

const defaultScheduler: Scheduler = {
    set: (callback, delayMs) => setTimeout(callback, delayMs),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ApiClient {
    private readonly fetchFn: FetchLike;
    private readonly baseUrl: string;
    private readonly tokens: TokenStore;
    private readonly now: () => number;
    private readonly scheduler: Scheduler;
    private readonly timeoutMs: number;
    private readonly sessionEndListeners = new Set<(reason: SessionEndReason) => void>();
    private refreshing: Promise<void> | null = null;
    private refreshTimer: unknown = null;

    constructor(fetchFn: FetchLike, options: ApiClientOptions = {}) {
        // Call fetch as a plain function: window.fetch throws "Illegal invocation" when called as a method of another object.
        this.fetchFn = (input, init) => fetchFn(input, init);
        this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
        this.tokens = options.tokens ?? new TokenStore();
        this.now = options.now ?? Date.now;
        this.scheduler = options.scheduler ?? defaultScheduler;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        const restored = this.tokens.get();
        if (restored) {
            this.scheduleRefresh(restored);
        }
    }

    /** True while we hold tokens (they may still be refused by the server). */
    get signedIn(): boolean {
        return this.tokens.get() !== null;
    }

    /** Registers a listener called when the session ends on its own (refresh refused); returns an unsubscribe function. */
    onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
        this.sessionEndListeners.add(listener);
        return () => this.sessionEndListeners.delete(listener);
    }

    /** Signs in with the password grant and keeps the tokens. */
    async login(username: string, password: string): Promise<void> {
        const response = await this.send('/api/auth/token', formPost({ grant_type: 'password', username, password }));
        if (!response.ok) {
            throw await errorFrom(response, 'passwordGrant', this.now());
        }
        this.storeTokens(await parseTokenResponse(response), null);
    }

    /**
     * Exchanges the refresh token for new tokens. Concurrent callers share one request. If the server refuses
     * the refresh token the session ends and this throws 'unauthorized'; on a network failure the session is kept.
     */
    refresh(afterRefusal = false): Promise<void> {
        this.refreshing ??= this.doRefresh(afterRefusal).finally(() => {
            this.refreshing = null;
        });
        return this.refreshing;
    }

    /** Revokes the refresh token (best effort: sign-out must work offline too) and forgets the session. */
    async logout(): Promise<void> {
        const refreshToken = this.tokens.get()?.refreshToken ?? null;
        this.clearSession();
        if (!refreshToken) {
            return;
        }
        try {
            await this.send('/api/auth/revoke', formPost({ token: refreshToken }));
        } catch {
            // The tokens are gone from this browser either way; the refresh token will expire on the server.
        }
    }

    /** The signed-in user with roles and hospital. */
    async me(): Promise<Me> {
        const response = await this.authorized('/api/me', { method: 'GET', headers: { Accept: 'application/json' } });
        return parseMe(await readJson(response));
    }

    /** GET of a JSON resource as the signed-in user; query values that are undefined are left out. */
    async getJson(path: string, query: Readonly<Record<string, string | undefined>> = {}): Promise<unknown> {
        const response = await this.authorized(withQuery(path, query), {
            method: 'GET',
            headers: { Accept: 'application/json' },
        });
        return readJson(response);
    }

    /** POST of a JSON body as the signed-in user; answers the JSON reply (null when there is none). */
    async postJson(path: string, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
        const response = await this.authorized(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
            body: JSON.stringify(body),
        });
        return response.status === 204 ? null : readJson(response);
    }

    /** PUT or DELETE (or any method) with an optional JSON body as the signed-in user; answers the JSON reply. */
    async sendJson(method: string, path: string, body?: unknown): Promise<unknown> {
        const response = await this.authorized(path, {
            method,
            headers:
                body === undefined
                    ? { Accept: 'application/json' }
                    : { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return response.status === 204 ? null : readJson(response);
    }

    /** GET of a public JSON resource, without a token (e.g. the catalogue of visit services). */
    async publicJson(path: string, query: Readonly<Record<string, string | undefined>> = {}): Promise<unknown> {
        const response = await this.send(withQuery(path, query), {
            method: 'GET',
            headers: { Accept: 'application/json' },
        });
        if (!response.ok) {
            throw await errorFrom(response, 'api', this.now());
        }
        return readJson(response);
    }

    // consult room and consult pages
    /** A current access token (refreshed first when due), for requests the client cannot send itself: WebSockets, image loaders, uploads with progress. */
    async accessToken(): Promise<string> {
        const tokens = this.tokens.get();
        if (!tokens) {
            throw new ApiError('unauthorized', 401);
        }
        if (this.now() >= tokens.refreshAt && tokens.refreshToken) {
            await this.refresh();
        }
        const current = this.tokens.get();
        if (!current) {
            throw new ApiError('unauthorized', 401);
        }
        return current.accessToken;
    }

    /**
     * A renewed access token after the server refused `refused` (a WebSocket closed with 4401: expired or revoked):
     * the current one when it has been renewed since, else one from the refresh token. Throws 'unauthorized' and ends
     * the session when the server refuses to renew it.
     */
    async renewAccessToken(refused: string): Promise<string> {
        const tokens = this.tokens.get();
        if (!tokens) {
            throw new ApiError('unauthorized', 401);
        }
        if (tokens.accessToken === refused) {
            if (!tokens.refreshToken) {
                this.endSession(this.now() < tokens.expiresAt ? 'revoked' : 'expired');
                throw new ApiError('unauthorized', 401);
            }
            await this.refresh(true);
        }
        const current = this.tokens.get();
        if (!current) {
            throw new ApiError('unauthorized', 401);
        }
        return current.accessToken;
    }

    /** An authorized request answering the raw response (file downloads, multipart uploads); failures as ApiError. */
    fetchAuthorized(path: string, init: RequestInit = {}): Promise<Response> {
        return this.authorized(path, { method: 'GET', ...init });
    }

    /** GET of a binary resource (an image) as the signed-in user. */
    async getBlob(path: string, accept = '*/*'): Promise<Blob> {
        const response = await this.fetchAuthorized(path, { headers: { Accept: accept } });
        return response.blob();
    }
    // end of consult room and consult pages

    /** Stops the refresh timer; for tests and page teardown. */
    dispose(): void {
        this.cancelRefreshTimer();
    }

    /** Sends an authorized request; refreshes first when the token is due, and once more on a 401. */
    private async authorized(path: string, init: RequestInit): Promise<Response> {
        let tokens = this.tokens.get();
        if (!tokens) {
            throw new ApiError('unauthorized', 401);
        }
        let refreshed = false;
        if (this.now() >= tokens.refreshAt && tokens.refreshToken) {
            try {
                await this.refresh();
                refreshed = true;
            } catch (error) {
                // A refresh refused by the server has ended the session; an unreachable server may still
                // accept the current access token if it has not expired yet.
                if (!(error instanceof ApiError) || error.kind === 'unauthorized' || this.now() >= tokens.expiresAt) {
                    throw error;
                }
            }
            tokens = this.tokens.get();
            if (!tokens) {
                throw new ApiError('unauthorized', 401);
            }
        }
        let response = await this.send(path, withBearer(init, tokens.accessToken));
        if (response.status === 401 && !refreshed && tokens.refreshToken) {
            await this.refresh(true);
            const renewed = this.tokens.get();
            if (!renewed) {
                throw new ApiError('unauthorized', 401);
            }
            response = await this.send(path, withBearer(init, renewed.accessToken));
        }
        if (response.status === 401) {
            const error = await errorFrom(response, 'api', this.now());
            this.endSession(refreshed || this.now() < tokens.expiresAt ? 'revoked' : 'expired');
            throw error;
        }
        if (!response.ok) {
            throw await errorFrom(response, 'api', this.now());
        }
        return response;
    }

    /** `afterRefusal`: the server has just refused the current access token, so a refused refresh means revoked. */
    private async doRefresh(afterRefusal: boolean): Promise<void> {
        const current = this.tokens.get();
        if (!current?.refreshToken) {
            this.endSession('expired');
            throw new ApiError('unauthorized', 401);
        }
        const response = await this.send(
            '/api/auth/token',
            formPost({ grant_type: 'refresh_token', refresh_token: current.refreshToken }),
        );
        if (response.ok) {
            this.storeTokens(await parseTokenResponse(response), current.refreshToken);
            return;
        }
        const error = await errorFrom(response, 'refreshGrant', this.now());
        if (response.status === 400 || response.status === 401) {
            this.endSession(afterRefusal && this.now() < current.expiresAt ? 'revoked' : 'expired');
            throw new ApiError('unauthorized', response.status, { detail: error.detail, oauthError: error.oauthError });
        }
        throw error;
    }

    /** One HTTP exchange; a thrown fetch (offline, DNS, refused, timeout) becomes 'unreachable'. */
    private async send(path: string, init: RequestInit): Promise<Response> {
        const signal =
            typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal ? AbortSignal.timeout(this.timeoutMs) : undefined;
        try {
            return await this.fetchFn(this.baseUrl + path, { ...init, signal, credentials: 'same-origin' });
        } catch (cause) {
            throw new ApiError('unreachable', 0, { cause });
        }
    }

    private storeTokens(answer: TokenResponse, previousRefreshToken: string | null): void {
        const now = this.now();
        const lifetimeMs = answer.expires_in * 1000;
        const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 5);
        const tokens: Tokens = {
            accessToken: answer.access_token,
            // A server that does not rotate refresh tokens leaves the old one valid.
            refreshToken: answer.refresh_token ?? previousRefreshToken,
            expiresAt: now + lifetimeMs,
            refreshAt: now + lifetimeMs - margin,
        };
        this.tokens.set(tokens);
        this.scheduleRefresh(tokens);
    }

    private scheduleRefresh(tokens: Tokens): void {
        this.cancelRefreshTimer();
        if (!tokens.refreshToken) {
            return;
        }
        const delay = Math.min(MAX_TIMER_MS, Math.max(0, tokens.refreshAt - this.now()));
        this.refreshTimer = this.scheduler.set(() => this.refreshInBackground(), delay);
    }

    private refreshInBackground(): void {
        this.refreshTimer = null;
        this.refresh().catch((error: unknown) => {
            const tokens = this.tokens.get();
            // Transient failure: try again a little later while the access token is still good.
            if (tokens && error instanceof ApiError && error.kind !== 'unauthorized' && this.now() < tokens.expiresAt) {
                this.cancelRefreshTimer();
                this.refreshTimer = this.scheduler.set(() => this.refreshInBackground(), RETRY_REFRESH_MS);
            }
        });
    }

    private cancelRefreshTimer(): void {
        if (this.refreshTimer !== null) {
            this.scheduler.clear(this.refreshTimer);
            this.refreshTimer = null;
        }
    }

    private clearSession(): void {
        this.cancelRefreshTimer();
        this.tokens.clear();
    }

    private endSession(reason: SessionEndReason): void {
        const hadSession = this.tokens.get() !== null;
        this.clearSession();
        if (hadSession) {
            this.sessionEndListeners.forEach((listener) => listener(reason));
        }
    }
}

interface TokenResponse {
    readonly access_token: string;
    readonly token_type: string;
    readonly expires_in: number;
    readonly refresh_token?: string;
}

type ErrorContext = 'passwordGrant' | 'refreshGrant' | 'api';

function formPost(fields: Record<string, string>): RequestInit {
    return {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(fields).toString(),
    };
}

/** Appends the defined query values to a path. */
export function withQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined) {
            params.set(name, value);
        }
    }
    const text = params.toString();
    return text === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

function withBearer(init: RequestInit, accessToken: string): RequestInit {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${accessToken}`);
    return { ...init, headers };
}

async function readJson(response: Response): Promise<unknown> {
    try {
        return await response.json();
    } catch (cause) {
        throw new ApiError('unexpectedResponse', response.status, { cause });
    }
}

async function parseTokenResponse(response: Response): Promise<TokenResponse> {
    const body = await readJson(response);
    if (typeof body === 'object' && body !== null) {
        const b = body as Record<string, unknown>;
        if (
            typeof b.access_token === 'string' &&
            b.access_token.length > 0 &&
            typeof b.expires_in === 'number' &&
            b.expires_in > 0 &&
            (b.refresh_token === undefined || b.refresh_token === null || typeof b.refresh_token === 'string')
        ) {
            return {
                access_token: b.access_token,
                token_type: typeof b.token_type === 'string' ? b.token_type : 'Bearer',
                expires_in: b.expires_in,
                refresh_token: typeof b.refresh_token === 'string' ? b.refresh_token : undefined,
            };
        }
    }
    throw new ApiError('unexpectedResponse', response.status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string | number {
    return typeof value === 'string' || typeof value === 'number';
}

function parseHospital(value: unknown): Hospital | null | undefined {
    if (value === null || value === undefined) {
        return null;
    }
    if (
        isRecord(value) &&
        isId(value.id) &&
        typeof value.code === 'string' &&
        typeof value.name === 'string' &&
        (value.kind === 'HUB' || value.kind === 'SATELLITE')
    ) {
        return { id: String(value.id), code: value.code, name: value.name, kind: value.kind };
    }
    return undefined;
}

/** Validates the /api/me answer; roles this client does not know yet are ignored rather than fatal. */
export function parseMe(body: unknown): Me {
    if (isRecord(body) && isId(body.id) && typeof body.username === 'string' && Array.isArray(body.roles)) {
        const hospital = parseHospital(body.hospital);
        if (hospital !== undefined) {
            return {
                id: String(body.id),
                username: body.username,
                fullName: typeof body.fullName === 'string' && body.fullName.trim() ? body.fullName : body.username,
                roles: body.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)),
                hospital,
            };
        }
    }
    throw new ApiError('unexpectedResponse', 200);
}

/** Parses Retry-After (delta-seconds or an HTTP date) into whole seconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
    if (value === null || value.trim() === '') {
        return undefined;
    }
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) {
        return Number(trimmed);
    }
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) {
        return undefined;
    }
    return Math.max(0, Math.ceil((date - now) / 1000));
}

function kindForStatus(status: number): ApiErrorKind {
    switch (status) {
        case 400:
        case 422:
            return 'badRequest';
        case 401:
            return 'unauthorized';
        case 403:
            return 'forbidden';
        case 404:
        case 410:
            return 'notFound';
        case 409:
        case 412:
            return 'conflict';
        case 413:
            return 'tooLarge';
        case 429:
            return 'tooManyRequests';
        case 502:
        case 503:
        case 504:
            // A proxy answering for a server that is down: to the user, the server is unreachable.
            return 'unreachable';
        default:
            if (status >= 500) {
                return 'server';
            }
            return status >= 400 ? 'badRequest' : 'unexpectedResponse';
    }
}

/** Turns a non-2xx answer into an ApiError, reading problem+json or an OAuth error body when there is one. */
export async function errorFrom(response: Response, context: ErrorContext, now: number = Date.now()): Promise<ApiError> {
    const contentType = (response.headers.get('Content-Type') ?? '').toLowerCase();
    let problem: Problem | undefined;
    let detail: string | undefined;
    let oauthError: string | undefined;
    if (contentType.includes('json')) {
        try {
            const body: unknown = await response.json();
            if (isRecord(body)) {
                if (typeof body.error === 'string') {
                    oauthError = body.error;
                    detail = typeof body.error_description === 'string' ? body.error_description : undefined;
                }
                if (contentType.includes('application/problem+json') || typeof body.detail === 'string') {
                    problem = {
                        type: typeof body.type === 'string' ? body.type : undefined,
                        title: typeof body.title === 'string' ? body.title : undefined,
                        status: typeof body.status === 'number' ? body.status : undefined,
                        detail: typeof body.detail === 'string' ? body.detail : undefined,
                    };
                    detail = problem.detail ?? detail;
                }
            }
        } catch {
            // An unreadable error body still has a status to go by.
        }
    }
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'), now);
    let kind = kindForStatus(response.status);
    // RFC 6749 section 5.2: a wrong user name or password is 400 invalid_grant; 401 (invalid_client) is not the user's
    if (context === 'passwordGrant' && oauthError === 'invalid_grant' && response.status !== 429) {
        kind = 'invalidCredentials';
    }
    return new ApiError(kind, response.status, { detail: detail?.trim() || undefined, oauthError, retryAfterSeconds, problem });
}
