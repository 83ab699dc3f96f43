// Small building blocks shared by forms: a labelled field, an error alert that shows the server's words, and a
// submit button that shows it is busy. Forms keep what the user typed when a submit fails.
import { h, msg, setText } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import type { MessageKey } from '../i18n';

let nextId = 0;

/** A label (from the catalogue) tied to its control; the control gets an id if it has none. */
export function field(label: MessageKey, control: HTMLElement, hint?: MessageKey): HTMLElement {
    if (!control.id) {
        control.id = `field-${++nextId}`;
    }
    return h(
        'div',
        { class: 'field' },
        msg('label', { key: label }, { for: control.id }),
        control,
        hint ? msg('small', { key: hint }, { class: 'muted' }) : null,
    );
}

/** A hidden alert to show failures in; show(null) hides it again. */
export interface ErrorAlert {
    readonly element: HTMLElement;
    show(message: UserMessage | null): void;
    fail(error: unknown): void;
}

export function errorAlert(): ErrorAlert {
    const element = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
    const show = (message: UserMessage | null): void => {
        element.hidden = message === null;
        if (message !== null) {
            setText(element, message);
        }
    };
    return { element, show, fail: (error) => show(errorMessage(error)) };
}

/** Runs a submit button's action with the button disabled meanwhile, so that a second click sends nothing twice. */
export async function busy(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
    if (button.disabled) {
        return;
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
        await action();
    } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
    }
}

export function textInput(name: string, attrs: Readonly<Record<string, string | number | boolean>> = {}): HTMLInputElement {
    return h('input', { type: 'text', name, ...attrs });
}

export function select(name: string, options: readonly { value: string; label: UserMessage }[]): HTMLSelectElement {
    const element = h('select', { name });
    for (const option of options) {
        const item = h('option', { value: option.value });
        setText(item, option.label);
        element.append(item);
    }
    return element;
}
