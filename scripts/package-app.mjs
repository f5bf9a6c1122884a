#!/usr/bin/env node
/**
 * Builds the Teams app package: appPackage/build/appPackage.zip holding manifest.json, fr-ca.json,
 * color.png and outline.png at the zip root.
 *
 *   npm run package                         # reads .env if present, then the environment
 *   npm run package -- --strict             # a release: the department's own developer name and URLs required
 *   node scripts/package-app.mjs --out DIR  # write DIR/appPackage.zip instead
 *   node scripts/package-app.mjs --env-file FILE | --no-env-file
 *
 * `${{NAME}}` placeholders in appPackage/*.json are filled from the environment (TeamsFx style), so
 * ids and URLs differ per deployment while the committed templates stay environment-free.
 * TEAMS_APP_ID, BOT_ID and BOT_DOMAIN are always required (a package without them cannot be installed,
 * or silently loses its tabs and sign-in); the version is package.json's.
 * The filled manifest is validated offline against the JSON schema bundled in
 * @microsoft/app-manifest before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIR = path.join(ROOT, 'appPackage');
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A host name as Teams takes it in validDomains and the tab URLs: labels, at least one dot, no scheme or path. */
const HOST_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** Files of the package, in zip order. JSON ones are templates with placeholders. */
const FILES = ['manifest.json', 'fr-ca.json', 'color.png', 'outline.png'];

function fail(message) {
  console.error(`package-app: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { out: path.join(APP_DIR, 'build'), strict: false, envFile: path.join(ROOT, '.env') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') args.strict = true;
    else if (arg === '--no-env-file') args.envFile = null;
    else if (arg === '--out' || arg === '--env-file') {
      const value = argv[++i];
      if (!value) fail(`${arg} needs a value`);
      if (arg === '--out') args.out = path.resolve(value);
      else args.envFile = path.resolve(value);
    } else fail(`unknown argument ${arg}`);
  }
  return args;
}

/** The department's own values: canada.ca pages stand in for a trial, a release (--strict) must set them. */
const DEPARTMENT_SETTINGS = {
  DEVELOPER_NAME: 'Government of Canada',
  WEBSITE_URL: 'https://www.canada.ca/en.html',
  PRIVACY_URL: 'https://www.canada.ca/en/transparency/privacy.html',
  TERMS_URL: 'https://www.canada.ca/en/transparency/terms.html',
};

/**
 * Values for every placeholder, or a failure naming the first setting that is missing or malformed.
 * The ids have no safe default (a zero GUID installs nowhere), nor has BOT_DOMAIN (without it the tabs and
 * their single sign-on would be dropped from the manifest without a word).
 */
function resolveValues(env, strict) {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const warnings = [];
  const values = { APP_VERSION: pkg.version };
  for (const name of ['TEAMS_APP_ID', 'BOT_ID']) {
    const value = env[name]?.trim();
    if (!value)
      fail(
        `${name} is not set: give the ${name === 'BOT_ID' ? "bot's Entra app id" : "Teams app's id"} (a GUID)`,
      );
    if (!GUID.test(value) || value === ZERO_GUID) fail(`${name} must be a GUID, got "${value}"`);
    values[name] = value.toLowerCase();
  }
  // The tabs' single sign-on app (webApplicationInfo): its own Entra app when the bot signs in with a managed
  // identity (m365agents.yml), the bot's app otherwise.
  values.TAB_SSO_APP_ID = env.TAB_SSO_APP_ID?.trim() || values.BOT_ID;
  if (!GUID.test(values.TAB_SSO_APP_ID))
    fail(`TAB_SSO_APP_ID must be a GUID, got "${values.TAB_SSO_APP_ID}"`);
  const domain = env.BOT_DOMAIN?.trim() ?? '';
  if (!domain)
    fail('BOT_DOMAIN is not set: give the host name the bot is served from (e.g. bot.example.gc.ca)');
  if (!HOST_NAME.test(domain))
    fail(
      `BOT_DOMAIN must be a host name such as bot.example.gc.ca (no scheme, port or path), got "${domain}"`,
    );
  values.BOT_DOMAIN = domain.toLowerCase();
  for (const [name, fallback] of Object.entries(DEPARTMENT_SETTINGS)) {
    const value = env[name]?.trim();
    if (value && name.endsWith('_URL') && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(value))
      fail(`${name} must be an https:// address, got "${value}"`);
    if (!value && strict) fail(`${name} is not set (a release package needs the department's own value)`);
    if (!value)
      warnings.push(`${name} is not set: using "${fallback}" (set the department's own for a release)`);
    values[name] = value || fallback;
  }
  return { values, warnings };
}

/**
 * Replaces placeholders in every string of `json`. Array items that were a lone optional placeholder
 * left empty are dropped (so an unset BOT_DOMAIN removes the validDomains entry rather than leaving "").
 */
function fill(json, values, missing) {
  if (typeof json === 'string') {
    return json.replace(PLACEHOLDER, (whole, name) => {
      if (values[name] === undefined) {
        missing.add(name);
        return whole;
      }
      return values[name];
    });
  }
  if (Array.isArray(json)) {
    return json
      .filter(
        (item) =>
          !(
            typeof item === 'string' &&
            /^\$\{\{\s*[A-Z0-9_]+\s*\}\}$/.test(item) &&
            fill(item, values, missing) === ''
          ),
      )
      .map((item) => fill(item, values, missing));
  }
  if (json && typeof json === 'object') {
    const out = {};
    for (const [key, value] of Object.entries(json)) {
      const filled = fill(value, values, missing);
      if (Array.isArray(filled) && filled.length === 0 && Array.isArray(value) && value.length > 0) continue;
      out[key] = filled;
    }
    return out;
  }
  return json;
}

function pngSize(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature || buffer.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * The bundled localization schemas (v1.19 to v1.30 at least) have patterns with a bare `]`
 * (`...\\b]\\.description$`), legal in a plain RegExp but a syntax error under the `u` flag that
 * ajv uses, so compiling them throws. Escape such brackets; the meaning is unchanged.
 */
export function unicodeSafePattern(pattern) {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '\\') {
        out += ch + (pattern[i + 1] ?? '');
        i++;
      } else if (ch === '[') {
        inClass = true;
        out += ch;
      } else if (ch === ']') {
        out += inClass ? ch : '\\]';
        inClass = false;
      } else out += ch;
    }
    return out;
  }
}

function unicodeSafeSchema(node) {
  if (Array.isArray(node)) return node.map(unicodeSafeSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([p, v]) => [unicodeSafePattern(p), unicodeSafeSchema(v)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') out[key] = unicodeSafePattern(value);
    else out[key] = unicodeSafeSchema(value);
  }
  return out;
}

// ---------- zip ----------

/** Every entry's time: fixed, so the same inputs always give the same bytes (reproducible packages). */
const ZIP_TIME = new Date(2000, 0, 1);

/** A zip of `entries` ({ name, data }), deflated, in the given order, by fflate. */
export function zip(entries) {
  const files = {};
  for (const { name, data } of entries) files[name] = [new Uint8Array(data), { level: 9, mtime: ZIP_TIME }];
  return Buffer.from(zipSync(files));
}

// ---------- main ----------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.envFile && existsSync(args.envFile)) {
    // Variables already in the environment win over the file, as with `node --env-file`.
    process.loadEnvFile(args.envFile);
  }
  const { values, warnings } = resolveValues(process.env, args.strict);
  for (const warning of warnings) console.warn(`package-app: warning: ${warning}`);

  const missing = new Set();
  const manifest = fill(
    JSON.parse(readFileSync(path.join(APP_DIR, 'manifest.json'), 'utf8')),
    values,
    missing,
  );
  const frCa = fill(JSON.parse(readFileSync(path.join(APP_DIR, 'fr-ca.json'), 'utf8')), values, missing);
  if (missing.size > 0) fail(`no value for placeholder(s): ${[...missing].join(', ')}`);

  // Loaded lazily: @microsoft/app-manifest is CommonJS requiring the ESM-only strip-bom, which needs
  // Node ≥ 20.19 (require of ES modules); say so rather than fail with a cryptic error.
  let AppManifestUtils;
  try {
    ({ AppManifestUtils } = await import('@microsoft/app-manifest'));
  } catch (error) {
    fail(`cannot load @microsoft/app-manifest (Node ≥ 20.19 is needed): ${error.message}`);
  }
  const errors = [];
  for (const message of await AppManifestUtils.validateAgainstSchema(manifest))
    errors.push(`manifest.json${message}`);
  const localizationSchema = unicodeSafeSchema(
    JSON.parse(
      readFileSync(
        path.join(
          ROOT,
          'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
          `v${manifest.manifestVersion}`,
          'MicrosoftTeams.Localization.schema.json',
        ),
        'utf8',
      ),
    ),
  );
  for (const message of await AppManifestUtils.validateAgainstSchema(frCa, localizationSchema)) {
    errors.push(`fr-ca.json${message}`);
  }

  // The schema cannot check that files exist, icon sizes, or that translations point at real commands.
  const files = {};
  for (const name of FILES) {
    const file = path.join(APP_DIR, name);
    if (!existsSync(file)) {
      errors.push(`${name} is missing (icons: node scripts/make-icons.mjs)`);
      continue;
    }
    files[name] = readFileSync(file);
  }
  for (const [name, size] of [
    [manifest.icons?.color, 192],
    [manifest.icons?.outline, 32],
  ]) {
    const dims = files[name] && pngSize(files[name]);
    if (!dims || dims.width !== size || dims.height !== size)
      errors.push(`${name} must be a ${size}×${size} PNG`);
  }
  for (const key of Object.keys(frCa)) {
    const match = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
    if (
      match &&
      manifest.bots?.[match[1]]?.commandLists?.[match[2]]?.commands?.[match[3]]?.[match[4]] === undefined
    ) {
      errors.push(`fr-ca.json translates ${key}, which the manifest does not have`);
    }
  }
  if (errors.length > 0) fail(`invalid app package:\n  ${errors.join('\n  ')}`);

  files['manifest.json'] = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  files['fr-ca.json'] = Buffer.from(JSON.stringify(frCa, null, 2) + '\n');
  const archive = zip(FILES.map((name) => ({ name, data: files[name] })));
  mkdirSync(args.out, { recursive: true });
  const target = path.join(args.out, 'appPackage.zip');
  writeFileSync(target, archive);
  console.log(
    `package-app: wrote ${path.relative(process.cwd(), target) || target} (${archive.length} bytes; app ${values.TEAMS_APP_ID}, bot ${values.BOT_ID}, v${values.APP_VERSION})`,
  );
}

await main();
