/**
 * `npm run dev`'s tabs: the Agents Playground has no tabs, so a small page on its own port hosts the case
 * board and "My cases" in the Teams stand-in (host.html, the one the end-to-end tests use), as the
 * Playground's user (`currentUser` of .m365agentsplayground.yml) in its team. Local mode only: the bot
 * accepts the stand-in as a tab host (TAB_DEV_ORIGINS) and takes the user from it unverified, and says so.
 *
 *   const tabs = await startLocalTabs({ port: 56151, botUrl: 'http://localhost:3978', yml });
 *   tabs.url    // the page listing the tabs; tabs.stop() closes it
 */
const http = require('node:http');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const HOST_PAGE = path.join(__dirname, 'host.html');

/** A `key: value` of the YAML block that starts at `heading` (the Playground's file is flat enough for this). */
function field(yml, heading, key) {
  const start = heading ? yml.indexOf(`\n${heading}:`) : 0;
  if (start < 0) return undefined;
  const match = new RegExp(`\\n\\s+${key}:\\s*'?([^'\\n]+?)'?\\s*(?:\\n|$)`).exec(yml.slice(start));
  return match ? match[1].trim() : undefined;
}

/** Who and where the Playground says the user is: enough for the tabs' context. */
function playgroundIdentity(yml) {
  const tenantId = /\ntenantId:\s*([0-9a-f-]{36})/i.exec(yml)?.[1] ?? '';
  const teamStart = yml.indexOf('\nteam:');
  const team = teamStart < 0 ? '' : yml.slice(teamStart);
  return {
    tenantId,
    user: {
      aadObjectId: field(yml, 'currentUser', 'aadObjectId') ?? '',
      name: field(yml, 'currentUser', 'name') ?? '',
    },
    team: {
      id: /\n\s+id:\s*'?([^'\n]+?)'?\s*\n/.exec(team)?.[1] ?? '',
      name: /\n\s+name:\s*'?([^'\n]+?)'?\s*\n/.exec(team)?.[1] ?? '',
      groupId: /\n\s+aadGroupId:\s*'?([^'\n]+?)'?\s*\n/.exec(team)?.[1] ?? '',
    },
  };
}

/** The context in the legacy shape teams-js's host sends (as test/e2e/support/teamsHost.ts builds it). */
function legacyContext(identity, { entityId, locale, theme, inTeam }) {
  return {
    locale,
    theme,
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    entityId,
    userObjectId: identity.user.aadObjectId,
    userDisplayName: identity.user.name,
    tid: identity.tenantId,
    ...(inTeam
      ? {
          teamId: identity.team.id,
          teamName: identity.team.name,
          groupId: identity.team.groupId,
          channelId: identity.team.id,
          channelName: 'General',
        }
      : {}),
  };
}

const TABS = [
  { file: 'board.html', entityId: 'case-board', inTeam: true, en: 'Case board', fr: 'Tableau des cas' },
  { file: 'mycases.html', entityId: 'my-cases', inTeam: false, en: 'My cases', fr: 'Mes cas' },
];
const THEMES = ['default', 'dark', 'contrast'];

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage(identity, botUrl, origin) {
  const link = (tab, locale, theme) => {
    const config = {
      tabUrl: `${botUrl}/tabs/${tab.file}`,
      frameContext: 'content',
      context: legacyContext(identity, { entityId: tab.entityId, locale, theme, inTeam: tab.inTeam }),
    };
    return `${origin}/host?config=${encodeURIComponent(JSON.stringify(config))}`;
  };
  const rows = TABS.map((tab) => {
    const cells = ['en-ca', 'fr-ca']
      .map((locale) => {
        const label = locale === 'en-ca' ? tab.en : tab.fr;
        const themes = THEMES.map(
          (theme) => `<a href="${escapeHtml(link(tab, locale, theme))}">${theme}</a>`,
        );
        return `<li>${escapeHtml(label)} (${locale}): ${themes.join(' · ')}</li>`;
      })
      .join('');
    return cells;
  }).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local tabs</title></head>
<body>
<h1>Tabs, locally</h1>
<p>As ${escapeHtml(identity.user.name)} (the Playground's user) in the team ${escapeHtml(identity.team.name)}.
Local mode: the bot takes this user unverified. The board shows cases once an office channel is registered in
that team (see the README's journey 4).</p>
<ul>${rows}</ul>
</body></html>`;
}

/** Starts the page; resolves once it listens on loopback. */
async function startLocalTabs({ port, botUrl, yml }) {
  const identity = playgroundIdentity(yml);
  const host = readFileSync(HOST_PAGE);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const origin = `http://localhost:${server.address().port}`;
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(indexPage(identity, botUrl, origin));
    }
    if (pathname === '/host') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(host);
    }
    res.writeHead(404);
    return res.end();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://localhost:${actual}/`,
    origin: `http://localhost:${actual}`,
    identity,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startLocalTabs, playgroundIdentity };
