import { counterId, formatCaseId, parseCaseId } from '../../../../src/domain/cases/caseIds';
import { detectPersonalInfo, luhnValid } from '../../../../src/domain/cases/personalInfo';
import { canSeeDetails } from '../../../../src/domain/cases/confidentiality';
import type { CaseRecord } from '../../../../src/domain/cases/types';

describe('case ids', () => {
  it.each([
    ['valuesEthics', 2026, 42, 'VE-2026-0042'],
    ['ombud', 2026, 7, 'OMB-2026-0007'],
    ['ombud', 2027, 12345, 'OMB-2027-12345'],
  ] as const)('formats %s %d #%d as %s and reads it back', (office, year, n, id) => {
    expect(formatCaseId(office, year, n)).toBe(id);
    expect(parseCaseId(id)).toEqual({ office, year, number: n });
  });

  it('keeps one counter per office and year', () => {
    expect(counterId('valuesEthics', 2026)).toBe('VE-2026');
    expect(counterId('ombud', 2026)).not.toBe(counterId('valuesEthics', 2026));
  });

  it('rejects what is not a case id', () => {
    expect(parseCaseId('XX-2026-0001')).toBeUndefined();
    expect(parseCaseId('VE-26-1')).toBeUndefined();
  });
});

describe('personal information in a summary', () => {
  it.each([
    ['Write to jane.doe@example.gc.ca about it', ['email']],
    ['Call me at 613-555-0199', ['phone']],
    ['Her number is (613) 555 0199.', ['phone']],
    ['SIN 046 454 286 was in the post', ['sin']],
    ['jane@example.com, 613.555.0199', ['email', 'phone']],
  ])('flags %j', (text, kinds) => {
    expect(detectPersonalInfo(text)).toEqual(kinds);
  });

  it.each([
    'An employee posted about our program on a public account.',
    'The post was shared 120 times in 2026.',
    'Reference 123 456 789 is not a valid SIN',
  ])('does not flag %j', (text) => {
    expect(detectPersonalInfo(text)).toEqual([]);
  });

  it('checks SIN digits with the Luhn algorithm', () => {
    expect(luhnValid('046454286')).toBe(true);
    expect(luhnValid('123456789')).toBe(false);
  });
});

describe('confidentiality', () => {
  const base = {
    managerAadObjectId: 'm',
    assignee: { aadObjectId: 'o1', name: 'Officer One' },
  } as Partial<CaseRecord>;
  const ve = { ...base, office: 'valuesEthics' } as CaseRecord;
  const ombud = { ...base, office: 'ombud' } as CaseRecord;

  it('shows a values and ethics case to its office channel', () => {
    expect(canSeeDetails(ve, { kind: 'channel' })).toBe(true);
  });

  it('shows an Ombud case’s details only to its assignee and the manager', () => {
    expect(canSeeDetails(ombud, { kind: 'channel' })).toBe(false);
    expect(canSeeDetails(ombud, { kind: 'officer', aadObjectId: 'o2' })).toBe(false);
    expect(canSeeDetails(ombud, { kind: 'officer', aadObjectId: 'o1' })).toBe(true);
    expect(canSeeDetails(ombud, { kind: 'manager', aadObjectId: 'm' })).toBe(true);
    expect(canSeeDetails(ombud, { kind: 'manager', aadObjectId: 'someone else' })).toBe(false);
  });
});
