import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, parseRetryAfter, type FetchLike, type Scheduler } from './api';
import { errorMessage, loginErrorMessage } from './errors';
import { translate, type Message } from './i18n';
import { TokenStore, type StorageLike } from './session';

interface Call {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly body: string | null;
}

type Answer = Response | (() => Response) | Error;

/** A fetch that answers from a queue and records every request. */
function fakeFetch(...answers: Answer[]): FetchLike & { calls: Call[] } {
    const calls: Call[] = [];
    const fn = async (input: string, init?: RequestInit): Promise<Response> => {
        calls.push({
            url: input,
            method: init?.method ?? 'GET',
            headers: new Headers(init?.headers),
            body: typeof init?.body === 'string' ? init.body : null,
        });
        const answer = answers.shift();
        if (answer === undefined) {
            throw new Error(`unexpected request ${input}`);
        }
        if (answer instanceof Error) {
            throw answer;
        }
        return typeof answer === 'function' ? answer() : answer;
    };
    return Object.assign(fn, { calls });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const problem = (status: number, detail: string): Response =>
    new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail }), {
        status,
        headers: { 'Content-Type': 'application/problem+json' },
    });

const tokens = (access: string, refresh = `refresh-of-${access}`, expiresIn = 300): Response =>
    json(200, { access_token: access, token_type: 'Bearer', expires_in: expiresIn, refresh_token: refresh });

const ME = {
    id: 'u-1',
    username: 'bs.lan',
    fullName: 'Nguyễn Thị Lan',
    roles: ['SATELLITE_DOCTOR'],
    hospital: { id: 'h-2', code: 'BVTN', name: 'Bệnh viện Đa khoa tỉnh Thái Nguyên', kind: 'SATELLITE' },
};

/** A scheduler that records timers and fires them on demand. */
function manualScheduler(): Scheduler & { pending: Map<number, { callback: () => void; delayMs: number }>; fireAll(): void } {
    let next = 0;
    const pending = new Map<number, { callback: () => void; delayMs: number }>();
    return {
        pending,
        set(callback, delayMs) {
            pending.set(++next, { callback, delayMs });
            return next;
        },
        clear(handle) {
            pending.delete(handle as number);
        },
        fireAll() {
            const due = [...pending.values()];
            pending.clear();
            due.forEach((timer) => timer.callback());
        },
    };
}

function memoryStorage(): StorageLike & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
        data,
        getItem: (key) => data.get(key) ?? null,
        setItem: (key, value) => void data.set(key, value),
        removeItem: (key) => void data.delete(key),
    };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
}

const text = (message: Message | string, locale: 'vi' | 'en' = 'vi'): string =>
    typeof message === 'string' ? message : translate(message, locale);

const clients: ApiClient[] = [];
function client(fetchFn: FetchLike, options: ConstructorParameters<typeof ApiClient>[1] = {}): ApiClient {
    const api = new ApiClient(fetchFn, { scheduler: manualScheduler(), ...options });
    clients.push(api);
    return api;
}

afterEach(() => {
    clients.splice(0).forEach((api) => api.dispose());
});

describe('sign-in', () => {
    it('should post the password grant as a form and keep the tokens', async () => {
        const fetch = fakeFetch(tokens('a1'), json(200, ME));
        const api = client(fetch);

        await api.login('bs.lan', 'mật khẩu&1');
        const me = await api.me();

        expect(fetch.calls[0]?.url).toBe('/api/auth/token');
        expect(fetch.calls[0]?.method).toBe('POST');
        expect(fetch.calls[0]?.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
        expect(Object.fromEntries(new URLSearchParams(fetch.calls[0]?.body ?? ''))).toEqual({
            grant_type: 'password',
            username: 'bs.lan',
            password: 'mật khẩu&1',
        });
        expect(fetch.calls[1]?.url).toBe('/api/me');
        expect(fetch.calls[1]?.headers.get('Authorization')).toBe('Bearer a1');
        expect(me.fullName).toBe('Nguyễn Thị Lan');
        expect(me.hospital?.kind).toBe('SATELLITE');
        expect(api.signedIn).toBe(true);
    });

    it('should report wrong credentials', async () => {
        const api = client(
            fakeFetch(json(400, { error: 'invalid_grant', error_description: 'Invalid username or password' })),
        );

        const error = await failure(api.login('bs.lan', 'wrong'));

        expect(error.kind).toBe('invalidCredentials');
        expect(error.oauthError).toBe('invalid_grant');
        expect(text(loginErrorMessage(error))).toBe('Sai tên đăng nhập hoặc mật khẩu.');
        expect(text(loginErrorMessage(error), 'en')).toBe('Wrong username or password.');
        expect(api.signedIn).toBe(false);
    });

    it('should say in minutes how long to wait when throttled', async () => {
        const api = client(fakeFetch(json(429, { error: 'too_many_attempts' }, { 'Retry-After': '125' })));

        const error = await failure(api.login('bs.lan', 'wrong'));

        expect(error.kind).toBe('tooManyRequests');
        expect(error.retryAfterSeconds).toBe(125);
        expect(text(loginErrorMessage(error))).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 3 phút.');
        expect(text(loginErrorMessage(error), 'en')).toBe(
            'Too many failed sign-in attempts. Please try again in 3 minutes.',
        );
    });

    it('should still say something useful when throttled without Retry-After', async () => {
        const error = await failure(client(fakeFetch(new Response(null, { status: 429 }))).login('a', 'b'));
        expect(loginErrorMessage(error)).toEqual({ key: 'login.error.tooManyAttemptsNoDelay' });
    });

    it('should map a malformed request to a bad request', async () => {
        const api = client(fakeFetch(json(400, { error: 'invalid_request', error_description: 'username missing' })));

        const error = await failure(api.login('', ''));

        expect(error.kind).toBe('badRequest');
        expect(loginErrorMessage(error)).toEqual({ key: 'error.badRequest' });
    });

    it('should report an unreachable server when fetch fails', async () => {
        const api = client(fakeFetch(new TypeError('Failed to fetch')));

        const error = await failure(api.login('bs.lan', 'pw'));

        expect(error.kind).toBe('unreachable');
        expect(error.status).toBe(0);
        expect(text(loginErrorMessage(error), 'en')).toBe(
            'Cannot reach the server. Please check the network connection and try again.',
        );
    });

    it('should treat a proxy gateway error as an unreachable server', async () => {
        const error = await failure(client(fakeFetch(new Response('Bad Gateway', { status: 502 }))).login('a', 'b'));
        expect(error.kind).toBe('unreachable');
    });

    it('should refuse a token answer without an access token', async () => {
        const error = await failure(client(fakeFetch(json(200, { token_type: 'Bearer' }))).login('a', 'b'));
        expect(error.kind).toBe('unexpectedResponse');
    });
});

describe('errors of other calls', () => {
    async function signedIn(...answers: Answer[]): Promise<ApiClient> {
        const api = client(fakeFetch(tokens('a1'), ...answers));
        await api.login('u', 'p');
        return api;
    }

    it('should show the detail of a problem+json answer', async () => {
        const api = await signedIn(problem(403, 'Only staff of Bệnh viện Bạch Mai may see this consult.'));

        const error = await failure(api.me());

        expect(error.kind).toBe('forbidden');
        expect(error.problem?.title).toBe('Problem');
        expect(errorMessage(error)).toBe('Only staff of Bệnh viện Bạch Mai may see this consult.');
    });

    it('should fall back to a translated message when the problem has no detail', async () => {
        const api = await signedIn(new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));

        const error = await failure(api.me());

        expect(error.kind).toBe('server');
        expect(errorMessage(error)).toEqual({ key: 'error.server' });
    });

    it.each([
        [404, 'notFound'],
        [409, 'conflict'],
        [413, 'tooLarge'],
        [503, 'unreachable'],
    ] as const)('should map HTTP %i to %s', async (status, kind) => {
        const api = await signedIn(new Response(null, { status }));
        expect((await failure(api.me())).kind).toBe(kind);
    });

    it('should reject an unexpected /api/me body', async () => {
        const api = await signedIn(json(200, { hello: 'world' }));
        expect((await failure(api.me())).kind).toBe('unexpectedResponse');
    });

    it('should parse Retry-After as seconds or as an HTTP date', () => {
        const now = Date.parse('2025-03-01T10:00:00Z');
        expect(parseRetryAfter('90', now)).toBe(90);
        expect(parseRetryAfter('Sat, 01 Mar 2025 10:02:00 GMT', now)).toBe(120);
        expect(parseRetryAfter(null, now)).toBeUndefined();
        expect(parseRetryAfter('soon', now)).toBeUndefined();
    });
});

describe('token refresh', () => {
    it('should refresh once on a 401 and retry the call', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), json(401, {}), tokens('a2', 'r2'), json(200, ME));
        const api = client(fetch);
        await api.login('u', 'p');

        const me = await api.me();

        expect(me.username).toBe('bs.lan');
        expect(Object.fromEntries(new URLSearchParams(fetch.calls[2]?.body ?? ''))).toEqual({
            grant_type: 'refresh_token',
            refresh_token: 'r1',
        });
        expect(fetch.calls[3]?.headers.get('Authorization')).toBe('Bearer a2');
    });

    it('should end the session when the retried call is refused again', async () => {
        const fetch = fakeFetch(tokens('a1'), json(401, {}), tokens('a2'), json(401, {}));
        const api = client(fetch);
        const ended = vi.fn();
        api.onSessionEnded(ended);
        await api.login('u', 'p');

        const error = await failure(api.me());

        expect(error.kind).toBe('unauthorized');
        expect(fetch.calls).toHaveLength(4);
        expect(ended).toHaveBeenCalledOnce();
        expect(api.signedIn).toBe(false);
    });

    it('should end the session when the refresh token is refused', async () => {
        const fetch = fakeFetch(tokens('a1'), json(401, {}), json(400, { error: 'invalid_grant' }));
        const api = client(fetch);
        const ended = vi.fn();
        api.onSessionEnded(ended);
        await api.login('u', 'p');

        const error = await failure(api.me());

        expect(error.kind).toBe('unauthorized');
        // the server refused a token that had not expired, then its sign-in: it was revoked
        expect(ended).toHaveBeenCalledWith('revoked');
        expect(text(errorMessage(error))).toBe('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    });

    it('should call a session whose due refresh is refused after the token expired expired', async () => {
        let now = 0;
        const fetch = fakeFetch(tokens('a1', 'r1', 60), json(400, { error: 'invalid_grant' }));
        const api = client(fetch, { now: () => now });
        const ended = vi.fn();
        api.onSessionEnded(ended);
        await api.login('u', 'p');

        now = 61_000;
        await failure(api.me());

        expect(ended).toHaveBeenCalledWith('expired');
    });

    it('should refresh shortly before the access token expires', async () => {
        let now = 1_000_000;
        const scheduler = manualScheduler();
        const fetch = fakeFetch(tokens('a1', 'r1', 300), tokens('a2', 'r2', 300));
        const api = client(fetch, { scheduler, now: () => now });

        await api.login('u', 'p');
        const [timer] = [...scheduler.pending.values()];
        expect(timer?.delayMs).toBe(270_000);

        now += 270_000;
        scheduler.fireAll();
        await vi.waitFor(() => expect(fetch.calls).toHaveLength(2));
        expect(fetch.calls[1]?.body).toContain('grant_type=refresh_token');
        await vi.waitFor(() => expect(scheduler.pending.size).toBe(1));
    });

    it('should refresh before a call when the token is due, sharing one refresh between callers', async () => {
        let now = 0;
        const fetch = fakeFetch(tokens('a1', 'r1', 60), tokens('a2', 'r2', 60), json(200, ME), json(200, ME));
        const api = client(fetch, { now: () => now });
        await api.login('u', 'p');

        now = 59_000;
        await Promise.all([api.me(), api.me()]);

        expect(fetch.calls.map((c) => c.url)).toEqual(['/api/auth/token', '/api/auth/token', '/api/me', '/api/me']);
        expect(fetch.calls[2]?.headers.get('Authorization')).toBe('Bearer a2');
    });

    it('should keep tokens in the given storage and restore them', async () => {
        const storage = memoryStorage();
        await client(fakeFetch(tokens('a1', 'r1')), { tokens: new TokenStore(storage) }).login('u', 'p');

        const fetch = fakeFetch(json(200, ME));
        const restored = client(fetch, { tokens: new TokenStore(storage) });
        await restored.me();

        expect(restored.signedIn).toBe(true);
        expect(fetch.calls[0]?.headers.get('Authorization')).toBe('Bearer a1');
    });
});

describe('sign-out', () => {
    it('should revoke the refresh token and forget the session', async () => {
        const storage = memoryStorage();
        const fetch = fakeFetch(tokens('a1', 'r1'), new Response(null, { status: 200 }));
        const api = client(fetch, { tokens: new TokenStore(storage) });
        await api.login('u', 'p');

        await api.logout();

        expect(fetch.calls[1]?.url).toBe('/api/auth/revoke');
        expect(fetch.calls[1]?.method).toBe('POST');
        expect(fetch.calls[1]?.body).toBe('token=r1');
        expect(api.signedIn).toBe(false);
        expect(storage.data.size).toBe(0);
    });

    it('should sign out even when the server cannot be reached', async () => {
        const api = client(fakeFetch(tokens('a1'), new TypeError('Failed to fetch')));
        await api.login('u', 'p');

        await api.logout();

        expect(api.signedIn).toBe(false);
    });
});

describe('renewing a token a socket was refused with', () => {
    it('should renew with the refresh token when the refused token is the current one', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), tokens('a2', 'r2'));
        const api = client(fetch);
        await api.login('u', 'p');

        expect(await api.renewAccessToken('a1')).toBe('a2');
        expect(Object.fromEntries(new URLSearchParams(fetch.calls[1]?.body ?? ''))).toEqual({
            grant_type: 'refresh_token',
            refresh_token: 'r1',
        });
    });

    it('should answer the current token without a request when it was renewed since', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), tokens('a2', 'r2'));
        const api = client(fetch);
        await api.login('u', 'p');
        await api.refresh();

        expect(await api.renewAccessToken('a1')).toBe('a2');
        expect(fetch.calls).toHaveLength(2);
    });

    it('should share one renewal between sockets refused at the same time', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), tokens('a2', 'r2'));
        const api = client(fetch);
        await api.login('u', 'p');

        const renewed = await Promise.all([api.renewAccessToken('a1'), api.renewAccessToken('a1')]);

        expect(renewed).toEqual(['a2', 'a2']);
        expect(fetch.calls).toHaveLength(2);
    });

    it('should end the session as revoked when the sign-in was revoked', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), json(400, { error: 'invalid_grant' }));
        const api = client(fetch);
        const ended = vi.fn();
        api.onSessionEnded(ended);
        await api.login('u', 'p');

        const error = await failure(api.renewAccessToken('a1'));

        expect(error.kind).toBe('unauthorized');
        expect(ended).toHaveBeenCalledWith('revoked');
        expect(api.signedIn).toBe(false);
    });

    it('should keep the session when the server cannot be reached', async () => {
        const fetch = fakeFetch(tokens('a1', 'r1'), new TypeError('offline'));
        const api = client(fetch);
        await api.login('u', 'p');

        const error = await failure(api.renewAccessToken('a1'));

        expect(error.kind).toBe('unreachable');
        expect(api.signedIn).toBe(true);
    });
});
