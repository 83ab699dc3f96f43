// The application shell: header + main outlet, routing between the sign-in page and the pages that need a
// signed-in user, loading of the current user (/api/me), and what happens when the session ends.
import { ApiError, type ApiClient, type Me, type Role } from './api';
import { h, localize, msg } from './dom';
import { errorMessage, type UserMessage } from './errors';
import { onLocaleChange } from './i18n';
import { HashRouter, matchPath, type RouteParams } from './router';
import { createHeader, type Header } from './views/header';
import { createHomeView } from './views/home';
import { createLoginView } from './views/login';
import { createAvailabilityView } from './views/availability';
import { createAuditView, createHospitalsView, createUsersView } from './views/admin';
import { createDicomNodesView, createMediaServersView, createTurnaroundView } from './views/admin-ops';
import { createStaffVideoVisitsView, createVideoVisitView } from './views/video-visit';
import { createBookVisitView, createMyVisitsView } from './views/visits';
import { createErrorView, createLoadingView, createNotFoundView } from './views/status';
// consult room
import { createRoomPage } from './views/room-page';
// consult pages
import { createConsultCaseView } from './views/consult-case';
import { createConsultListView } from './views/consult-list';
import { createNewConsultView } from './views/consult-new';
import { createReportEditorView } from './views/consult-report';

/** What a page gets to render itself. */
export interface PageContext {
    readonly api: ApiClient;
    readonly me: Me;
    readonly params: RouteParams;
    navigate(path: string): void;
}

interface PageRoute {
    readonly pattern: string;
    /** Who may open the page; any signed-in user when absent. */
    readonly roles?: readonly Role[];
    readonly render: (context: PageContext) => HTMLElement;
}

/** Pages that need a signed-in user. */
const PAGES: readonly PageRoute[] = [
    { pattern: '/', render: ({ me }) => createHomeView(me) },
    { pattern: '/visits/book', roles: ['PATIENT'], render: ({ api }) => createBookVisitView(api) },
    { pattern: '/visits', roles: ['PATIENT'], render: ({ api }) => createMyVisitsView(api) },
    // video visits
    {
        pattern: '/visits/video',
        roles: ['HUB_SPECIALIST', 'SATELLITE_DOCTOR', 'COORDINATOR'],
        render: ({ api }) => createStaffVideoVisitsView(api),
    },
    {
        pattern: '/visits/:id/video',
        roles: ['PATIENT', 'HUB_SPECIALIST', 'SATELLITE_DOCTOR', 'COORDINATOR'],
        render: ({ api, me, params }) => createVideoVisitView(api, me, params.id ?? ''),
    },
    {
        pattern: '/availability',
        roles: ['COORDINATOR', 'HUB_SPECIALIST'],
        render: ({ api, me }) => createAvailabilityView(api, me),
    },
    { pattern: '/admin/hospitals', roles: ['ADMIN'], render: ({ api }) => createHospitalsView(api) },
    { pattern: '/admin/users', roles: ['ADMIN'], render: ({ api, me }) => createUsersView(api, me) },
    { pattern: '/admin/audit', roles: ['ADMIN'], render: ({ api }) => createAuditView(api) },
    // admin operations
    { pattern: '/admin/dicom-nodes', roles: ['ADMIN'], render: ({ api, me }) => createDicomNodesView(api, me) },
    { pattern: '/admin/media-servers', roles: ['ADMIN'], render: ({ api }) => createMediaServersView(api) },
    { pattern: '/admin/turnaround', roles: ['ADMIN'], render: ({ api }) => createTurnaroundView(api) },
    // consult room
    {
        pattern: '/consults/:id/room',
        roles: ['SATELLITE_DOCTOR', 'COORDINATOR', 'HUB_SPECIALIST'],
        render: ({ api, me, params }) => createRoomPage(api, me, params.id ?? ''),
    },
    // consult pages
    {
        pattern: '/consults',
        roles: ['SATELLITE_DOCTOR', 'COORDINATOR', 'HUB_SPECIALIST'],
        render: ({ api, me }) => createConsultListView(api, me),
    },
    {
        pattern: '/consults/new',
        roles: ['SATELLITE_DOCTOR'],
        render: ({ api, navigate }) => createNewConsultView(api, navigate),
    },
    {
        pattern: '/consults/:id/report',
        roles: ['HUB_SPECIALIST'],
        render: ({ api, params }) => createReportEditorView(api, params.id ?? ''),
    },
    {
        pattern: '/consults/:id',
        roles: ['SATELLITE_DOCTOR', 'COORDINATOR', 'HUB_SPECIALIST'],
        render: ({ api, me, params }) => createConsultCaseView(api, me, params.id ?? ''),
    },
];

const LOGIN_PATH = '/login';

export class App {
    private readonly header: Header;
    private readonly main: HTMLElement;
    private readonly router: HashRouter;
    private me: Me | null = null;
    private notice: UserMessage | null = null;
    private returnTo = '/';
    /** Increases on every render so that a slow /api/me answer cannot overwrite a newer page. */
    private renderSeq = 0;

    constructor(
        private readonly root: HTMLElement,
        private readonly api: ApiClient,
        win: Window = window,
    ) {
        this.header = createHeader(() => void this.logout());
        this.main = h('main', { id: 'main', class: 'app-main', tabindex: '-1' });
        const skip = msg('a', { key: 'app.skipToContent' }, { class: 'skip-link', href: '#main' });
        skip.addEventListener('click', (event) => {
            event.preventDefault();
            this.main.focus();
        });
        this.root.replaceChildren(skip, this.header.element, this.main);
        this.router = new HashRouter(win, (path) => void this.render(path));
        onLocaleChange(() => localize(this.root));
        api.onSessionEnded((reason) => {
            this.me = null;
            this.header.setUser(null);
            this.notice = { key: reason === 'revoked' ? 'login.sessionRevoked' : 'login.sessionExpired' };
            this.router.navigate(LOGIN_PATH, { replace: true });
        });
    }

    start(): void {
        this.router.start();
    }

    private async render(path: string): Promise<void> {
        const seq = ++this.renderSeq;
        if (path === LOGIN_PATH) {
            if (this.api.signedIn) {
                this.router.navigate('/', { replace: true });
                return;
            }
            this.show(
                createLoginView({
                    auth: this.api,
                    notice: this.notice,
                    onSignedIn: () => {
                        this.notice = null;
                        const target = this.returnTo;
                        this.returnTo = '/';
                        this.router.navigate(target, { replace: true });
                    },
                }),
            );
            return;
        }
        if (!this.api.signedIn) {
            this.returnTo = path;
            this.router.navigate(LOGIN_PATH, { replace: true });
            return;
        }
        if (!this.me) {
            this.show(createLoadingView());
            try {
                this.me = await this.api.me();
            } catch (error) {
                if (seq !== this.renderSeq) {
                    return;
                }
                if (error instanceof ApiError && error.kind === 'unauthorized') {
                    // The session-ended listener has already sent the user to the sign-in page.
                    return;
                }
                this.show(createErrorView(errorMessage(error), () => void this.render(path)));
                return;
            }
            if (seq !== this.renderSeq) {
                return;
            }
            this.header.setUser(this.me);
        }
        const me = this.me;
        for (const page of PAGES) {
            const params = matchPath(page.pattern, path);
            if (params) {
                if (page.roles && !page.roles.some((role) => me.roles.includes(role))) {
                    this.show(createErrorView({ key: 'error.forbidden' }, () => this.router.navigate('/')));
                    return;
                }
                this.show(page.render({ api: this.api, me, params, navigate: (to) => this.router.navigate(to) }));
                return;
            }
        }
        this.show(createNotFoundView());
    }

    private async logout(): Promise<void> {
        await this.api.logout();
        this.me = null;
        this.header.setUser(null);
        this.notice = { key: 'login.loggedOut' };
        this.returnTo = '/';
        this.router.navigate(LOGIN_PATH);
    }

    private show(view: HTMLElement): void {
        this.main.replaceChildren(view);
    }
}
