import { CASE_ID_PATTERN } from '../../shared/contract/tabs';
import type { OfficeId } from './types';

/** Case ids people can say on the phone: VE-2026-0042, OMB-2026-0007 (a per-office, per-year counter). */
export const OFFICE_PREFIX: Readonly<Record<OfficeId, string>> = { valuesEthics: 'VE', ombud: 'OMB' };

export function formatCaseId(office: OfficeId, year: number, number: number): string {
  return `${OFFICE_PREFIX[office]}-${year}-${String(number).padStart(4, '0')}`;
}

/** The counter document's id for one office and year. */
export function counterId(office: OfficeId, year: number): string {
  return `${OFFICE_PREFIX[office]}-${year}`;
}

const CASE_ID = CASE_ID_PATTERN;

/** True for a case id exactly as the bot writes it. */
export function isCaseId(text: string): boolean {
  return CASE_ID.test(text);
}

/** Accepts what a person types ("ve-2026-42" is not accepted: ids are read back exactly as shown). */
export function parseCaseId(text: string): { office: OfficeId; year: number; number: number } | undefined {
  const match = CASE_ID.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  return {
    office: match[1] === 'VE' ? 'valuesEthics' : 'ombud',
    year: Number(match[2]),
    number: Number(match[3]),
  };
}
