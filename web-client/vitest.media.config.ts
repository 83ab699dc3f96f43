// The browser tests with real media (the consult room): run by consult-service's RoomBrowserIT inside a test network
// namespace with a real Janus, because Janus never gathers ICE candidates on loopback.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['e2e/**/*.media.ts'],
        environment: 'node',
        fileParallelism: false,
        testTimeout: 180_000,
        hookTimeout: 120_000,
        reporters: ['verbose'],
    },
});
