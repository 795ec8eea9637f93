#!/usr/bin/env node
// The CLI runs the TypeScript engine through tsx, so `npx assay` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
