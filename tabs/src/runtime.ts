import { formatDate as formatSharedDate, localeOf } from '../../src/shared/dates';
import { app, authentication } from '@microsoft/teams-js';
import { h, replaceChildren } from './dom';
import { setFluentTheme, type Theme } from './fluent';
import { langOf, tabStrings, tr, type TabKey, type TabLang } from './strings';

/**
 * What every tab page does first: join the Teams host (or say it only runs there), read the context,
 * follow the theme and language, and call the tab API with the user's SSO token.
 */

/** How long to wait for a host before concluding the page was opened outside Teams. */
const INITIALIZE_TIMEOUT_MS = 5000;

export interface ApiResult<T> {
  readonly status: number;
  readonly body: T & { code?: string };
}

export interface TabSession {
  readonly context: app.Context;
  readonly lang: TabLang;
  readonly root: HTMLElement;
  api<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<ApiResult<T>>;
}

export function applyTheme(theme: string | undefined): void {
  const known: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  setFluentTheme(known);
  // The stylesheet's few theme-specific rules (high contrast outlines) key on this attribute.
  document.documentElement.dataset.theme = known;
}

/** The local server marks its pages (never an authenticated one): a development identity and host origins. */
function devSettings(): { dev: boolean; origins: string[] } {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tab-dev"]');
  const dev = meta?.content === 'local';
  return { dev, origins: dev ? (meta?.dataset.origins ?? '').split(' ').filter(Boolean) : [] };
}

/** Shown when no Teams host answers: in both languages, since no locale is known. */
export function showOutsideTeams(root: HTMLElement): void {
  document.title = `${tabStrings.en['outside.title']} / ${tabStrings.fr['outside.title']}`;
  replaceChildren(
    root,
    h(
      'section',
      { lang: 'en', class: 'outside' },
      h('h1', {}, tabStrings.en['outside.title']),
      h('p', {}, tabStrings.en['outside.body']),
    ),
    h(
      'section',
      { lang: 'fr', class: 'outside' },
      h('h1', {}, tabStrings.fr['outside.title']),
      h('p', {}, tabStrings.fr['outside.body']),
    ),
  );
  root.removeAttribute('aria-busy');
  document.documentElement.dataset.state = 'outside';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

export async function startTab(): Promise<TabSession | undefined> {
  const root = document.getElementById('app')!;
  applyTheme('default');
  const framed = window.parent !== window || Boolean(window.opener);
  // Teams on mobile hosts the page frameless through a native interface instead of a parent window.
  const native = 'nativeInterface' in window;
  if (!framed && !native) {
    showOutsideTeams(root);
    return undefined;
  }
  const { dev, origins } = devSettings();
  let context: app.Context;
  try {
    await withTimeout(app.initialize(origins.length > 0 ? origins : undefined), INITIALIZE_TIMEOUT_MS);
    context = await withTimeout(app.getContext(), INITIALIZE_TIMEOUT_MS);
  } catch {
    showOutsideTeams(root);
    return undefined;
  }
  const lang = langOf(context.app.locale);
  document.documentElement.lang = localeOf(lang);
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  replaceChildren(root, h('p', { role: 'status' }, tr(lang, 'loading')));

  const token = async (): Promise<string | undefined> => {
    try {
      return await authentication.getAuthToken();
    } catch {
      return undefined;
    }
  };

  return {
    context,
    lang,
    root,
    async api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}) {
      const headers: Record<string, string> = {};
      const sso = await token();
      if (sso) headers.authorization = `Bearer ${sso}`;
      if (dev && context.user?.id) {
        // Local server only (it says so in the page): who the test host says the user is, unverified.
        headers['x-dev-user'] = context.user.id;
        headers['x-dev-name'] = encodeURIComponent(context.user.displayName ?? '');
      }
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(path, {
          method: init.method ?? 'GET',
          headers,
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : {}) as T & { code?: string } };
      } catch {
        return { status: 0, body: {} as T & { code?: string } };
      }
    },
  };
}

/** The refusals of the case service (a 409) that the page explains; anything else is a generic error. */
const REFUSALS: Readonly<Record<string, TabKey>> = {
  taken: 'error.taken',
  closed: 'error.closed',
  notAssignee: 'error.notAssignee',
  noteRequired: 'error.noteRequired',
  notClosed: 'error.notClosed',
  reopenExpired: 'error.reopenExpired',
};

/**
 * The message for a failed API call, in the user's language. `holder` is who has the case now, as the
 * refusal's fresh copy of the case says, for "someone else took it first".
 */
export function errorText(lang: TabLang, status: number, code: string | undefined, holder?: string): string {
  if (status === 401) return tr(lang, 'error.signIn');
  if (status === 403) return tr(lang, 'error.notMember');
  if (code === 'notOfficeTeam') return tr(lang, 'error.notOfficeTeam');
  const refusal = code !== undefined ? REFUSALS[code] : undefined;
  if (refusal) return tr(lang, refusal, { name: holder ?? tr(lang, 'error.someone') });
  return tr(lang, 'error.generic');
}

/** A day, as the bot writes it (src/shared/dates.ts), in the viewer's own time zone. */
export function formatDate(lang: TabLang, iso: string): string {
  return formatSharedDate(lang, iso, 'day', 'local');
}

/** A moment (day and time), for the history of a case, in the viewer's own time zone. */
export function formatMoment(lang: TabLang, iso: string): string {
  return formatSharedDate(lang, iso, 'moment', 'local');
}

export function formatAge(lang: TabLang, days: number): string {
  if (days <= 0) return tr(lang, 'age.today');
  if (days === 1) return tr(lang, 'age.one');
  return tr(lang, 'age.many', { n: days });
}

export function notifyLoaded(): void {
  // Teams hides its loading indicator on success; a host that does not track it simply ignores the call.
  try {
    void app.notifySuccess().catch(() => undefined);
  } catch {
    // not initialized: nothing to notify
  }
}
