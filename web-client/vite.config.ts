// Vite builds the app into target/classes/META-INF/resources, where Quarkus serves static files from the
// web-client jar at /. In `npm run dev`, /api is proxied to a locally running consult-service.
import { defineConfig } from 'vitest/config';

const apiTarget = process.env.TELECONSULT_API_URL ?? 'http://localhost:8080';
const proxy = {
    '/api': { target: apiTarget, changeOrigin: false },
    // consult pages: STOW-RS uploads
    '/dicom-web': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
    base: './',
    build: {
        outDir: 'target/classes/META-INF/resources',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
    },
    server: { proxy },
    preview: { proxy },
    test: {
        include: ['src/**/*.test.ts'],
        environment: 'node',
    },
});
