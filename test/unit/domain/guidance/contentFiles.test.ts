import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCardPassages, parseCardPassages } from '../../../../src/domain/guidance/cardPassages';
import { loadConceptFile, parseConceptFile } from '../../../../src/domain/guidance/concepts';
import { loadContent } from '../../../../src/domain/guidance/content';
import { loadDangerFile, parseDangerFile } from '../../../../src/domain/guidance/danger';
import { DANGER_MODEL_FILE, parseDangerModel } from '../../../../src/domain/guidance/dangerModel';
import { SCOPE_MODEL_FILE, parseScopeModel } from '../../../../src/domain/guidance/scopeModel';
import { loadLexicon, parseLexicon } from '../../../../src/domain/guidance/lexicon';
import { loadPassageModel, PASSAGE_MODEL_FILE } from '../../../../src/domain/guidance/passageModel';
import { PROJECT_ROOT } from '../../../../src/shared/projectRoot';

/**
 * The routing knowledge lives in content/ as data that content owners edit: these tests are its schema. A
 * typo in an expression, an unknown passage or concept, or a rule naming a missing signal group fails here
 * with a message that names it, before the bot ever starts.
 */
const ids = new Set(loadContent().passages.map((p) => p.id));
const read = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'content', name), 'utf8'));

describe('content/concepts.json', () => {
  it('parses: every expression compiles, every passage and concept it names exists', () => {
    expect(() => loadConceptFile(ids)).not.toThrow();
  });
  it('rejects an unknown passage, naming it', () => {
    const file = read('concepts.json') as { scenarios: { first: string }[] };
    file.scenarios[0]!.first = 'no.such.passage';
    expect(() => parseConceptFile(file, ids)).toThrow(/no\.such\.passage/);
  });
  it('rejects a broken expression, naming it', () => {
    const file = read('concepts.json') as { concepts: { expressions: string[] }[] };
    file.concepts[0]!.expressions.push('(unclosed');
    expect(() => parseConceptFile(file, ids)).toThrow(/unclosed/);
  });
  it('rejects a concept that cancels an unknown concept, naming it', () => {
    const file = read('concepts.json') as { concepts: { cancels?: string[] }[] };
    file.concepts[0]!.cancels = ['no.such.concept'];
    expect(() => parseConceptFile(file, ids)).toThrow(/no\.such\.concept/);
  });
  it('leads every passage from at least one topic concept or scenario', () => {
    const file = loadConceptFile(ids);
    const reached = new Set([
      ...file.concepts.flatMap((c) => Object.keys(c.passages ?? {})),
      ...file.scenarios.map((s) => s.first),
    ]);
    const lists = loadContent()
      .passages.filter((p) => p.kind === 'list')
      .map((p) => p.id);
    expect([...ids].filter((id) => !reached.has(id) && !lists.includes(id))).toEqual([]);
  });
});

describe('content/danger.json', () => {
  it('parses: every expression compiles and every rule names known signal groups', () => {
    expect(() => loadDangerFile()).not.toThrow();
  });
  it('refuses a rule that lets the trained score decide alone', () => {
    const file = read('danger.json') as { rules: Record<string, unknown>[] };
    file.rules.push({ topic: 'violence', scope: 'message', model: 0.9 });
    expect(() => parseDangerFile(file)).toThrow(/never decides alone/);
  });
});

describe('content/lexicon.json', () => {
  it('parses', () => {
    expect(() => loadLexicon()).not.toThrow();
  });
  it('rejects a key that is not folded text', () => {
    const file = read('lexicon.json') as { spellings: { fr: Record<string, string> } };
    file.spellings.fr['Pis'] = 'puis';
    expect(() => parseLexicon(file)).toThrow();
  });
});

describe('content/danger-model.json', () => {
  it('is small (≤ 200 KB) and well formed', () => {
    expect(statSync(DANGER_MODEL_FILE).size).toBeLessThanOrEqual(200 * 1024);
    expect(() => parseDangerModel(JSON.parse(readFileSync(DANGER_MODEL_FILE, 'utf8')))).not.toThrow();
  });
});

describe('content/scope-model.json', () => {
  it('is small (≤ 200 KB) and well formed', () => {
    expect(statSync(SCOPE_MODEL_FILE).size).toBeLessThanOrEqual(200 * 1024);
    expect(() => parseScopeModel(JSON.parse(readFileSync(SCOPE_MODEL_FILE, 'utf8')))).not.toThrow();
  });
});

describe('content/passage-model.json', () => {
  // 16,384 buckets × 48 passages of one byte each, base64: about 1 MB. Letter sequences need the buckets (8,192
  // lost 0.9 point of cross-validated top-1); loaded once, 768 KB in memory.
  it('stays about a megabyte (≤ 1.1 MB), well formed, and scores passages of the guidance as probabilities', () => {
    expect(statSync(PASSAGE_MODEL_FILE).size).toBeLessThanOrEqual(1.1 * 1024 * 1024);
    const model = loadPassageModel()!;
    const known = new Set(loadContent().byId.keys());
    expect(model.passages.filter((id) => !known.has(id))).toEqual([]);
    const p = model.probabilities('can i ask my employee to take down her post');
    const total = [...p.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect([...p.values()].every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});

describe('content/card-passages.json', () => {
  it('parses: every passage and related resource it names exists', () => {
    expect(() => loadCardPassages()).not.toThrow();
  });
  it('rejects an unknown passage or resource, naming it', () => {
    const file = read('card-passages.json') as {
      sawPost: { steps: { how: string[] } };
      talkingPoints: { guideSections: { why: { resources: string[] } } };
    };
    file.sawPost.steps.how.push('no.such.passage');
    file.talkingPoints.guideSections.why.resources.push('no-such-resource');
    expect(() => parseCardPassages(file)).toThrow(/no\.such\.passage.*no-such-resource/);
  });
  it('rejects a step the walk-through does not have', () => {
    const file = read('card-passages.json') as { sawPost: { steps: Record<string, string[]> } };
    file.sawPost.steps['verdict'] = ['aware-post.aim'];
    expect(() => parseCardPassages(file)).toThrow(/verdict/);
  });
});

/** The .ts files under a folder, recursively. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('the code', () => {
  it('names no passage of the guidance anywhere in src/: which passage goes where is data in content/', () => {
    const src = path.join(PROJECT_ROOT, 'src');
    // A card template may share a passage's name (cards/talking-points.json): that string names the template.
    const templates = new Set(
      readdirSync(path.join(PROJECT_ROOT, 'cards')).map((f) => f.replace(/\.json$/, '')),
    );
    const named = sources(src).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...ids]
        .filter((id) => !templates.has(id))
        .filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``))
        .map((id) => `${path.relative(src, file)}: ${id}`);
    });
    expect(named).toEqual([]);
  });
});
