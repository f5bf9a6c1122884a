import type { CaseRecord } from './types';

/**
 * Who may see a case's details (summary, attached record, questions, outcome). The values and ethics
 * office works as a team, so its channel sees them. The Ombud is confidential: its channel sees only that
 * a request exists (id, urgency, status); the details go to the one person who takes it.
 */
export type Audience =
  | { readonly kind: 'channel' }
  | { readonly kind: 'officer'; readonly aadObjectId: string }
  | { readonly kind: 'manager'; readonly aadObjectId: string };

export function canSeeDetails(c: CaseRecord, audience: Audience): boolean {
  switch (audience.kind) {
    case 'manager':
      return audience.aadObjectId === c.managerAadObjectId;
    case 'channel':
      return c.office !== 'ombud';
    case 'officer':
      return c.office !== 'ombud' || c.assignee?.aadObjectId === audience.aadObjectId;
  }
}

/** The channel card of a confidential case does not name the manager either. */
export function showsRequester(c: CaseRecord, audience: Audience): boolean {
  return canSeeDetails(c, audience);
}
