import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// One build serves both shells: relative asset URLs ('./') so the same files load from file:// in Electron
// and from the browser-mode server. JSX goes through esbuild's automatic runtime (no React plugin needed).
export default defineConfig({
  root: here,
  base: './',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Inlined assets would become data: URLs; keep every asset a file so the CSP stays 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
