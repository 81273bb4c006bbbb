/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The backend (`make run`, or BACKEND_URL) answers everything but the SPA itself.
const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/.well-known', '/q'];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  build: {
    // Bundled into the service: quarkus-run.jar serves it at / (see SpaFallbackRoute).
    outDir: '../backend/src/main/resources/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Threads start faster than forks; on two cores Vitest would otherwise run a single worker.
    pool: 'threads',
    maxWorkers: 2,
    // The files share one jsdom and module graph per worker, which saves loading React, Mantine and
    // jsdom for each file. Safe because setup.ts resets every piece of shared state after each test
    // (DOM, session store, storage, stubbed fetch, notifications) and no file mocks modules.
    isolate: false,
    testTimeout: 15000,
  },
});
