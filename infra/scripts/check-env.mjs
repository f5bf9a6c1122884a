#!/usr/bin/env node
// First step of `atk provision` (m365agents.yml): stops, before anything is created in Entra ID or Azure,
// when a value the later steps need is empty or still a REPLACE_ME placeholder, and says which and why.
//   node infra/scripts/check-env.mjs <env>        (reads infra/env/.env.<env> and .env.<env>.user)
// Values already in the process environment win, as in the toolkit. Exit code 1 lists every problem at once.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTTPS = /^https:\/\/[^\s/]+(\/\S*)?$/;

/** Each variable provisioning needs, and what a valid value looks like. */
export const REQUIRED = {
  AZURE_SUBSCRIPTION_ID: { valid: (v) => GUID.test(v), expect: 'a subscription GUID' },
  AZURE_RESOURCE_GROUP_NAME: { valid: (v) => /^[\w.()-]{1,90}$/.test(v), expect: 'a resource group name' },
  AZURE_LOCATION: {
    valid: (v) => v === 'canadacentral' || v === 'canadaeast',
    expect: 'canadacentral or canadaeast (data stays in Canada)',
  },
  APP_SERVICE_SKU: {
    valid: (v) => /^[A-Z]\w+$/.test(v),
    expect: 'an App Service plan SKU such as B1 or P0v3',
  },
  POSTGRES_ENTRA_ADMIN_OBJECT_ID: {
    valid: (v) => GUID.test(v),
    expect: 'the object id (GUID) of the DBA group',
  },
  POSTGRES_ENTRA_ADMIN_NAME: { valid: (v) => v.length > 0, expect: 'the display name of the DBA group' },
  DEVELOPER_NAME: {
    valid: (v) => v.length > 0 && v.length <= 32,
    expect: 'the department name (32 characters at most)',
  },
  WEBSITE_URL: { valid: (v) => HTTPS.test(v), expect: 'an https:// address' },
  PRIVACY_URL: { valid: (v) => HTTPS.test(v), expect: 'an https:// address' },
  TERMS_URL: { valid: (v) => HTTPS.test(v), expect: 'an https:// address' },
};

export function parseEnvFile(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2].trim();
  }
  return values;
}

/** The problems with `values`, one line each; empty when provisioning may start. */
export function problems(values) {
  const found = [];
  for (const [name, { valid, expect }] of Object.entries(REQUIRED)) {
    const value = (values[name] ?? '').trim();
    if (!value) found.push(`${name} is empty: set ${expect}`);
    else if (/^REPLACE_ME\b/.test(value)) found.push(`${name} is still a placeholder: set ${expect}`);
    else if (!valid(value)) found.push(`${name}="${value}" is not ${expect}`);
  }
  return found;
}

function main() {
  const env = process.argv[2] || process.env.TEAMSFX_ENV;
  if (!env) {
    process.stderr.write('usage: node infra/scripts/check-env.mjs <env>\n');
    process.exit(2);
  }
  const files = [`.env.${env}`, `.env.${env}.user`].map((f) => path.join(ROOT, 'infra', 'env', f));
  const values = {};
  for (const file of files)
    if (existsSync(file)) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  for (const name of Object.keys(REQUIRED)) if (process.env[name]) values[name] = process.env[name];
  const found = problems(values);
  if (found.length > 0) {
    process.stderr.write(
      `Provisioning stopped before creating anything: infra/env/.env.${env} needs\n` +
        found.map((p) => `  - ${p}\n`).join(''),
    );
    process.exit(1);
  }
  process.stdout.write(`infra/env/.env.${env}: every value provisioning needs is set\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
