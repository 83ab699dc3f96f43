import { describe, expect, it } from 'vitest';
import { matchPath, pathFromHash } from './router';

describe('router', () => {
    it('should read the path from the hash', () => {
        expect(pathFromHash('')).toBe('/');
        expect(pathFromHash('#')).toBe('/');
        expect(pathFromHash('#/')).toBe('/');
        expect(pathFromHash('#/login')).toBe('/login');
        expect(pathFromHash('#/consults/7/?tab=images')).toBe('/consults/7');
    });

    it('should match patterns with parameters', () => {
        expect(matchPath('/', '/')).toEqual({});
        expect(matchPath('/consults/:id', '/consults/a%20b')).toEqual({ id: 'a b' });
        expect(matchPath('/consults/:id', '/consults')).toBeNull();
        expect(matchPath('/consults/:id', '/bookings/7')).toBeNull();
    });
});
