import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.AFTERMEET_API_URL ?? 'http://localhost:3000';

// The SPA is served by the API on the same origin in production (dist/web); in development the
// Vite server proxies the API paths so cookies and EventSource work exactly as in production.
export default defineConfig({
  root: here('.'),
  publicDir: here('./public'),
  plugins: [react()],
  resolve: {
    alias: {
      '@api-client': here('../../libs/api-client'),
      '@compliance': here('../../libs/compliance/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api/': { target: apiTarget, changeOrigin: false },
      '/health/': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
      '/admin/': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
});
