// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { ReviewConnection, type ReviewListener, type ReviewStatus } from './review';

/** A WebSocket the test drives: it records the address and lets the test open, message and close it. */
class FakeSocket {
    static readonly OPEN = 1;
    static opened: FakeSocket[] = [];
    readonly url: string;
    readyState = 0;
    onopen: (() => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: { code: number }) => void) | null = null;

    constructor(url: string) {
        this.url = url;
        FakeSocket.opened.push(this);
    }

    get token(): string {
        return new URL(this.url).searchParams.get('access_token') ?? '';
    }

    open(): void {
        this.readyState = FakeSocket.OPEN;
        this.onopen?.();
    }

    message(body: object): void {
        this.onmessage?.({ data: JSON.stringify(body) });
    }

    close(code: number): void {
        this.readyState = 3;
        this.onclose?.({ code });
    }

    send(): void {}
}

const STATE = { type: 'state', you: 'u-1', presenter: null, members: ['u-1'], studies: [], view: null, version: 1 };

function listener(statuses: ReviewStatus[]): ReviewListener {
    return {
        status: (s) => statuses.push(s),
        snapshot: () => {},
        view: () => {},
        study: () => {},
        floor: () => {},
        refused: () => {},
    };
}

describe('review connection after 4401', () => {
    beforeEach(() => {
        FakeSocket.opened = [];
        vi.stubGlobal('WebSocket', FakeSocket);
    });

    afterEach(() => {
        vi.unstubAllGlobals();
    });

    it('should reconnect at once with a renewed token, without showing the user a lost connection', async () => {
        const statuses: ReviewStatus[] = [];
        const token = vi.fn(async (refused?: string) => (refused === undefined ? 'a1' : 'a2'));
        const connection = new ReviewConnection('/api/imaging/review/c-1', token, listener(statuses));
        connection.start();
        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
        const first = FakeSocket.opened[0]!;
        first.open();
        first.message(STATE);

        first.close(4401); // the token expired or its sign-in was revoked

        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
        expect(token).toHaveBeenLastCalledWith('a1');
        const second = FakeSocket.opened[1]!;
        expect(second.token).toBe('a2');
        second.open();
        second.message(STATE);
        expect(statuses).toEqual(['connecting', 'open', 'open']);
        connection.stop();
    });

    it('should renew again after a later expiry of the renewed token', async () => {
        let n = 0;
        const token = vi.fn(async () => `a${++n}`);
        const connection = new ReviewConnection('/r', token, listener([]));
        connection.start();
        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
        for (let i = 0; i < 3; i++) {
            const socket = FakeSocket.opened[i]!;
            socket.open();
            socket.message(STATE);
            socket.close(4401);
            await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(i + 2));
        }
        expect(FakeSocket.opened.map((s) => s.token)).toEqual(['a1', 'a2', 'a3', 'a4']);
        connection.stop();
    });

    it('should stop as unauthorized when the renewal is refused (sign-in revoked)', async () => {
        const statuses: ReviewStatus[] = [];
        const token = vi.fn(async (refused?: string) => {
            if (refused !== undefined) {
                throw new ApiError('unauthorized', 400);
            }
            return 'a1';
        });
        const connection = new ReviewConnection('/r', token, listener(statuses));
        connection.start();
        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
        FakeSocket.opened[0]!.open();
        FakeSocket.opened[0]!.close(4401);

        await vi.waitFor(() => expect(statuses).toContain('unauthorized'));
        expect(FakeSocket.opened).toHaveLength(1);
    });

    it('should stop as unauthorized when even the renewed token is refused', async () => {
        const statuses: ReviewStatus[] = [];
        const connection = new ReviewConnection('/r', async (refused) => (refused ? 'a2' : 'a1'), listener(statuses));
        connection.start();
        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
        FakeSocket.opened[0]!.close(4401);
        await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
        FakeSocket.opened[1]!.close(4401);

        await vi.waitFor(() => expect(statuses).toContain('unauthorized'));
        expect(FakeSocket.opened).toHaveLength(2);
    });
});
