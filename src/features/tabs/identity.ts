import { GUID } from '../../shared/ids';
import { createSsoValidator, SsoError, type SsoIdentity, type SsoOptions } from './ssoToken';

/**
 * Who is calling the tab API. Authenticated mode accepts only a Teams SSO token. Local mode (no app id:
 * playground, tests) has no Entra ID to ask, so it takes a development identity from headers — flagged on
 * every response so it can never pass for a verified one.
 */

export const DEV_USER_HEADER = 'x-dev-user';
export const DEV_NAME_HEADER = 'x-dev-name';
export const DEV_IDENTITY_HEADER = 'X-Dev-Identity';
export const DEV_IDENTITY_VALUE = 'unverified-local-development';

export type IdentityResolver = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
) => Promise<SsoIdentity>;

const header = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function ssoIdentity(options: SsoOptions): IdentityResolver {
  const validate = createSsoValidator(options);
  return (headers) => validate(header(headers, 'authorization'));
}

export function devIdentity(): IdentityResolver {
  return async (headers) => {
    const user = header(headers, DEV_USER_HEADER)?.trim();
    if (!user || !GUID.test(user)) throw new SsoError('missing');
    const name = header(headers, DEV_NAME_HEADER)?.trim().slice(0, 100) ?? '';
    return { aadObjectId: user.toLowerCase(), tenantId: 'local', name: safeDecode(name) };
  };
}

/** Header values are ASCII, so the page percent-encodes names; a malformed one becomes empty, not an error. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
