// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { localize } from '../dom';
import { initLocale, setLocale } from '../i18n';
import { createLoginView, type Authenticator } from './login';

function fill(view: HTMLElement, username: string, password: string): void {
    const [user, pass] = view.querySelectorAll('input');
    (user as HTMLInputElement).value = username;
    (pass as HTMLInputElement).value = password;
}

function submit(view: HTMLElement): void {
    view.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
}

const alertText = (view: HTMLElement): string | null => view.querySelector('[role="alert"]')?.textContent ?? null;

describe('login view', () => {
    beforeEach(() => {
        localStorage.clear();
        initLocale(localStorage);
    });

    afterEach(() => {
        document.body.replaceChildren();
    });

    it('should keep what was typed and say why when sign-in fails', async () => {
        const auth: Authenticator = { login: vi.fn().mockRejectedValue(new ApiError('invalidCredentials', 400)) };
        const view = createLoginView({ auth, onSignedIn: vi.fn() });
        document.body.append(view);
        fill(view, 'bs.lan', 'sai-mat-khau');

        submit(view);

        await vi.waitFor(() => expect(alertText(view)).toBe('Sai tên đăng nhập hoặc mật khẩu.'));
        const [user, pass] = view.querySelectorAll('input');
        expect((user as HTMLInputElement).value).toBe('bs.lan');
        expect((pass as HTMLInputElement).value).toBe('sai-mat-khau');
        expect(auth.login).toHaveBeenCalledWith('bs.lan', 'sai-mat-khau');
        expect(view.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(false);
    });

    it('should re-translate the page, message included, when the language changes', async () => {
        const auth: Authenticator = { login: vi.fn().mockRejectedValue(new ApiError('unreachable', 0)) };
        const view = createLoginView({ auth, onSignedIn: vi.fn() });
        document.body.append(view);
        fill(view, 'bs.lan', 'pw');
        submit(view);
        await vi.waitFor(() => expect(alertText(view)).toContain('Không kết nối được với máy chủ'));

        setLocale('en', localStorage);
        localize(document.body);

        expect(view.querySelector('h1')?.textContent).toBe('Sign in');
        expect(alertText(view)).toContain('Cannot reach the server');
        expect((view.querySelector('input') as HTMLInputElement).value).toBe('bs.lan');
    });

    it('should ask for both fields without calling the server', () => {
        const auth: Authenticator = { login: vi.fn() };
        const view = createLoginView({ auth, onSignedIn: vi.fn() });
        fill(view, 'bs.lan', '');

        submit(view);

        expect(alertText(view)).toBe('Vui lòng nhập tên đăng nhập và mật khẩu.');
        expect(auth.login).not.toHaveBeenCalled();
    });

    it('should report success', async () => {
        const onSignedIn = vi.fn();
        const view = createLoginView({ auth: { login: vi.fn().mockResolvedValue(undefined) }, onSignedIn });
        fill(view, 'bs.lan', 'pw');

        submit(view);

        await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    });
});
