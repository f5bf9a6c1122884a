/**
 * The tab API's JSON, as the pages read it (mirrors src/tabs/tabData.ts; the server module cannot be
 * imported here because it pulls Node-only code into the browser build).
 */
export type Status = 'new' | 'assigned' | 'waiting' | 'closed';
export type Urgency = 'routine' | 'timeSensitive' | 'urgent';
export type Office = 'valuesEthics' | 'ombud';
export type Outcome = 'adviceGiven' | 'referredHr' | 'referredLabourRelations' | 'noFurtherAction';
export const STATUSES: readonly Status[] = ['new', 'assigned', 'waiting', 'closed'];
export const URGENCIES: readonly Urgency[] = ['routine', 'timeSensitive', 'urgent'];
export const OUTCOMES: readonly Outcome[] = [
  'adviceGiven',
  'referredHr',
  'referredLabourRelations',
  'noFurtherAction',
];

export interface Person {
  name: string;
  isYou: boolean;
}

export interface BoardCase {
  caseId: string;
  office: Office;
  status: Status;
  urgency: Urgency;
  createdAt: string;
  ageDays: number;
  assignee?: Person;
  manager?: Person;
  confidential: boolean;
  openQuestions: number;
}

export interface BoardCaseDetail extends BoardCase {
  summary?: string;
  attachedRecord?: string;
  contact?: 'teamsChat' | 'phone' | 'email';
  questions: { question: string; askedAt: string; answer?: string; answeredAt?: string }[];
  outcome?: Outcome;
  closeNote?: string;
  closedAt?: string;
  history: {
    action:
      | 'created'
      | 'posted'
      | 'undelivered'
      | 'assigned'
      | 'informationRequested'
      | 'answered'
      | 'closed'
      | 'purged';
    at: string;
    by: 'you' | 'system' | 'manager' | 'office';
  }[];
  can: { assign: boolean; requestInfo: boolean; close: boolean };
}

export interface Board {
  office: Office;
  counts: Record<Status, number>;
  total: number;
  cases: BoardCase[];
}

export interface MyCase {
  caseId: string;
  office: Office;
  status: Status;
  urgency: Urgency;
  createdAt: string;
  summary: string;
  assigneeName?: string;
  openQuestions: string[];
  outcome?: Outcome;
}

export interface MyRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
  path: 'clearViolation' | 'notSure';
  howRaised?: string;
  violation?: string;
  offices: string[];
  stepsConsidered: number;
}
