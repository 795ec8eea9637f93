import { fileURLToPath } from 'node:url';

/** The repository root when running from source (tsx); bundled builds set their own paths. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** Where `vite build` puts the renderer. */
export const rendererDist = process.env.ASSAY_RENDERER_DIR ?? fileURLToPath(new URL('../dist/renderer/', import.meta.url));
