// The sign-in form. On failure it says why in words the user can act on and keeps what was typed.
import { h, msg, setText } from '../dom';
import { loginErrorMessage, type UserMessage } from '../errors';
import { ApiError } from '../api';

/** What the form needs from the API client. */
export interface Authenticator {
    login(username: string, password: string): Promise<void>;
}

export interface LoginViewOptions {
    readonly auth: Authenticator;
    /** Called after a successful sign-in. */
    readonly onSignedIn: () => void;
    /** An informational note above the form, e.g. "your session has expired". */
    readonly notice?: UserMessage | null;
}

let nextId = 0;

export function createLoginView(options: LoginViewOptions): HTMLElement {
    const id = `login-${++nextId}`;
    const username = h('input', {
        id: `${id}-username`,
        name: 'username',
        type: 'text',
        autocomplete: 'username',
        autocapitalize: 'none',
        spellcheck: 'false',
        required: true,
    });
    const password = h('input', {
        id: `${id}-password`,
        name: 'password',
        type: 'password',
        autocomplete: 'current-password',
        required: true,
    });
    const showPassword = h('input', { id: `${id}-show`, type: 'checkbox' });
    showPassword.addEventListener('change', () => {
        password.type = showPassword.checked ? 'text' : 'password';
    });

    const error = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
    const notice = h('div', { class: 'alert alert-info', role: 'status', hidden: !options.notice });
    if (options.notice) {
        setText(notice, options.notice);
    }
    const submit = msg('button', { key: 'login.submit' }, { type: 'submit', class: 'button button-primary button-block' });

    const form = h(
        'form',
        { class: 'login-form', novalidate: true },
        notice,
        error,
        h('div', { class: 'field' }, msg('label', { key: 'login.username' }, { for: username.id }), username),
        h('div', { class: 'field' }, msg('label', { key: 'login.password' }, { for: password.id }), password),
        h(
            'div',
            { class: 'field field-inline' },
            showPassword,
            msg('label', { key: 'login.showPassword' }, { for: showPassword.id }),
        ),
        submit,
    );

    const showError = (message: UserMessage): void => {
        setText(error, message);
        error.hidden = false;
    };

    let busy = false;
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (busy) {
            return;
        }
        const name = username.value.trim();
        if (name === '' || password.value === '') {
            showError({ key: 'login.missingFields' });
            (name === '' ? username : password).focus();
            return;
        }
        busy = true;
        notice.hidden = true;
        error.hidden = true;
        submit.disabled = true;
        form.setAttribute('aria-busy', 'true');
        setText(submit, { key: 'login.submitting' });
        options.auth
            .login(name, password.value)
            .then(
                () => options.onSignedIn(),
                (failure: unknown) => {
                    showError(loginErrorMessage(failure));
                    if (failure instanceof ApiError && failure.kind === 'invalidCredentials') {
                        password.focus();
                        password.select();
                    }
                },
            )
            .finally(() => {
                busy = false;
                submit.disabled = false;
                form.removeAttribute('aria-busy');
                setText(submit, { key: 'login.submit' });
            });
    });

    return h(
        'section',
        { class: 'login-page' },
        h(
            'div',
            { class: 'card login-card' },
            msg('h1', { key: 'login.title' }),
            msg('p', { key: 'login.intro' }, { class: 'muted' }),
            form,
        ),
        msg('p', { key: 'app.tagline' }, { class: 'login-tagline muted' }),
    );
}
