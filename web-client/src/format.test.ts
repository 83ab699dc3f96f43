import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, formatDateTime } from './format';

describe('formatDateTime', () => {
    it('should show UTC instants in Ho Chi Minh City time by default', () => {
        expect(DEFAULT_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
        // 17:05 UTC is 00:05 the next day in UTC+7.
        const text = formatDateTime('2025-03-01T17:05:00Z', 'vi-VN');
        expect(text).toContain('00:05');
        expect(text).toContain('02/03/2025');
    });

    it('should follow the locale', () => {
        const text = formatDateTime('2025-03-01T03:30:00Z', 'en-GB');
        expect(text).toContain('01/03/2025');
        expect(text).toContain('10:30');
    });

    it('should use another time zone when asked', () => {
        expect(formatDateTime('2025-03-01T17:05:00Z', 'en-GB', 'UTC')).toContain('17:05');
        expect(formatDateTime('2025-03-01T17:05:00Z', 'en-GB', 'Europe/Paris')).toContain('18:05');
    });

    it('should read a value without offset as UTC and honour explicit offsets', () => {
        expect(formatDateTime('2025-03-01T17:05:00', 'en-GB')).toContain('00:05');
        expect(formatDateTime('2025-03-01T17:05:00+07:00', 'en-GB')).toContain('17:05');
    });

    it('should return a value that is not a date unchanged', () => {
        expect(formatDateTime('not a date', 'vi-VN')).toBe('not a date');
        expect(formatDateTime('', 'vi-VN')).toBe('');
    });
});
