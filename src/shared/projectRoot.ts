import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Code runs both from src/ (tests) and dist/src/ (built), so data
 * folders (cards/, content/) are found from the root rather than relative to __dirname.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + start);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
