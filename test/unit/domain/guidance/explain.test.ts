import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../src/shared/projectRoot';

/**
 * `npm run explain`, `npm run train:danger -- --check` and `npm run train:passages -- --check`, run as a content owner or CI would. The content
 * files are read afresh on each run: an expression added to content/ shows its effect at once.
 */
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const run = (script: string, ...args: string[]) =>
  spawnSync(TSX, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });

describe('npm run explain', () => {
  it('shows language, concepts, candidates and the decision for an English question', () => {
    const out = run('explain.ts', 'My employee posted a Protected B memo on X. Is that a violation?');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/language\s+en/);
    expect(out.stdout).toMatch(/frame\s+question frame\.verdict/);
    expect(out.stdout).toMatch(/clearBreach\.disclosure/);
    expect(out.stdout).toMatch(/decision\s+scenario verdict-on-a-clear-breach/);
    expect(out.stdout).toMatch(/quotes\s+aware-post\.clear-violation/);
  });

  it('shows what the learned passage score adds to each candidate', () => {
    const out = run('explain.ts', 'Can my employee say where she works in her bio?');
    expect(out.stdout).toMatch(/\+ learned score\)/);
    const learned = [...out.stdout.matchAll(/= -?[\d.]+ \+ [\d.]+ \+ ([\d.]+)\s+bm25/g)].map((m) =>
      Number(m[1]),
    );
    expect(learned.length).toBeGreaterThan(1);
    expect(Math.max(...learned)).toBeGreaterThan(0);
  });

  it('shows the danger signals, the negated ones and the rule for a French message', () => {
    const urgent = run('explain.ts', 'Mon employé a publié qu’il veut mettre fin à ses jours.');
    expect(urgent.stdout).toMatch(/language\s+fr/);
    expect(urgent.stdout).toMatch(/signal\s+selfHarm/);
    expect(urgent.stdout).toMatch(/→ urgent: rule \d+ \(self-harm\)/);
    const negated = run('explain.ts', 'Il n’a menacé personne, rien de menaçant.');
    expect(negated.stdout).toMatch(/→ no danger rule holds/);
  });

  it('says how to use it when given no question', () => {
    const out = run('explain.ts');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/usage/);
  });
});

describe.each([
  { command: 'train:danger', script: 'train-danger.ts', model: 'danger-model.json' },
  { command: 'train:scope', script: 'train-scope.ts', model: 'scope-model.json' },
  { command: 'train:passages', script: 'train-passages.ts', model: 'passage-model.json' },
])('npm run $command', ({ script, model }) => {
  it(`reproduces content/${model} byte for byte from the sets in test/eval/`, () => {
    const out = run(script, '--check');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
  }, 120_000);
});
