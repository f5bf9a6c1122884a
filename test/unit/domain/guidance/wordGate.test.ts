import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConceptFile } from '../../../../src/domain/guidance/concepts';
import { loadContent } from '../../../../src/domain/guidance/content';
import { loadDangerFile } from '../../../../src/domain/guidance/danger';
import { fold } from '../../../../src/domain/guidance/normalise';
import { compileExpressions, firstRequiredWords } from '../../../../src/domain/guidance/patterns';
import { WordGates } from '../../../../src/domain/guidance/wordGate';

/** The word gate skips a regular expression only when it cannot match: checked on every routing expression. */

describe('first required words of an expression', () => {
  it('reads the first word that must be there, past optional words and gaps', () => {
    expect(firstRequiredWords('take down')).toEqual({ exact: ['take'], prefixes: [] });
    expect(firstRequiredWords('?really (delete|remove) ~2 post')).toEqual({
      exact: ['delete', 'remove'],
      prefixes: [],
    });
    expect(firstRequiredWords('(of the)? threat* ~ him')).toEqual({ exact: [], prefixes: ['threat'] });
    expect(firstRequiredWords('^ please help')).toEqual({ exact: ['please'], prefixes: [] });
    expect(firstRequiredWords('(see you|show up) later')).toEqual({ exact: ['see', 'show'], prefixes: [] });
    // a top-level "|" touching a group means whole phrases
    expect(firstRequiredWords('do a (x|y)|faire un (z)')).toEqual({ exact: ['do', 'faire'], prefixes: [] });
    // folded as the text it is matched against
    expect(firstRequiredWords('Élection*')).toEqual({ exact: [], prefixes: ['election'] });
  });

  it('opens, for a text, the sets of expressions one of whose first words it has', () => {
    const gates = new WordGates([['take down'], ['threat* ~ him'], ['please help']]);
    expect([...gates.openFor('please take it down')].sort()).toEqual([0, 2]);
    expect([...gates.openFor('he threatened him')]).toEqual([1]);
    expect([...gates.openFor('a question about elections')]).toEqual([]);
    // words are runs of letters and digits, as the expressions' word boundaries see them
    expect([...gates.openFor('take😂down')]).toEqual([0]);
  });
});

describe('the gate on the shipped routing files', () => {
  const content = loadContent();
  const concepts = loadConceptFile(new Set(content.passages.map((p) => p.id)));
  const danger = loadDangerFile();
  const expressions = [
    ...concepts.concepts.flatMap((c) => c.expressions),
    ...Object.values(danger.signals).flat(),
  ];
  const evalDir = path.join(__dirname, '../../../eval');
  const texts = ['questions.jsonl', 'danger-tune-1.jsonl', 'fresh-tune-4.jsonl'].flatMap((file) =>
    readFileSync(path.join(evalDir, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => fold((JSON.parse(line) as { q: string }).q)),
  );

  it('finds a first word for every shipped expression', () => {
    const none = expressions.filter((e) => {
      const first = firstRequiredWords(e);
      return first.exact.length + first.prefixes.length === 0;
    });
    expect(none).toEqual([]);
  });

  it('never says "cannot match" where the expression matches', () => {
    let matches = 0;
    for (const expression of expressions) {
      const re = compileExpressions([expression]);
      const gates = new WordGates([[expression]]);
      for (const text of texts) {
        if (!re.test(text)) continue;
        matches += 1;
        if (!gates.openFor(text).has(0)) throw new Error(`gate closed on "${expression}" for "${text}"`);
      }
    }
    // the check has something to check: thousands of matches over ~1,000 questions
    expect(matches).toBeGreaterThan(1000);
  });
});
