// Browser tests: playwright-core drives Debian's Chromium against a running TeleConsult (started by consult-service's
// BrowserIT, which passes its address in TELECONSULT_E2E_URL). One file at a time: the machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['e2e/**/*.e2e.ts'],
        environment: 'node',
        fileParallelism: false,
        testTimeout: 120_000,
        hookTimeout: 120_000,
        reporters: ['verbose'],
    },
});
