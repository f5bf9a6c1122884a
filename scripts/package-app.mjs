#!/usr/bin/env node
/**
 * Builds the Teams app package: appPackage/build/appPackage.zip holding manifest.json, fr-ca.json,
 * color.png and outline.png at the zip root.
 *
 *   npm run package                         # reads .env if present, then the environment
 *   npm run package -- --strict             # refuse to fall back to placeholder ids (release builds)
 *   node scripts/package-app.mjs --out DIR  # write DIR/appPackage.zip instead
 *   node scripts/package-app.mjs --env-file FILE | --no-env-file
 *
 * `${{NAME}}` placeholders in appPackage/*.json are filled from the environment (TeamsFx style), so
 * ids and URLs differ per deployment while the committed templates stay environment-free.
 * The filled manifest is validated offline against the JSON schema bundled in
 * @microsoft/app-manifest before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { crc32 } from './lib/crc32.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIR = path.join(ROOT, 'appPackage');
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
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

/**
 * Values for every placeholder. Ids have no safe default: locally they fall back to the zero GUID
 * with a warning (enough to inspect or validate a package), and `--strict` turns that into an error.
 */
function resolveValues(env, strict) {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const warnings = [];
  const values = {};
  for (const name of ['TEAMS_APP_ID', 'BOT_ID']) {
    const value = env[name]?.trim();
    if (value) {
      if (!GUID.test(value)) fail(`${name} must be a GUID, got "${value}"`);
      values[name] = value;
    } else if (strict) {
      fail(`${name} is not set (required with --strict)`);
    } else {
      values[name] = ZERO_GUID;
      warnings.push(
        `${name} is not set: using ${ZERO_GUID}. This package is for local inspection only and cannot be uploaded to Teams.`,
      );
    }
  }
  // The tabs' single sign-on app (webApplicationInfo): its own Entra app when the bot signs in with a managed
  // identity (m365agents.yml), the bot's app otherwise.
  values.TAB_SSO_APP_ID = env.TAB_SSO_APP_ID?.trim() || values.BOT_ID;
  if (!GUID.test(values.TAB_SSO_APP_ID))
    fail(`TAB_SSO_APP_ID must be a GUID, got "${values.TAB_SSO_APP_ID}"`);
  const defaults = {
    APP_VERSION: pkg.version,
    DEVELOPER_NAME: 'Government of Canada',
    WEBSITE_URL: 'https://www.canada.ca/en.html',
    PRIVACY_URL: 'https://www.canada.ca/en/transparency/privacy.html',
    TERMS_URL: 'https://www.canada.ca/en/transparency/terms.html',
  };
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = env[name]?.trim();
    values[name] = value || fallback;
    if (!value && name.endsWith('_URL')) warnings.push(`${name} is not set: using ${fallback}`);
  }
  // Optional: the bot needs no validDomains unless it later serves web content (task modules, tabs).
  values.BOT_DOMAIN = (env.BOT_DOMAIN ?? '')
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
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

// ---------- zip writer (deflate via zlib; no dependency) ----------

/**
 * A zip of `entries` ({ name, data }) with every entry deflated. Timestamps are fixed at
 * 1980-01-01 so the same inputs always give the same bytes (reproducible packages, stable diffs).
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + compressed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
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
