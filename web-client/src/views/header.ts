// The top bar: product name, language switch and, when signed in, who the user is and a sign-out button.
import type { Me } from '../api';
import { append, h, msg, setAttrText } from '../dom';
import { getLocale, LOCALES, onLocaleChange, setLocale } from '../i18n';

export interface Header {
    readonly element: HTMLElement;
    setUser(me: Me | null): void;
}

export function createHeader(onLogout: () => void): Header {
    const user = h('div', { class: 'user', hidden: true });
    const element = h(
        'header',
        { class: 'app-header' },
        h(
            'a',
            { class: 'brand', href: '#/' },
            h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
            msg('span', { key: 'app.name' }, { class: 'brand-name' }),
        ),
        createLanguageSwitch(),
        user,
    );

    return {
        element,
        setUser(me) {
            user.replaceChildren();
            user.hidden = me === null;
            if (me === null) {
                return;
            }
            const roles = h('span', { class: 'user-roles' });
            me.roles.forEach((role, index) => {
                append(roles, index > 0 ? ', ' : null, msg('span', { key: `role.${role}` }));
            });
            const hospital = me.hospital
                ? h(
                      'span',
                      { class: 'user-hospital' },
                      h('span', {}, me.hospital.name),
                      msg('span', { key: `hospitalKind.${me.hospital.kind}` }, { class: 'badge badge-quiet' }),
                  )
                : msg('span', { key: 'header.noHospital' }, { class: 'user-hospital muted' });
            const logout = msg('button', { key: 'header.logout' }, { type: 'button', class: 'button button-secondary' });
            logout.addEventListener('click', () => onLogout());
            append(
                user,
                h(
                    'div',
                    { class: 'user-text' },
                    h('span', { class: 'user-name' }, me.fullName),
                    h('span', { class: 'user-meta' }, roles, h('span', { class: 'separator', 'aria-hidden': 'true' }, '·'), hospital),
                ),
                logout,
            );
        },
    };
}

/** Two buttons, VI and EN; the choice is remembered by the i18n module. */
function createLanguageSwitch(): HTMLElement {
    const group = h('div', { class: 'lang-switch', role: 'group' });
    setAttrText(group, 'aria-label', { key: 'lang.label' });
    const buttons = LOCALES.map((locale) => {
        const button = h('button', { type: 'button', lang: locale, 'data-locale': locale }, locale.toUpperCase());
        setAttrText(button, 'title', { key: `lang.${locale}` });
        setAttrText(button, 'aria-label', { key: `lang.${locale}` });
        button.addEventListener('click', () => setLocale(locale));
        return button;
    });
    const mark = (): void => {
        buttons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.locale === getLocale())));
    };
    mark();
    onLocaleChange(mark);
    append(group, ...buttons);
    return group;
}
