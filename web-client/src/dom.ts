// Tiny DOM helpers: an element builder and text that is tied to a catalogue message, so that switching the
// language re-translates what is on screen in place (form fields keep what the user typed).
import { translate, type Message } from './i18n';
import type { UserMessage } from './errors';

type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/** Creates an element with attributes (false/null/undefined are left out, true is an empty attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Readonly<Record<string, AttrValue>> = {},
    ...children: Child[]
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, ...children);
    return element;
}

export function append(parent: Element, ...children: Child[]): void {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child);
    }
}

/** An element showing a message; it follows language switches. */
export function msg<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    message: UserMessage,
    attrs: Readonly<Record<string, AttrValue>> = {},
): HTMLElementTagNameMap[K] {
    const element = h(tag, attrs);
    setText(element, message);
    return element;
}

/** Sets an element's text to a message (tracked for re-translation) or to literal text (left as is). */
export function setText(element: HTMLElement, message: UserMessage): void {
    if (typeof message === 'string') {
        delete element.dataset.i18n;
        delete element.dataset.i18nParams;
        element.textContent = message;
        return;
    }
    element.dataset.i18n = message.key;
    if (message.params) {
        element.dataset.i18nParams = JSON.stringify(message.params);
    } else {
        delete element.dataset.i18nParams;
    }
    element.textContent = translate(message);
}

/** Sets a translated attribute (aria-label, title, placeholder…) that follows language switches. */
export function setAttrText(element: HTMLElement, attribute: string, message: Message): void {
    const tracked = readAttrMessages(element);
    tracked[attribute] = message;
    element.dataset.i18nAttrs = JSON.stringify(tracked);
    element.setAttribute(attribute, translate(message));
}

/** Re-translates every tracked text and attribute under root into the current locale. */
export function localize(root: ParentNode): void {
    root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
        const params = element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : undefined;
        element.textContent = translate({ key: element.dataset.i18n as Message['key'], params });
    });
    root.querySelectorAll<HTMLElement>('[data-i18n-attrs]').forEach((element) => {
        for (const [attribute, message] of Object.entries(readAttrMessages(element))) {
            element.setAttribute(attribute, translate(message));
        }
    });
}

function readAttrMessages(element: HTMLElement): Record<string, Message> {
    try {
        return element.dataset.i18nAttrs ? (JSON.parse(element.dataset.i18nAttrs) as Record<string, Message>) : {};
    } catch {
        return {};
    }
}
