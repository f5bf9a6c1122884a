import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpResponse, HttpRoute } from '../../platform/server/routes';
import { PROJECT_ROOT } from '../../shared/projectRoot';

/**
 * Serves the built tab pages (npm run build:tabs → public/build/tabs/) under /tabs/. Only flat file names
 * of known types are served, so no path can leave the folder. Pages may be framed only by Teams and the
 * other Microsoft 365 hosts (plus, in local mode, the development hosts named in TAB_DEV_ORIGINS).
 */

export const TABS_BUILD_DIR = path.join(PROJECT_ROOT, 'public', 'build', 'tabs');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const FILE = /^[a-z0-9][a-z0-9-]*\.(html|js|css)$/;

/** Hosts that embed Teams tabs (Teams, Outlook and the Microsoft 365 app), per Microsoft's tab guidance. */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

export interface StaticPagesOptions {
  /** Local mode: the page is told to send a development identity and to trust these host origins. */
  readonly devOrigins?: readonly string[];
  readonly dir?: string;
}

export function tabPageRoutes(options: StaticPagesOptions): HttpRoute[] {
  const dir = options.dir ?? TABS_BUILD_DIR;
  const dev = options.devOrigins !== undefined;
  const ancestors = [...TEAMS_FRAME_ANCESTORS, ...(options.devOrigins ?? [])].join(' ');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // teams-js refreshes its list of valid host origins from this CDN (it falls back to a built-in list).
    "connect-src 'self' https://res.cdn.office.net",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${ancestors}`,
  ].join('; ');

  const page = async (file: string): Promise<HttpResponse> => {
    if (!FILE.test(file)) return notFound();
    let body: Buffer;
    try {
      body = await readFile(path.join(dir, file));
    } catch {
      return notFound();
    }
    const ext = path.extname(file);
    if (ext === '.html' && dev) {
      // Marks the page as running against a local server; authenticated servers never send this.
      const meta = `<meta name="tab-dev" content="local" data-origins="${escapeAttr((options.devOrigins ?? []).join(' '))}">`;
      body = Buffer.from(body.toString('utf8').replace(/<meta name="tab-dev" content=""\s*\/?>/, meta));
    }
    return {
      status: 200,
      headers: {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // Pages change with each deployment and are small: always revalidate.
        'Cache-Control': 'no-cache',
      },
      raw: body,
    };
  };
  return [{ method: 'get', path: '/tabs/:file', handle: (req) => page(req.params.file ?? '') }];
}

function notFound(): HttpResponse {
  return { status: 404, json: { code: '404', message: 'Not found' } };
}

function escapeAttr(value: string): string {
  return value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
