// What the browser tests with real media share: run inside a test network namespace by consult-service's
// RoomBrowserIT, they serve the pages from loopback (a forwarder to the application on the veth address), set up
// their data through the API, and check that remote video really plays.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, launch } from './browser';

/** The application as the set-up reaches it (the veth address); pages use the forwarder's loopback address. */
export const api = (process.env.TELECONSULT_E2E_URL ?? '').replace(/\/$/, '');

/** The loopback address pages are served from, and a way to cut the page's network for a while. */
export interface Forwarder {
    readonly url: string;
    readonly server: Server;
    /** Cuts every connection through the forwarder and refuses new ones for ms: a network drop of the page. */
    drop(ms: number): Promise<void>;
}

/**
 * Chromium lets a page open WebSockets to a private address (Janus) only from a page on loopback or a private
 * address, and gives camera access to secure contexts only (http://127.0.0.1 is one): the pages are served from
 * 127.0.0.1 inside the namespace, forwarded to the application on the veth address.
 */
export async function forward(target: URL): Promise<Forwarder> {
    const open = new Set<Socket>();
    let refusing = false;
    const server = createServer((client) => {
        if (refusing) {
            client.destroy();
            return;
        }
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
            open.add(socket);
            socket.on('close', () => open.delete(socket));
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') {
        throw new Error('forwarder has no port');
    }
    return {
        url: `http://127.0.0.1:${address.port}`,
        server,
        drop: async (ms) => {
            refusing = true;
            open.forEach((socket) => socket.destroy());
            await new Promise((resolve) => setTimeout(resolve, ms));
            refusing = false;
        },
    };
}

/**
 * Registers a journey's set-up and tear-down: a forwarder on loopback for the pages (see {@link forward}) and one
 * Chromium. The function returned gives the browser once the set-up has run.
 */
export function loopbackBrowser(): () => Browser {
    let browser: Browser | undefined;
    let loopback: Forwarder | undefined;
    beforeAll(async () => {
        if (!api) {
            throw new Error('TELECONSULT_E2E_URL is not set: this test is run by consult-service RoomBrowserIT.');
        }
        loopback = await forward(new URL(api));
        process.env.TELECONSULT_E2E_URL = loopback.url;
        browser = await launch();
    });
    afterAll(async () => {
        await browser?.close();
        loopback?.server.close();
    });
    return () => {
        if (!browser) {
            throw new Error('the browser is not started: call loopbackBrowser() at the top of the test file');
        }
        return browser;
    };
}

export async function token(username: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await fetch(`${api}/api/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username, password }),
    });
    expect(response.status, `sign-in of ${username}`).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
}

export async function call(bearer: string, method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${api}${path}`, {
        method,
        headers: {
            Authorization: `Bearer ${bearer}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : null;
}

/** Remote video decoding: the first remote <video> has a size and its decoded frame count grows. */
export async function expectVideoFlowing(page: Page, who: string): Promise<void> {
    const frames = (): Promise<number> =>
        page.evaluate(() => {
            const video = document.querySelector<HTMLVideoElement>('video.remote');
            return video && video.videoWidth > 0 ? video.getVideoPlaybackQuality().totalVideoFrames : -1;
        });
    await expect.poll(frames, { timeout: 40_000, message: `${who} decodes remote video` }).toBeGreaterThan(0);
    const first = await frames();
    await expect.poll(frames, { timeout: 10_000, message: `${who}'s remote video keeps playing` }).toBeGreaterThan(first + 5);
}

/** Access tokens in URLs (WebSocket addresses) never reach the test's output. */
export function redact(text: string): string {
    return text.replace(/access_token=[^&'"\s]+/g, 'access_token=…');
}

/** Writes what goes wrong in a page to the test's output. */
export function echoConsole(page: Page, who: string): void {
    page.on('console', (m) => m.type() !== 'debug' && m.type() !== 'log' && process.stdout.write(`[${who} ${m.type()}] ${redact(m.text())}\n`));
    page.on('pageerror', (e) => process.stdout.write(`[${who} pageerror] ${e.message}\n`));
}

/** What the consult room's viewer shows: image index, window, and how many images of the series it has. */
export interface Shown {
    index: number;
    center: number;
    width: number;
    count: number;
}

export async function shown(page: Page): Promise<Shown> {
    return page.locator('.room-viewport').evaluate((el: HTMLElement) => ({
        index: Number(el.dataset.imageIndex ?? -1),
        center: Number(el.dataset.windowCenter ?? NaN),
        width: Number(el.dataset.windowWidth ?? NaN),
        count: Number(el.dataset.imageCount ?? 0),
    }));
}
