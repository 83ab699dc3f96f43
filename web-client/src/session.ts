// Holds the current tokens in memory and mirrors them into sessionStorage, so that a reload of the tab keeps
// the user signed in while closing the tab forgets them.

/** The subset of the Web Storage API the token store needs (sessionStorage in the browser, a map in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Tokens {
    readonly accessToken: string;
    readonly refreshToken: string | null;
    /** Epoch milliseconds at which the access token expires. */
    readonly expiresAt: number;
    /** Epoch milliseconds at which to refresh, shortly before expiresAt. */
    readonly refreshAt: number;
}

const STORAGE_KEY = 'teleconsult.session';

/** Keeps the tokens of the signed-in user; the API client is its only writer. */
export class TokenStore {
    private tokens: Tokens | null;

    constructor(private readonly storage: StorageLike | null = null) {
        this.tokens = this.load();
    }

    get(): Tokens | null {
        return this.tokens;
    }

    set(tokens: Tokens): void {
        this.tokens = tokens;
        try {
            this.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
        } catch {
            // Storage disabled or full: the session then lives in memory only, which is still correct.
        }
    }

    clear(): void {
        this.tokens = null;
        try {
            this.storage?.removeItem(STORAGE_KEY);
        } catch {
            // Nothing to clean up if storage is unusable.
        }
    }

    private load(): Tokens | null {
        let raw: string | null = null;
        try {
            raw = this.storage?.getItem(STORAGE_KEY) ?? null;
        } catch {
            return null;
        }
        if (!raw) {
            return null;
        }
        try {
            const value: unknown = JSON.parse(raw);
            return isTokens(value) ? value : null;
        } catch {
            return null;
        }
    }
}

function isTokens(value: unknown): value is Tokens {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const v = value as Record<string, unknown>;
    return (
        typeof v.accessToken === 'string' &&
        v.accessToken.length > 0 &&
        (typeof v.refreshToken === 'string' || v.refreshToken === null) &&
        typeof v.expiresAt === 'number' &&
        typeof v.refreshAt === 'number'
    );
}

/** Returns sessionStorage when the browser lets us use it, otherwise null. */
export function browserSessionStorage(): StorageLike | null {
    try {
        return typeof sessionStorage === 'undefined' ? null : sessionStorage;
    } catch {
        return null;
    }
}
