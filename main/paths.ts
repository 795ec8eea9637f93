import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this module that holds package.json. Found by walking up rather
 * than by a fixed `../`, because this module runs from main/ (tsx), from dist/cli/<build>/ (the CLI bundle)
 * and from dist/electron/.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return fileURLToPath(new URL('../', import.meta.url));
    dir = up;
  }
  return `${dir}${path.sep}`;
}

export const repoRoot = findRoot();

/** Where `vite build` puts the renderer. */
export const rendererDist = process.env.ASSAY_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer') + path.sep;
