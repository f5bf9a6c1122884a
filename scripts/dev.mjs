#!/usr/bin/env node
/**
 * Local run: the built bot in local mode (no Bot Framework authentication) plus the Microsoft 365
 * Agents Playground, which emulates Teams in a browser at http://localhost:56150.
 *
 *   npm run dev            # builds first (see package.json), then runs this
 *   node scripts/dev.mjs --open   # also let the playground open a browser
 *
 * The playground reads .m365agentsplayground.yml (users, team, channels). Ctrl-C stops both.
 */
/* global fetch, AbortSignal -- Node globals the shared ESLint config does not list for .mjs */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import localTabs from './teams-host/localTabs.cjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = 56150;
/** The tabs' page (scripts/teams-host/localTabs.cjs): the Playground has no tabs. */
const TABS_PORT = 56151;
const TABS_ORIGIN = `http://localhost:${TABS_PORT}`;
const BOT_URL = `http://localhost:${BOT_PORT}`;
const PLAYGROUND_URL = `http://localhost:${PLAYGROUND_PORT}`;
const open = process.argv.includes('--open');

const entry = path.join(ROOT, 'dist/src/index.js');
if (!existsSync(entry)) {
  console.error(
    `dev: ${path.relative(ROOT, entry)} is missing; run "npm run build" (or "npm run dev", which builds).`,
  );
  process.exit(1);
}

const children = new Set();
let stopping = false;

function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`dev: ${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    } else if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children) child.kill('SIGTERM');
  // A child that ignores SIGTERM must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 5000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`dev: ${what} did not answer ${url} within ${timeoutMs / 1000} s`);
  stop(1);
  return false;
}

/**
 * The Playground's own user (currentUser in .m365agentsplayground.yml) may register office channels, so
 * escalation can be tried locally: the Playground has no team owner. Local runs only; an OFFICE_ADMIN_IDS
 * already set is kept, and production reads only what its configuration says.
 */
function playgroundUserId() {
  const file = path.join(ROOT, '.m365agentsplayground.yml');
  if (!existsSync(file)) return undefined;
  const yml = readFileSync(file, 'utf8');
  const block = yml.slice(yml.indexOf('\ncurrentUser:'));
  return /\n\s+aadObjectId:\s*([0-9a-f-]{36})/i.exec(block)?.[1];
}
const localAdmin = process.env.OFFICE_ADMIN_IDS ? undefined : playgroundUserId();

const t0 = Date.now();
start('bot', process.execPath, [entry], {
  ...(localAdmin ? { OFFICE_ADMIN_IDS: localAdmin } : {}),
  PORT: String(BOT_PORT),
  // The tabs' local page may frame the tabs (local mode only; ignored once an app id is set).
  TAB_DEV_ORIGINS: TABS_ORIGIN,
  // Local mode: the playground sends no Bot Framework token, so the bot must not expect one even if
  // .env holds a real registration (variables set here win over the bot's own .env loading).
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
});
if (!(await waitFor(`${BOT_URL}/healthz`, 'the bot', 30_000))) process.exit();
const botReady = Date.now();

const cli = path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const logDir = path.join(ROOT, '.devtools');
mkdirSync(logDir, { recursive: true });
start(
  'playground',
  process.execPath,
  [cli, '-e', `${BOT_URL}/api/messages`, '-c', 'msteams', '--dt', '-p', String(PLAYGROUND_PORT)],
  {
    // --dt turns its telemetry off; its log file would otherwise land in ./devTools (not ignored by git).
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'm365agentsplayground.log'),
    ...(open ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
  },
);
if (!(await waitFor(PLAYGROUND_URL, 'the playground', 60_000))) process.exit();
const ready = Date.now();
const yml = existsSync(path.join(ROOT, '.m365agentsplayground.yml'))
  ? readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8')
  : '';
const tabs = await localTabs
  .startLocalTabs({ port: TABS_PORT, botUrl: BOT_URL, yml })
  .catch((err) => console.error(`dev: the tabs' page could not start (${err.message}); the rest runs.`));

console.log(
  `\ndev: bot ready at ${BOT_URL} in ${((botReady - t0) / 1000).toFixed(1)} s; ` +
    `playground ready in ${((ready - botReady) / 1000).toFixed(1)} s.\n` +
    `dev: open ${PLAYGROUND_URL} in a browser (Personal Chat, group chat "Managers", team "Digital Services"). Ctrl-C stops both.\n` +
    (tabs ? `dev: the tabs (case board, My cases) as the Playground's user: ${tabs.url}\n` : '') +
    (localAdmin
      ? `dev: the Playground's user may register office channels here (OFFICE_ADMIN_IDS=${localAdmin}).\n`
      : ''),
);
