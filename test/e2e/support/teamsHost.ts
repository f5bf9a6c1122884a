import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * Serves the Teams stand-in (scripts/teams-host/host.html) on its own loopback port, so the tab runs
 * cross-origin in an iframe as it does in Teams, and builds the URL that loads a tab with a context.
 */

/** The Teams stand-in page, shared with `npm run dev`'s local tabs (scripts/teams-host/). */
const HOST_PAGE = path.join(__dirname, '../../../scripts/teams-host/host.html');

export interface HostContext {
  readonly locale: string;
  readonly theme: 'default' | 'dark' | 'contrast';
  readonly user: { readonly aadObjectId: string; readonly name: string; readonly upn?: string };
  readonly tenantId: string;
  readonly team?: { readonly id: string; readonly name: string; readonly groupId: string };
  readonly channel?: { readonly id: string; readonly name: string };
  readonly entityId?: string;
  /** What a deep link asked the tab to open (teams-js's page.subPageId). */
  readonly subEntityId?: string;
}

export interface TeamsHost {
  readonly origin: string;
  url(options: {
    tabUrl: string;
    frameContext: 'content' | 'settings';
    context: HostContext;
    token?: string;
    silent?: boolean;
  }): string;
  stop(): Promise<void>;
}

/** The context in the shape teams-js's host sends (the legacy flat fields app.getContext maps from). */
function legacyContext(c: HostContext, frameContext: string): Record<string, unknown> {
  return {
    locale: c.locale,
    theme: c.theme,
    frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    entityId: c.entityId ?? '',
    ...(c.subEntityId ? { subEntityId: c.subEntityId } : {}),
    userObjectId: c.user.aadObjectId,
    userDisplayName: c.user.name,
    userPrincipalName: c.user.upn ?? '',
    loginHint: c.user.upn ?? '',
    tid: c.tenantId,
    ...(c.team ? { teamId: c.team.id, teamName: c.team.name, groupId: c.team.groupId } : {}),
    ...(c.channel ? { channelId: c.channel.id, channelName: c.channel.name } : {}),
  };
}

export async function startTeamsHost(): Promise<TeamsHost> {
  const html = readFileSync(HOST_PAGE);
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    res.writeHead(404);
    return res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: ({ tabUrl, frameContext, context, token, silent }) =>
      `${origin}/?config=${encodeURIComponent(
        JSON.stringify({
          tabUrl,
          frameContext,
          context: legacyContext(context, frameContext),
          token,
          silent,
        }),
      )}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The production shape, offline: the host page served as https://teams.microsoft.com and the tab as
 * https://<domain>, both through Playwright routes (the tab's requests are passed on to the local bot).
 * teams-js then trusts its parent by its built-in list of Teams origins, with no development origins.
 */
export async function routeAsTeams(
  page: import('playwright-core').Page,
  options: { domain: string; botUrl: string },
): Promise<{ url: TeamsHost['url'] }> {
  const html = readFileSync(HOST_PAGE);
  await page.route('https://teams.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.route(`https://${options.domain}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${options.botUrl}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  const origin = 'https://teams.microsoft.com';
  return {
    url: ({ tabUrl, frameContext, context, token, silent }) =>
      `${origin}/_test/?config=${encodeURIComponent(
        JSON.stringify({
          tabUrl,
          frameContext,
          context: legacyContext(context, frameContext),
          token,
          silent,
        }),
      )}`,
  };
}
