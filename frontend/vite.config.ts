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
    // Libraries change less often than the app: their own chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 1 },
            // Only the forms need them: loaded with sign-in or the first dialog, not with the shell.
            { name: 'forms', test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/, priority: 1 },
          ],
        },
      },
    },
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
