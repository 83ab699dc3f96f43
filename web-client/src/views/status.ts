// Small full-page states shared by views: loading, a failure with a retry button, and page not found.
import { h, msg } from '../dom';
import type { UserMessage } from '../errors';

export function createLoadingView(): HTMLElement {
    return h('div', { class: 'status-page', 'aria-busy': 'true' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), msg('p', { key: 'app.loading' }));
}

export function createErrorView(message: UserMessage, onRetry: () => void): HTMLElement {
    const retry = msg('button', { key: 'app.retry' }, { type: 'button', class: 'button button-primary' });
    retry.addEventListener('click', () => onRetry());
    return h('div', { class: 'status-page' }, msg('div', message, { class: 'alert alert-error', role: 'alert' }), retry);
}

export function createNotFoundView(): HTMLElement {
    return h(
        'section',
        { class: 'status-page' },
        msg('h1', { key: 'app.notFound.title' }),
        msg('p', { key: 'app.notFound.body' }, { class: 'muted' }),
        msg('a', { key: 'app.notFound.home' }, { href: '#/', class: 'button button-secondary' }),
    );
}
