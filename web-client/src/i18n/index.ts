// Translation of user-visible strings: the current locale (Vietnamese by default, remembered in localStorage),
// lookup with {placeholders} and plural forms, and notification of locale changes.
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

/** Keys that exist as `<base>.one` / `<base>.other` pairs; translate them with a numeric `count` param. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;
export type TextKey = MessageKey | PluralKey;
export type Params = Readonly<Record<string, string | number>>;

/** A message that can be rendered later in whatever locale is current then. */
export interface Message {
    readonly key: TextKey;
    readonly params?: Params;
}

export const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { vi, en };

const STORAGE_KEY = 'teleconsult.locale';
let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(locale: Locale) => void>();

export function isLocale(value: unknown): value is Locale {
    return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tag handed to Intl for a UI locale. */
export function intlLocale(locale: Locale = current): string {
    return locale === 'vi' ? 'vi-VN' : 'en-GB';
}

export function getLocale(): Locale {
    return current;
}

/** Translates a key in the current (or given) locale; an unknown key is returned as is rather than throwing. */
export function t(key: TextKey, params?: Params, locale: Locale = current): string {
    const catalogue = catalogues[locale] as Readonly<Record<string, string>>;
    let template = catalogue[key];
    if (template === undefined && typeof params?.count === 'number') {
        const form = new Intl.PluralRules(intlLocale(locale)).select(params.count);
        template = catalogue[`${key}.${form}`] ?? catalogue[`${key}.other`];
    }
    if (template === undefined) {
        return key;
    }
    return params ? interpolate(template, params) : template;
}

export function translate(message: Message, locale: Locale = current): string {
    return t(message.key, message.params, locale);
}

function interpolate(template: string, params: Params): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
}

/** Reads the remembered locale (if any) and applies it to the document, without notifying listeners. */
export function initLocale(storage: Storage | null = safeLocalStorage()): Locale {
    const stored = readStored(storage);
    current = isLocale(stored) ? stored : DEFAULT_LOCALE;
    applyToDocument(current);
    return current;
}

/** Switches the UI language, remembers it, updates `<html lang>` and tells every listener. */
export function setLocale(locale: Locale, storage: Storage | null = safeLocalStorage()): void {
    if (!isLocale(locale)) {
        return;
    }
    current = locale;
    try {
        storage?.setItem(STORAGE_KEY, locale);
    } catch {
        // Storage may be full or disabled (private browsing); the choice then lasts for this page only.
    }
    applyToDocument(locale);
    listeners.forEach((listener) => listener(locale));
}

/** Registers a listener for locale changes; returns a function that removes it. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

function applyToDocument(locale: Locale): void {
    if (typeof document !== 'undefined') {
        document.documentElement.lang = locale;
        document.title = t('app.name', undefined, locale);
    }
}

function readStored(storage: Storage | null): string | null {
    try {
        return storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
        return null;
    }
}

function safeLocalStorage(): Storage | null {
    try {
        return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
        return null;
    }
}
