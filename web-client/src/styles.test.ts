// The style sheet is plain CSS without a build-time parser: a lost closing brace would silently swallow every rule
// after it, so the braces are checked here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('styles.css', () => {
    it('closes every block it opens', () => {
        const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
        let depth = 0;
        for (const [index, line] of css.split('\n').entries()) {
            for (const char of line) {
                depth += char === '{' ? 1 : char === '}' ? -1 : 0;
                expect(depth, `line ${index + 1}`).toBeGreaterThanOrEqual(0);
            }
            // Only @media and similar at-rules hold nested blocks.
            expect(depth, `line ${index + 1}: ${line}`).toBeLessThanOrEqual(2);
        }
        expect(depth).toBe(0);
    });
});
