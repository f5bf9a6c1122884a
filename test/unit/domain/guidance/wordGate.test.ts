import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConceptFile } from '../../../../src/domain/guidance/concepts';
import { loadContent } from '../../../../src/domain/guidance/content';
import { loadDangerFile } from '../../../../src/domain/guidance/danger';
import { fold } from '../../../../src/domain/guidance/normalise';
import {
  compileExpressions,
  firstRequiredWords,
  wordRequirement,
} from '../../../../src/domain/guidance/patterns';
import { GatedExpressions, textWords } from '../../../../src/domain/guidance/wordGate';

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

  it('reads the words a match needs: one of each required item, of one phrase of each required group', () => {
    const words = (exact: string[], prefixes: string[] = []) => ({ words: { exact, prefixes } });
    expect(wordRequirement('?really delete|remove ~2 post*')).toEqual({
      all: [words(['delete', 'remove']), words([], ['post'])],
    });
    expect(wordRequirement('(of the)? threat* ~ him ?now')).toEqual({
      all: [words([], ['threat']), words(['him'])],
    });
    expect(wordRequirement('(see you|show up) monday')).toEqual({
      all: [
        { any: [{ all: [words(['see']), words(['you'])] }, { all: [words(['show']), words(['up'])] }] },
        words(['monday']),
      ],
    });
  });

  it('opens, for a text, the expressions all of whose required words it has', () => {
    const list = new GatedExpressions(['take down', 'threat* ~ him', 'please help', '?please stop']);
    expect(list.open(textWords('please take it down'))).toEqual([0]);
    expect(list.open(textWords('please help me stop'))).toEqual([2, 3]);
    expect(list.open(textWords('help please'))).toEqual([2]);
    expect(list.open(textWords('he threatened her'))).toEqual([]);
    expect(list.open(textWords('he threatened him'))).toEqual([1]);
  });

  it('walks the matches of some expressions as their one alternation would', () => {
    const expressions = ['take it', 'take it down', 'it down now', 'down'];
    const list = new GatedExpressions(expressions);
    const text = 'take it down now and take it down';
    const all = list.alternation(text, [0, 1, 2, 3]);
    const walked: string[] = [];
    for (let m = all.exec(); m; m = all.exec()) walked.push(`${m.index}:${m[0]}`);
    expect(walked).toEqual(['0:take it', '8:down', '21:take it', '29:down']);
    expect(list.replace(text, [1, 2], 'x')).toBe(
      text.replace(compileExpressions(expressions.slice(1, 3), 'g'), 'x'),
    );
  });

  it('opens, for a text, the expressions it has the required words of', () => {
    const gates = new GatedExpressions(['take down', 'threat* ~ him', 'please help']);
    const openFor = (text: string) => gates.open(textWords(text));
    expect(openFor('please take it down and help')).toEqual([0, 2]);
    expect(openFor('he threatened him')).toEqual([1]);
    expect(openFor('a question about elections')).toEqual([]);
    // words are runs of letters and digits, as the expressions' word boundaries see them
    expect(openFor('take😂down')).toEqual([0]);
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
      const gates = new GatedExpressions([expression]);
      for (const text of texts) {
        if (!re.test(text)) continue;
        matches += 1;
        if (gates.open(textWords(text))[0] !== 0)
          throw new Error(`gate closed on "${expression}" for "${text}"`);
      }
    }
    // the check has something to check: thousands of matches over ~1,000 questions
    expect(matches).toBeGreaterThan(1000);
  });

  const lists = [
    ...concepts.concepts.map((c) => c.expressions),
    ...Object.values(danger.signals),
    danger.neutral,
    danger.jokes,
    danger.hypothetical,
  ];

  it('never closes a single expression where it matches, and walks each list as its alternation', () => {
    let matches = 0;
    for (const list of lists) {
      const gated = new GatedExpressions(list);
      const combined = compileExpressions(list, 'g');
      for (const text of texts) {
        const open = gated.open(textWords(text));
        list.forEach((expression, i) => {
          if (!open.includes(i) && gated.regexes[i]!.test(text))
            throw new Error(`gate closed on "${expression}" for "${text}"`);
          gated.regexes[i]!.lastIndex = 0;
        });
        const expected = [...text.matchAll(combined)].map((m) => `${m.index}:${m[0]}`);
        const walk = gated.alternation(text, open);
        const walked: string[] = [];
        for (let m = walk.exec(); m; m = walk.exec()) walked.push(`${m.index}:${m[0]}`);
        expect(walked).toEqual(expected);
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
