import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/shared/projectRoot';

/**
 * The deployment's security posture, read from infra/*.bicep as text. No Bicep compiler installs here (it
 * downloads from outside), so these are narrow patterns over the source, each saying what it guards; they
 * catch a regression in what a departmental security review reads first. Where the Azure CLI exists, run
 * `az bicep build` and `az deployment group what-if` as well (README, "Production").
 */
const INFRA = path.join(PROJECT_ROOT, 'infra');
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

const BICEP = [
  'infra/main.bicep',
  ...readdirSync(path.join(INFRA, 'modules'))
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => `infra/modules/${f}`),
];
const sources = BICEP.map((file) => ({ file, text: read(file), lines: read(file).split('\n') }));
const CANADA = "@allowed(['canadacentral', 'canadaeast'])";

/** Resource types that have no region: private DNS zones (and their links) and the Azure Bot. */
const GLOBAL_TYPES = new Set([
  'Microsoft.Network/privateDnsZones',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  'Microsoft.BotService/botServices',
  'Microsoft.BotService/botServices/channels',
]);

/** Each line with the type of the resource (or module) declaration it belongs to. */
function linesWithResource(lines: readonly string[]): { line: string; index: number; type: string }[] {
  let type = '';
  return lines.map((line, index) => {
    const declared = /^resource \w+ '([^'@]+)@[^']+'/.exec(line) ?? /^module \w+ '([^']+)'/.exec(line);
    if (declared) type = declared[1]!;
    else if (/^(output|param|var|targetScope) /.test(line)) type = '';
    return { line, index, type };
  });
}

/** The comment block just above a line (contiguous `//` lines), lower-cased. */
function commentAbove(lines: readonly string[], index: number): string {
  const out: string[] = [];
  for (let i = index - 1; i >= 0 && /^\s*\/\//.test(lines[i]!); i--) out.unshift(lines[i]!);
  return out.join('\n').toLowerCase();
}

describe('infrastructure posture (infra/*.bicep)', () => {
  it('reads every Bicep file: main and its modules', () => {
    expect(BICEP).toEqual(
      expect.arrayContaining([
        'infra/main.bicep',
        'infra/modules/network.bicep',
        'infra/modules/postgres.bicep',
        'infra/modules/keyvault.bicep',
        'infra/modules/monitoring.bicep',
        'infra/modules/app.bicep',
        'infra/modules/bot.bicep',
      ]),
    );
    for (const { file, text } of sources) {
      const modules = [...text.matchAll(/^module \w+ '([^']+)'/gm)].map((m) => m[1]!);
      for (const module of modules)
        expect(BICEP).toContain(path.posix.join(path.posix.dirname(file), module));
    }
  });

  describe('private by default', () => {
    it('enables public network access only where a comment says it is public by necessity, and only for the three known cases', () => {
      const necessary: string[] = [];
      for (const { file, lines } of sources) {
        for (const { line, index, type } of linesWithResource(lines)) {
          // A literal 'Enabled' on any publicNetworkAccess* property (Key Vault, PostgreSQL, Web, Monitor).
          if (!/^\s*publicNetworkAccess\w*\s*:\s*'Enabled'/.test(line)) continue;
          let i = index;
          while (i > 0 && /^\s*publicNetworkAccess\w*\s*:/.test(lines[i - 1]!)) i--; // a pair shares one comment
          expect({ file, line: index + 1, comment: commentAbove(lines, i) }).toEqual({
            file,
            line: index + 1,
            comment: expect.stringContaining('posture: public by necessity'),
          });
          necessary.push(type);
        }
      }
      // The App Service (Bot Connector and Teams clients call it) and Azure Monitor's shared endpoints.
      expect([...new Set(necessary)].sort()).toEqual([
        'Microsoft.Insights/components',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Web/sites',
      ]);
    });

    it('keeps PostgreSQL and Key Vault closed unless the trial switch, off by default, is turned on', () => {
      for (const file of ['infra/modules/postgres.bicep', 'infra/modules/keyvault.bicep']) {
        const text = read(file);
        expect(text).toMatch(/publicNetworkAccess: allowPublicNetworkAccess \? 'Enabled' : 'Disabled'/);
        expect(text).toMatch(/param allowPublicNetworkAccess bool = false/);
        // Reached through a private endpoint with its private DNS zone.
        expect(text).toMatch(/'Microsoft\.Network\/privateEndpoints@/);
        expect(text).toMatch(/privateDnsZoneGroups@/);
      }
      expect(read('infra/modules/postgres.bicep')).toMatch(/groupIds: \[\s*'postgresqlServer'\s*\]/);
      expect(read('infra/modules/keyvault.bicep')).toMatch(/groupIds: \[\s*'vault'\s*\]/);
      expect(read('infra/modules/keyvault.bicep')).toMatch(/defaultAction: 'Deny'/);
      expect(read('infra/main.bicep')).toMatch(/param allowPublicNetworkAccess bool = false/);
      const parameters = JSON.parse(read('infra/main.parameters.json')) as {
        parameters: Record<string, { value: unknown }>;
      };
      expect(parameters.parameters.allowPublicNetworkAccess?.value).toBe(false);
    });

    it('opens no firewall rule to 0.0.0.0 ("all Azure services", any tenant) or to a range', () => {
      for (const { file, text } of sources) {
        // Firewall rules take their addresses from the trial parameter, never from a literal.
        for (const match of text.matchAll(/(start|end)IpAddress:\s*(\S+)/g)) {
          expect({ file, value: match[2] }).toEqual({ file, value: 'trialClientIp' });
        }
        expect(text).not.toMatch(/AllowAzureServices|AllowAllAzure|AllowAll\b/);
        const rules = [...text.matchAll(/^resource \w+ '[^']*\/firewallRules@[^']*' = (.*)$/gm)];
        for (const rule of rules)
          expect(rule[1]).toMatch(/^if \(allowPublicNetworkAccess && !empty\(trialClientIp\)\)/);
      }
    });

    it('integrates the App Service into the virtual network and routes all its outbound traffic there', () => {
      const app = read('infra/modules/app.bicep');
      expect(app).toMatch(/virtualNetworkSubnetId: appSubnetId/);
      expect(app).toMatch(/vnetRouteAllEnabled: true/);
      expect(read('infra/modules/network.bicep')).toMatch(/serviceName: 'Microsoft\.Web\/serverFarms'/);
    });
  });

  describe('identities, not passwords', () => {
    it('signs in to PostgreSQL with Microsoft Entra only: no password authentication, no administrator password', () => {
      const postgres = read('infra/modules/postgres.bicep');
      expect(postgres).toMatch(/activeDirectoryAuth: 'Enabled'/);
      expect(postgres).toMatch(/passwordAuth: 'Disabled'/);
      for (const { file, text } of sources) {
        expect({ file, found: /administratorLogin(Password)?\s*:/.test(text) }).toEqual({
          file,
          found: false,
        });
      }
      // The least-privilege role is created by the documented script, not as an administrator.
      const sql = read('infra/postgres-app-role.sql');
      // pgaadauth_create_principal(name, isAdmin = false, isMfa = false): a LOGIN role, not an administrator.
      expect(sql).toMatch(/pgaadauth_create_principal\(%L, false, false\)', :'app_role'\)/);
      const statements = sql.replace(/--[^\n]*/g, '');
      expect(statements).not.toMatch(
        /GRANT\s+ALL|azure_pg_admin\s+TO|\b(SUPERUSER|CREATEROLE|CREATEDB|BYPASSRLS)\b/i,
      );
      expect(statements).toMatch(/CREATE SCHEMA IF NOT EXISTS smg AUTHORIZATION :"app_role"/);
    });

    it('defaults the bot to its user-assigned managed identity and never to MultiTenant', () => {
      const main = read('infra/main.bicep');
      expect(main).toMatch(/param botAuth string = 'UserAssignedMSI'/);
      expect(read('infra/modules/bot.bicep')).toMatch(
        /msaAppType: isMsi \? 'UserAssignedMSI' : 'SingleTenant'/,
      );
      expect(read('infra/modules/bot.bicep')).toMatch(/msaAppMSIResourceId: isMsi \? identityId : null/);
      for (const { file, text } of sources)
        expect({ file, multi: text.includes("'MultiTenant'") }).toEqual({ file, multi: false });
      const parameters = JSON.parse(read('infra/main.parameters.json')) as {
        parameters: Record<string, { value: unknown }>;
      };
      expect(parameters.parameters.botAuth?.value).toBe('UserAssignedMSI');
      expect(parameters.parameters.botAppPassword).toBeUndefined();
    });

    it('puts no password or secret value in the App Service settings', () => {
      const app = read('infra/modules/app.bicep');
      // The module has no secure parameter to leak: secrets reach the app only as Key Vault references.
      expect(app).not.toMatch(/@secure\(\)/);
      // `{ name: 'X', value: … }` on one line, or `name: 'X'` and `value: …` on consecutive lines.
      const settings = [...app.matchAll(/name: '([A-Za-z_]+)'\s*,?\s*\n?\s*value: (.+)$/gm)].map((m) => ({
        name: m[1]!,
        value: m[2]!.replace(/\s*\}\s*$/, '').trim(),
      }));
      expect(settings.length).toBeGreaterThan(20);
      for (const { name, value } of settings.filter((s) => /password|secret/i.test(s.name))) {
        expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^'@Microsoft\.KeyVault\(/) });
      }
      // The database URL names the role and the server; nothing stands between user and host.
      const databaseUrl = settings.find((s) => s.name === 'DATABASE_URL');
      expect(databaseUrl?.value).toMatch(/^'postgres:\/\/\$\{uriComponent\(postgresAppRole\)\}@/);
      expect(settings.find((s) => s.name === 'DATABASE_AUTH')?.value).toBe("'entra'");
      expect(settings.find((s) => s.name === 'NODE_ENV')?.value).toBe("'production'");
      expect(settings.find((s) => s.name === 'SCM_DO_BUILD_DURING_DEPLOYMENT')?.value).toBe("'false'");
    });

    it('outputs no secret: no password, key listing or secure parameter', () => {
      const secureParams = new Set<string>();
      for (const { text } of sources)
        for (const m of text.matchAll(/@secure\(\)\s*\nparam (\w+)/g)) secureParams.add(m[1]!);
      expect(secureParams).toEqual(new Set(['botAppPassword']));
      for (const { file, text } of sources) {
        for (const m of text.matchAll(/^output (\w+) \w+ = (.+)$/gm)) {
          const [, name, value] = m as unknown as [string, string, string];
          expect({ file, name, bad: /password|secret/i.test(name) }).toEqual({ file, name, bad: false });
          expect({ file, name, value }).toEqual({
            file,
            name,
            value: expect.not.stringMatching(/list\w*\(|Password|secret/i),
          });
          for (const param of secureParams) expect(value).not.toContain(param);
        }
        // The one connection string output (monitoring → app) writes nothing without an Entra token.
        for (const m of text.matchAll(/^output (\w*[Cc]onnectionString\w*) /gm)) {
          expect({ file, name: m[1] }).toEqual({
            file: 'infra/modules/monitoring.bicep',
            name: 'appInsightsConnectionString',
          });
          expect(read('infra/modules/monitoring.bicep')).toMatch(/DisableLocalAuth: true/);
        }
      }
    });
  });

  describe('Canada only', () => {
    it('limits every location parameter to Canada Central and Canada East', () => {
      for (const { file, lines } of sources) {
        lines.forEach((line, index) => {
          if (!/^param location\b/.test(line)) return;
          const decorators = lines.slice(Math.max(0, index - 4), index).join('\n');
          expect({ file, decorators: decorators.includes(CANADA) }).toEqual({ file, decorators: true });
        });
      }
      expect(read('infra/main.bicep')).toMatch(/param location string = 'canadacentral'/);
    });

    it('gives every regional resource that location, and "global" only to resources that have no region', () => {
      let regional = 0;
      for (const { file, lines } of sources) {
        for (const { line, index, type } of linesWithResource(lines)) {
          const match = /^\s+location: (.+)$/.exec(line);
          if (!match) continue;
          if (match[1] === "'global'") {
            expect({ file, line: index + 1, type, global: GLOBAL_TYPES.has(type) }).toEqual({
              file,
              line: index + 1,
              type,
              global: true,
            });
          } else {
            expect({ file, line: index + 1, value: match[1] }).toEqual({
              file,
              line: index + 1,
              value: 'location',
            });
            regional += 1;
          }
        }
      }
      expect(regional).toBeGreaterThan(15);
      // Every module that has a location receives main's.
      const main = read('infra/main.bicep');
      for (const m of main.matchAll(/^module (\w+) '([^']+)'/gm)) {
        const module = read(path.posix.join('infra', m[2]!));
        if (/^param location\b/m.test(module)) {
          const block = main.slice(m.index!, main.indexOf('\n}\n', m.index!));
          expect({ module: m[1], passes: /\n\s+location: location\n/.test(block) }).toEqual({
            module: m[1],
            passes: true,
          });
        }
      }
    });
  });

  describe('observable without personal data', () => {
    it('has a workspace-based Application Insights written with Entra auth by the app identity', () => {
      const monitoring = read('infra/modules/monitoring.bicep');
      expect(monitoring).toMatch(/WorkspaceResourceId: workspace\.id/);
      expect(monitoring).toMatch(/DisableLocalAuth: true/);
      expect(monitoring).toMatch(/3913510d-42f4-4e42-8a64-420c390055eb/); // Monitoring Metrics Publisher
      const app = read('infra/modules/app.bicep');
      expect(app).toMatch(/APPLICATIONINSIGHTS_CONNECTION_STRING/);
      expect(app).toMatch(/'Authorization=AAD;ClientId=\$\{identityClientId\}'/);
      // No App Service HTTP logs: they keep client addresses and full URLs.
      expect(app).not.toMatch(/AppServiceHTTPLogs/);
    });
  });

  describe('deploys that work', () => {
    it('names resources with a suffix from the resource group id, the bot included', () => {
      const main = read('infra/main.bicep');
      expect(main).toMatch(/var suffix = uniqueString\(resourceGroup\(\)\.id\)/);
      expect(main).toMatch(/name: '\$\{resourceBaseName\}-bot-\$\{suffix\}'/);
      for (const name of ['siteName', 'keyVaultName', 'postgresName', 'identityName'])
        expect(main).toMatch(new RegExp(`var ${name} = .*\\$\\{suffix\\}`));
    });
  });
});

/** Placeholders used by the toolkit's files, and where each gets its value. */
describe('m365agents.yml and its environment file', () => {
  const yml = read('m365agents.yml');
  const env = read('infra/env/.env.dev');
  const defined = new Set([...env.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
  const written = new Set([
    ...[...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm)].map((m) => m[1]!), // writeToEnvironmentFile
    ...[...read('infra/main.bicep').matchAll(/^output ([A-Z0-9_]+) /gm)].map((m) => m[1]!), // arm/deploy outputs
  ]);
  // Set by the toolkit itself: aadApp/update generates the scope id when it is not set.
  const builtIn = new Set(['AAD_APP_ACCESS_AS_USER_PERMISSION_ID']);
  const used = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

  it.each([
    'm365agents.yml',
    'infra/main.parameters.json',
    'infra/aad.manifest.json',
    'appPackage/manifest.json',
  ])('defines every variable %s uses', (file) => {
    const missing = used(read(file)).filter(
      (name) => !defined.has(name) && !written.has(name) && !builtIn.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('checks the environment file first, before anything is created', () => {
    const firstStep = /provision:\n(?:\s*#.*\n)*\s*- uses: (\S+)\n(?:.*\n){0,3}?\s+run: (.*)/.exec(yml);
    expect(firstStep?.[1]).toBe('script');
    expect(firstStep?.[2]).toBe('node infra/scripts/check-env.mjs ${{TEAMSFX_ENV}}');
  });

  it('creates the tabs’ sign-on app and gives it its api:// identifier on the bot’s domain', () => {
    expect(yml).toMatch(/- uses: aadApp\/create\n\s+with:\n\s+name: social-media-guidance-tabs/);
    expect(yml).toMatch(/clientId: TAB_SSO_APP_ID/);
    expect(yml).toMatch(/- uses: aadApp\/update\n\s+with:\n\s+manifestPath: \.\/infra\/aad\.manifest\.json/);
    const aad = JSON.parse(read('infra/aad.manifest.json')) as { identifierUris: string[] };
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{TAB_SSO_APP_ID}}']);
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: unknown };
    expect(manifest.webApplicationInfo).toEqual({
      id: '${{TAB_SSO_APP_ID}}',
      resource: 'api://${{BOT_DOMAIN}}/${{TAB_SSO_APP_ID}}',
    });
    // No active step creates a bot app with a client secret (the alternative is commented out).
    expect(yml).not.toMatch(/^\s+generateClientSecret: true/m);
  });

  it('deploys the built app with production dependencies instead of building on the App Service', () => {
    const deploy = yml.slice(yml.indexOf('\ndeploy:'), yml.indexOf('\npublish:'));
    expect(deploy).toMatch(/args: run build/);
    expect(deploy).toMatch(/run: node infra\/scripts\/stage-deploy\.mjs/);
    expect(deploy).toMatch(/artifactFolder: \.\/\.deploy/);
    expect(read('infra/scripts/stage-deploy.mjs')).toMatch(/'ci', '--omit=dev'/);
  });
});
