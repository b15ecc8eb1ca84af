import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer bundle. Everything is served from the app's own origin: no CDN, no remote fonts,
 * relative asset paths (base './') so the same build works under file://, a custom protocol and the
 * test bridge's fixed origin.
 */
export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    target: 'chrome120',
    // Inlined assets would become data: URLs; keep every asset a file under our own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Loaded from local disk, never over a network: one bundle with all catalogs is fine.
    chunkSizeWarningLimit: 2000,
  },
}));
