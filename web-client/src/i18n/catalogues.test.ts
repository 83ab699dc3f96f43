// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { getLocale, initLocale, onLocaleChange, setLocale, t } from './index';
import { vi as viCatalogue } from './vi';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('catalogues', () => {
    it('should have exactly the same keys in Vietnamese and English', () => {
        expect(Object.keys(en).sort()).toEqual(Object.keys(viCatalogue).sort());
    });

    it('should have no empty values', () => {
        for (const catalogue of [viCatalogue, en]) {
            for (const [key, value] of Object.entries(catalogue)) {
                expect(value.trim(), key).not.toBe('');
            }
        }
    });

    it('should use the same placeholders in both languages', () => {
        for (const [key, value] of Object.entries(viCatalogue)) {
            expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(value));
        }
    });

    it('should write Vietnamese with its diacritics', () => {
        expect(viCatalogue['login.title']).toBe('Đăng nhập');
        expect(viCatalogue['login.username']).toBe('Tên đăng nhập');
        expect(viCatalogue['login.password']).toBe('Mật khẩu');
        expect(viCatalogue['login.error.invalidCredentials']).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    });
});

describe('translation', () => {
    afterEach(() => {
        localStorage.clear();
        initLocale(localStorage);
    });

    it('should default to Vietnamese', () => {
        localStorage.clear();
        expect(initLocale(localStorage)).toBe('vi');
        expect(document.documentElement.lang).toBe('vi');
        expect(t('login.submit')).toBe('Đăng nhập');
    });

    it('should fill placeholders and choose plural forms', () => {
        expect(t('home.greeting', { name: 'An' }, 'en')).toBe('Hello, An');
        expect(t('login.error.tooManyAttempts', { count: 1 }, 'en')).toContain('in 1 minute.');
        expect(t('login.error.tooManyAttempts', { count: 5 }, 'en')).toContain('in 5 minutes.');
        expect(t('login.error.tooManyAttempts', { count: 5 }, 'vi')).toContain('sau 5 phút');
    });

    it('should remember the chosen language, update <html lang> and notify listeners', () => {
        const seen: string[] = [];
        const unsubscribe = onLocaleChange((locale) => seen.push(locale));
        setLocale('en', localStorage);
        unsubscribe();
        expect(getLocale()).toBe('en');
        expect(document.documentElement.lang).toBe('en');
        expect(localStorage.getItem('teleconsult.locale')).toBe('en');
        expect(seen).toEqual(['en']);
        expect(initLocale(localStorage)).toBe('en');
    });

    it('should ignore a remembered value that is not a supported language', () => {
        localStorage.setItem('teleconsult.locale', 'fr');
        expect(initLocale(localStorage)).toBe('vi');
    });
});
