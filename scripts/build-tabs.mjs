#!/usr/bin/env node
/**
 * Builds the Teams tab pages: tabs/src/*.ts bundled by esbuild (with @microsoft/teams-js) and the pages
 * and stylesheet from tabs/pages/, into public/build/tabs/ (ignored by git; served under /tabs/).
 *
 *   npm run build:tabs            # minified bundles, type-checked first (tabs/tsconfig.json)
 *   node scripts/build-tabs.mjs --no-check
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'public', 'build', 'tabs');
const ENTRIES = ['board', 'mycases', 'config'];

export async function buildTabs({ check = true, quiet = false } = {}) {
  if (check) {
    const tsc = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tabs/tsconfig.json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (tsc.status !== 0) throw new Error(`tabs type check failed:\n${tsc.stdout}${tsc.stderr}`);
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, path.join(ROOT, 'tabs/src', `${name}.ts`)])),
    outdir: OUT_DIR,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
  });
  for (const file of readdirSync(path.join(ROOT, 'tabs/pages'))) {
    copyFileSync(path.join(ROOT, 'tabs/pages', file), path.join(OUT_DIR, file));
  }
  const sizes = Object.fromEntries(
    readdirSync(OUT_DIR).map((f) => [f, statSync(path.join(OUT_DIR, f)).size]),
  );
  if (!quiet) {
    for (const [file, size] of Object.entries(sizes))
      console.log(`build-tabs: ${file} ${(size / 1024).toFixed(1)} KiB`);
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildTabs({ check: !process.argv.includes('--no-check') }).catch((err) => {
    console.error(`build-tabs: ${err.message}`);
    process.exit(1);
  });
}
