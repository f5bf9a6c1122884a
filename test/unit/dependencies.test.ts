import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/shared/projectRoot';

/**
 * `npm audit` cannot reach the registry's advisory service from the machines this project is built on, so
 * the high and critical advisories found for packages in this tree are kept out by overrides in
 * package.json, and this test keeps them out of package-lock.json: a lock-file refresh that brings one
 * back fails here. It is a guard for these advisories only; the pipeline must still run `npm audit`.
 */
interface Advisory {
  readonly id: string;
  readonly severity: 'high' | 'critical';
  readonly name: string;
  /** Affected versions: [first affected, first fixed) pairs. */
  readonly affected: readonly (readonly [string, string])[];
}

const ADVISORIES: readonly Advisory[] = [
  // restify 12 still pins formidable ^1 (its multipart parser, which this bot never mounts): overridden to ^3.5.4.
  { id: 'GHSA-8cp3-66vr-3r4c', severity: 'critical', name: 'formidable', affected: [['0.0.0', '3.2.4']] },
  {
    id: 'GHSA-fjxv-7rqg-78g4',
    severity: 'critical',
    name: 'form-data',
    affected: [
      ['0.0.0', '2.5.4'],
      ['3.0.0', '3.0.4'],
      ['4.0.0', '4.0.4'],
    ],
  },
  {
    id: 'GHSA-869p-cjfg-cm3x',
    severity: 'high',
    name: 'jws',
    affected: [
      ['0.0.0', '3.2.3'],
      ['4.0.0', '4.0.1'],
    ],
  },
  {
    id: 'GHSA-3h5v-q93c-6h6q',
    severity: 'high',
    name: 'ws',
    affected: [
      ['7.0.0', '7.5.10'],
      ['8.0.0', '8.17.1'],
    ],
  },
  // restify 11 pinned find-my-way ^7; restify 12 brings ^9.
  { id: 'GHSA-rrr8-f88r-h8q6', severity: 'high', name: 'find-my-way', affected: [['5.5.0', '8.2.2']] },
];

const parse = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number) as [number, number, number];
function compare(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const installed = Object.entries(lock.packages)
  .filter(([where]) => where.includes('node_modules/'))
  .map(([where, p]) => ({
    where,
    name: where.slice(where.lastIndexOf('node_modules/') + 13),
    version: p.version ?? '',
  }));

describe('dependencies', () => {
  it.each(ADVISORIES)('no $name version affected by $id ($severity)', (advisory) => {
    const versions = installed.filter((p) => p.name === advisory.name);
    expect(versions.length).toBeGreaterThan(0); // the package is in the tree: the check is not vacuous
    const affected = versions.filter((p) =>
      advisory.affected.some(
        ([from, fixed]) => compare(p.version, from) >= 0 && compare(p.version, fixed) < 0,
      ),
    );
    expect(affected.map((p) => `${p.where}@${p.version}`)).toEqual([]);
  });

  it('knows versions apart', () => {
    expect(compare('1.2.6', '3.2.4')).toBeLessThan(0);
    expect(compare('3.5.4', '3.2.4')).toBeGreaterThan(0);
    expect(compare('4.0.1', '4.0.1')).toBe(0);
    expect(compare('10.0.0', '9.9.9')).toBeGreaterThan(0);
  });
});
