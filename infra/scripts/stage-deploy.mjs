#!/usr/bin/env node
// Builds the folder `atk deploy` uploads (m365agents.yml): the compiled app (dist/src), the tab pages
// (public/build), the cards and the content, package.json and package-lock.json, and production dependencies
// only (npm ci --omit=dev). The App Service runs it as it is (WEBSITE_RUN_FROM_PACKAGE=1, no build there).
// Run after `npm ci && npm run build`, on Linux x64 like the App Service (the SQLite driver is native; the
// PostgreSQL deployment never loads it, but a matching build keeps the package honest).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, '.deploy');
const PARTS = ['dist/src', 'public/build', 'cards', 'content', 'package.json', 'package-lock.json'];

function fail(message) {
  process.stderr.write(`stage-deploy: ${message}\n`);
  process.exit(1);
}

for (const part of PARTS) {
  if (!existsSync(path.join(ROOT, part))) fail(`${part} is missing: run npm ci and npm run build first`);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  process.stderr.write(
    `stage-deploy: warning: building on ${process.platform}/${process.arch}; the App Service is linux/x64\n`,
  );
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const part of PARTS) cpSync(path.join(ROOT, part), path.join(OUT, part), { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const install = spawnSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
  cwd: OUT,
  stdio: 'inherit',
});
if (install.status !== 0) fail('npm ci --omit=dev failed');
process.stdout.write(
  `stage-deploy: ${path.relative(ROOT, OUT)} ready (${PARTS.join(', ')}, production node_modules)\n`,
);
