import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Builds the three Electron bundles: main (ESM), the sandboxed preload (one CommonJS file) and the renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: 'electron/main/index.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'electron/preload/index.ts' },
        // A sandboxed preload cannot load ES modules or require siblings: one CJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: process.env['HANJI_NO_MINIFY'] !== '1',
      // A desktop app loads its bundle from disk; one chunk is simpler and fast enough.
      chunkSizeWarningLimit: 2048,
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
