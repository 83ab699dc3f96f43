// Hash-based routing (#/path), so the server only ever serves index.html at / and needs no SPA fallback.

/** Route parameters taken from `:name` segments of a pattern. */
export type RouteParams = Readonly<Record<string, string>>;

/** The path a location hash stands for: '#/consults/7?x=1' → '/consults/7'; no hash → '/'. */
export function pathFromHash(hash: string): string {
    const withoutMark = hash.startsWith('#') ? hash.slice(1) : hash;
    const path = withoutMark.split('?')[0] ?? '';
    if (path === '' || path === '/') {
        return '/';
    }
    const absolute = path.startsWith('/') ? path : `/${path}`;
    return absolute.length > 1 && absolute.endsWith('/') ? absolute.slice(0, -1) : absolute;
}

/** Matches a path against a pattern such as '/consults/:id'; returns the parameters or null. */
export function matchPath(pattern: string, path: string): RouteParams | null {
    const patternParts = pattern.split('/').filter(Boolean);
    const pathParts = path.split('/').filter(Boolean);
    if (patternParts.length !== pathParts.length) {
        return null;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < patternParts.length; i++) {
        const expected = patternParts[i] as string;
        const actual = pathParts[i] as string;
        if (expected.startsWith(':')) {
            try {
                params[expected.slice(1)] = decodeURIComponent(actual);
            } catch {
                return null;
            }
        } else if (expected !== actual) {
            return null;
        }
    }
    return params;
}

/** Listens to hash changes and reports the current path; navigation writes the hash. */
export class HashRouter {
    private readonly onHashChange = (): void => this.onChange(this.current());

    constructor(
        private readonly win: Window,
        private readonly onChange: (path: string) => void,
    ) {}

    start(): void {
        this.win.addEventListener('hashchange', this.onHashChange);
        this.onChange(this.current());
    }

    stop(): void {
        this.win.removeEventListener('hashchange', this.onHashChange);
    }

    current(): string {
        return pathFromHash(this.win.location.hash);
    }

    /** Goes to a path; with replace the current history entry is overwritten (used for redirects). */
    navigate(path: string, options: { replace?: boolean } = {}): void {
        const hash = `#${path}`;
        if (this.win.location.hash === hash) {
            this.onChange(this.current());
        } else if (options.replace) {
            this.win.history.replaceState(this.win.history.state, '', hash);
            this.onChange(this.current());
        } else {
            this.win.location.hash = hash;
        }
    }
}
