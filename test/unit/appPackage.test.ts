import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { recogniseCommand } from '../../src/platform/commands';
import { loadConfig } from '../../src/platform/config';

/**
 * The Teams app package: templates in appPackage/ validated offline against the schemas bundled in
 * @microsoft/app-manifest, both languages complete, icons as Teams requires, and
 * scripts/package-app.mjs run end to end.
 */

const ROOT = path.resolve(__dirname, '../..');
const APP_DIR = path.join(ROOT, 'appPackage');
const SCHEMAS = path.join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams');

const SAMPLE = {
  TEAMS_APP_ID: '6f1f3c1e-6a0b-4c7e-9d8a-2b5e4f7a9c10',
  BOT_ID: '0d9e8c7b-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  DEVELOPER_NAME: 'Canadian Digital Service',
  WEBSITE_URL: 'https://example.gc.ca/',
  PRIVACY_URL: 'https://example.gc.ca/privacy',
  TERMS_URL: 'https://example.gc.ca/terms',
  BOT_DOMAIN: 'bot.example.gc.ca',
  TAB_SSO_APP_ID: '0d9e8c7b-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
} as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

interface Command {
  title: string;
  description: string;
}
interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
  icons: { color: string; outline: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  validDomains?: string[];
  staticTabs?: { entityId: string; name: string; contentUrl: string; scopes: string[] }[];
  configurableTabs?: {
    configurationUrl: string;
    canUpdateConfiguration?: boolean;
    scopes: string[];
    context?: string[];
  }[];
  webApplicationInfo?: { id: string; resource: string };
}

function without(values: Readonly<Record<string, string>>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key !== name));
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(path.join(APP_DIR, file), 'utf8')) as Json;
}

/** Fills `${{NAME}}` from `values`, leaving unknown placeholders in place (as a broken deployment would). */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The version the packaging script writes: package.json's. */
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

function filledManifest(values: Readonly<Record<string, string>>): TeamsManifest {
  const text = readFileSync(path.join(APP_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fill(text, { APP_VERSION: PACKAGE_VERSION, ...values })) as TeamsManifest;
}

function validate(document: unknown, schema?: object): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(document as Manifest, schema as Schema);
}

/** Same repair as scripts/package-app.mjs: the bundled localization schema has bare `]` that ajv's `u` flag rejects. */
function unicodeSafe(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unicodeSafe);
  if (!node || typeof node !== 'object') return node;
  const fixPattern = (pattern: string): string => {
    try {
      new RegExp(pattern, 'u');
      return pattern;
    } catch {
      return pattern.replace(/\\b\]/g, '\\b\\]');
    }
  };
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, value]) => {
      if (key === 'patternProperties') {
        return [
          key,
          Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([p, v]) => [fixPattern(p), unicodeSafe(v)]),
          ),
        ];
      }
      if (key === 'pattern' && typeof value === 'string') return [key, fixPattern(value)];
      return [key, unicodeSafe(value)];
    }),
  );
}

function localizationSchema(manifestVersion: string): object {
  const file = path.join(SCHEMAS, `v${manifestVersion}`, 'MicrosoftTeams.Localization.schema.json');
  return unicodeSafe(JSON.parse(readFileSync(file, 'utf8'))) as object;
}

// ---------- PNG reading ----------

interface Png {
  width: number;
  height: number;
  colourType: number;
  bitDepth: number;
  idat: Buffer;
}

function readPng(file: string): Png {
  const buf = readFileSync(path.join(APP_DIR, file));
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  const idat: Buffer[] = [];
  for (let offset = 8; offset < buf.length;) {
    const length = buf.readUInt32BE(offset);
    if (buf.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      idat.push(buf.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24] ?? 0,
    colourType: buf[25] ?? 0,
    idat: Buffer.concat(idat),
  };
}

/** RGBA pixels of an 8-bit RGBA PNG, undoing the per-row filters (any of the five). */
function rgbaPixels(png: Png): Uint8Array {
  expect(png.colourType).toBe(6);
  expect(png.bitDepth).toBe(8);
  const raw = zlib.inflateSync(png.idat);
  const stride = png.width * 4;
  const out = new Uint8Array(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = Math.floor((a + b) / 2);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

// ---------- zip reading ----------

/** Entries of a zip by name, read from the central directory and inflated. */
function readZip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buf.readUInt16LE(end + 10);
  let offset = buf.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(offset)).toBe(0x02014b50);
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function runPackageScript(args: string[], env: Readonly<Record<string, string>>) {
  // A clean environment, so a developer's .env or shell variables cannot change the outcome.
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/package-app.mjs'), '--no-env-file', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    encoding: 'utf8',
  });
}

describe('Teams app manifest', () => {
  const manifest = filledManifest(SAMPLE);

  it('is valid against the bundled schema of its own manifestVersion once placeholders are filled', async () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    await expect(validate(manifest)).resolves.toEqual([]);
    expect(manifest.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(SAMPLE.BOT_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('fails validation when a placeholder has no value', async () => {
    const withoutBotId = without(SAMPLE, 'BOT_ID');
    const broken = filledManifest(withoutBotId);
    expect(broken.bots[0]?.botId).toBe('${{BOT_ID}}');
    const errors = await validate(broken);
    expect(errors.join('\n')).toMatch(/\/bots\/0\/botId/);
  });

  it('offers the bot in personal, team and group chat with the agreed commands and no files', () => {
    const bot = manifest.bots[0];
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.supportsFiles).toBe(false);
    const titles = (scope: string) =>
      bot?.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title);
    expect(titles('personal')).toEqual([
      'help',
      'talking points',
      'I saw a post',
      'my records',
      'my cases',
      'escalate',
      'français',
    ]);
    expect(titles('team')).toEqual([
      'help',
      'talking points',
      'discussion guide',
      'register values and ethics office',
      'register ombud',
    ]);
    expect(titles('groupChat')).toEqual(['help', 'talking points', 'discussion guide']);
  });

  it('says it quotes official guidance and decides nothing about anyone', () => {
    const text = readFileSync(path.join(APP_DIR, 'manifest.json'), 'utf8');
    const parsed = JSON.parse(text) as {
      name: { short: string; full: string };
      description: { short: string; full: string };
    };
    expect(parsed.name).toEqual({
      short: 'Social Media Guidance',
      full: 'Social media guidance for managers',
    });
    for (const description of [parsed.description.short, parsed.description.full]) {
      expect(description).toMatch(/Government of Canada guidance/);
      expect(description).toMatch(/no decisions about anyone/);
    }
  });
});

describe('fr-ca localization', () => {
  const manifest = filledManifest(SAMPLE);
  const frCa = readJson('fr-ca.json') as Record<string, string>;

  it('is declared in the manifest and valid against the bundled localization schema', async () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en-us');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'fr-ca', file: 'fr-ca.json' },
    ]);
    await expect(validate(frCa, localizationSchema(manifest.manifestVersion))).resolves.toEqual([]);
  });

  it('is really checked by that schema (a 31-character short name is rejected)', async () => {
    const tooLong = { ...frCa, 'name.short': 'x'.repeat(31) };
    const errors = await validate(tooLong, localizationSchema(manifest.manifestVersion));
    expect(errors.join('\n')).toMatch(/name\.short/);
  });

  it('translates the name, both descriptions and every command title and description', () => {
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(frCa[key]).toEqual(expect.any(String));
    }
    const expected = new Set<string>();
    manifest.bots[0]?.commandLists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        for (const field of ['title', 'description'] as const) {
          const key = `bots[0].commandLists[${i}].commands[${j}].${field}`;
          expected.add(key);
          expect({ key, value: frCa[key]?.trim() || undefined }).toEqual({ key, value: expect.any(String) });
          expect({ key, same: frCa[key] === command[field] }).toEqual({ key, same: false });
        }
      }),
    );
    const commandKeys = Object.keys(frCa).filter((key) => key.startsWith('bots['));
    expect(commandKeys.sort()).toEqual([...expected].sort());
  });
});

describe('tabs', () => {
  const manifest = filledManifest(SAMPLE);
  const frCa = readJson('fr-ca.json') as Record<string, string>;
  const pageOf = (url: string) => {
    const parsed = new URL(url);
    return { host: parsed.host, file: parsed.pathname.replace(/^\/tabs\//, '') };
  };

  it('pins "My cases" as a personal tab, named in French too', () => {
    expect(manifest.staticTabs).toEqual([
      {
        entityId: 'my-cases',
        name: 'My cases',
        contentUrl: `https://${SAMPLE.BOT_DOMAIN}/tabs/mycases.html`,
        scopes: ['personal'],
      },
    ]);
    expect(frCa['staticTabs[0].name']).toBe('Mes cas');
  });

  it('offers the "Case board" as a configurable channel tab', () => {
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `https://${SAMPLE.BOT_DOMAIN}/tabs/config.html`,
        canUpdateConfiguration: false,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
  });

  it('asks Teams for SSO tokens for the bot’s app id URI, which the tab API accepts', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.BOT_ID,
      resource: `api://${SAMPLE.BOT_DOMAIN}/${SAMPLE.BOT_ID}`,
    });
    const config = loadConfig({
      MicrosoftAppId: SAMPLE.BOT_ID,
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
      BOT_DOMAIN: SAMPLE.BOT_DOMAIN,
    });
    expect(config.tabs.audiences).toContain(manifest.webApplicationInfo?.resource);
  });

  it('points every tab at a page the tab build produces, on a valid domain', () => {
    const urls = [
      ...(manifest.staticTabs ?? []).map((tab) => tab.contentUrl),
      ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
    ];
    expect(urls.length).toBe(2);
    for (const url of urls) {
      const { host, file } = pageOf(url);
      expect(manifest.validDomains).toContain(host);
      expect(existsSync(path.join(ROOT, 'tabs/pages', file))).toBe(true);
    }
  });
});

describe('command menu', () => {
  // Teams sends a command's (localised) title as the message text, so every title must be one the bot
  // recognises, in both languages; store validation also requires every listed command to work.
  it('lists only titles that the bot recognises, in English and in French', () => {
    const manifest = filledManifest(SAMPLE);
    const frCa = readJson('fr-ca.json') as Record<string, string>;
    const unrecognised: string[] = [];
    manifest.bots[0]?.commandLists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const french = frCa[`bots[0].commandLists[${i}].commands[${j}].title`] ?? '';
        for (const title of [command.title, french]) if (!recogniseCommand(title)) unrecognised.push(title);
      }),
    );
    expect(unrecognised).toEqual([]);
  });

  it('switches language with "français" and its French counterpart "English"', () => {
    expect(recogniseCommand('français')).toEqual({ kind: 'switchLanguage', to: 'fr' });
    expect(recogniseCommand('English')).toEqual({ kind: 'switchLanguage', to: 'en' });
  });
});

describe('icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    const manifest = filledManifest(SAMPLE);
    const color = readPng(manifest.icons.color);
    const outline = readPng(manifest.icons.outline);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('draws the outline icon in white on transparent only', () => {
    const pixels = rgbaPixels(readPng('outline.png'));
    let visible = 0;
    let transparent = 0;
    const offColour: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      else {
        visible++;
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) offColour.push(i / 4);
      }
    }
    expect(offColour).toEqual([]);
    expect(visible).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(300);
  });
});

describe('npm run package (scripts/package-app.mjs)', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes a zip with the filled manifest, fr-ca.json and both icons at its root', () => {
    const result = runPackageScript(['--strict', '--out', outDir], SAMPLE);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const entries = readZip(readFileSync(path.join(outDir, 'appPackage.zip')));
    expect([...entries.keys()]).toEqual(['manifest.json', 'fr-ca.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as TeamsManifest & {
      version: string;
      developer: Record<string, string>;
    };
    expect(manifest.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(SAMPLE.BOT_ID);
    expect(manifest.developer).toEqual({
      name: SAMPLE.DEVELOPER_NAME,
      websiteUrl: SAMPLE.WEBSITE_URL,
      privacyUrl: SAMPLE.PRIVACY_URL,
      termsOfUseUrl: SAMPLE.TERMS_URL,
    });
    expect(manifest.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(entries.get('manifest.json')?.toString('utf8')).not.toContain('${{');
    expect(entries.get('color.png')?.equals(readFileSync(path.join(APP_DIR, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')?.equals(readFileSync(path.join(APP_DIR, 'outline.png')))).toBe(true);
  });

  it('takes the version from package.json, whatever the environment says', () => {
    const result = runPackageScript(['--out', outDir], { ...SAMPLE, APP_VERSION: '9.9.9' });
    expect(result.status).toBe(0);
    const manifest = JSON.parse(
      readZip(readFileSync(path.join(outDir, 'appPackage.zip')))
        .get('manifest.json')
        ?.toString('utf8') ?? '{}',
    ) as { version: string };
    expect(manifest.version).toBe(PACKAGE_VERSION);
  });

  it.each([
    ['BOT_DOMAIN', without(SAMPLE, 'BOT_DOMAIN'), /BOT_DOMAIN is not set/],
    [
      'BOT_DOMAIN',
      { ...SAMPLE, BOT_DOMAIN: 'https://bot.example.gc.ca/api' },
      /BOT_DOMAIN must be a host name/,
    ],
    ['BOT_DOMAIN', { ...SAMPLE, BOT_DOMAIN: 'localhost' }, /BOT_DOMAIN must be a host name/],
    ['BOT_ID', without(SAMPLE, 'BOT_ID'), /BOT_ID is not set/],
    ['BOT_ID', { ...SAMPLE, BOT_ID: 'not-a-guid' }, /BOT_ID must be a GUID/],
    ['TEAMS_APP_ID', without(SAMPLE, 'TEAMS_APP_ID'), /TEAMS_APP_ID is not set/],
    [
      'TEAMS_APP_ID',
      { ...SAMPLE, TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000' },
      /TEAMS_APP_ID must be a GUID/,
    ],
  ])(
    'refuses to package when %s is missing or malformed, naming it, and writes nothing',
    (_name, env, message) => {
      const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'app-package-refused-'));
      const result = runPackageScript(['--out', emptyDir], env);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(existsSync(path.join(emptyDir, 'appPackage.zip'))).toBe(false);
      rmSync(emptyDir, { recursive: true, force: true });
    },
  );

  it("warns that the department's values stand in, and a release (--strict) refuses without them", () => {
    const trial = runPackageScript(['--out', outDir], without(SAMPLE, 'PRIVACY_URL'));
    expect(trial.status).toBe(0);
    expect(trial.stderr).toMatch(/PRIVACY_URL is not set: using "https:\/\/www\.canada\.ca/);
    const release = runPackageScript(['--strict', '--out', outDir], without(SAMPLE, 'DEVELOPER_NAME'));
    expect(release.status).not.toBe(0);
    expect(release.stderr).toMatch(/DEVELOPER_NAME is not set/);
    const insecure = runPackageScript(['--out', outDir], {
      ...SAMPLE,
      TERMS_URL: 'http://example.gc.ca/terms',
    });
    expect(insecure.status).not.toBe(0);
    expect(insecure.stderr).toMatch(/TERMS_URL must be an https:\/\/ address/);
  });

  it('writes the same bytes for the same inputs (a reproducible package)', () => {
    runPackageScript(['--out', outDir], SAMPLE);
    const first = readFileSync(path.join(outDir, 'appPackage.zip'));
    runPackageScript(['--out', outDir], SAMPLE);
    expect(readFileSync(path.join(outDir, 'appPackage.zip')).equals(first)).toBe(true);
  });

  it('produces a zip that standard tools can read', () => {
    const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
    if (unzip.status !== 0) return; // unzip is optional on a developer machine; the reader above covers the format
    runPackageScript(['--out', outDir], SAMPLE);
    expect(execFileSync('unzip', ['-t', path.join(outDir, 'appPackage.zip')], { encoding: 'utf8' })).toMatch(
      /No errors detected/,
    );
  });
});
