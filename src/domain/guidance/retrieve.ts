import { LRUCache } from 'lru-cache';
import { editDistance } from '../../shared/editDistance';
import type { Lang } from '../../shared/i18n/lang';
import { analyse, terms } from './analyse';
import type { GuidanceContent, Passage } from './content';

/**
 * Lexical retrieval: BM25F over each passage's text, its topic label and its retrieval hints
 * (typical questions and keywords), one index per language. Terms come from analyse.ts
 * (stemming, accent folding, synonyms); adjacent-term pairs add phrase evidence; a question word
 * the index does not know is matched to close index terms (typos) at a discount.
 */

const K1 = 1.2;
const B = 0.75;
/** Field weights: hints are written to be matched, the official text is long and formal. */
const FIELDS = { text: 1.0, topic: 1.5, questions: 1.3, keywords: 1.6 } as const;
/**
 * Length normalisation per field: a passage with many hint words is not "longer" in the sense
 * BM25 penalises, it just has more ways to be asked about, so hint fields are barely normalised.
 */
const FIELD_B: Record<Field, number> = { text: 0.75, topic: 0.5, questions: 0.3, keywords: 0.2 };
type Field = keyof typeof FIELDS;
const PAIR_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.75;

interface DocStats {
  passage: Passage;
  /** term → weighted, length-normalised term frequency summed over fields */
  tf: Map<string, number>;
}

/** What scoring needs to know about an index term, computed once when the index is built. */
interface TermEntry {
  idf: number;
  /** An adjacent-term pair ("a_b"): adds to the score but not to coverage. */
  pair: boolean;
  /**
   * The passages containing the term, in passage order, and each one's weight for it with BM25's saturation
   * already applied, (tf·(k1+1))/(tf+k1): side by side in typed arrays, read in one tight loop per term.
   */
  docs: Int32Array;
  saturated: Float64Array;
}

interface LangIndex {
  docs: DocStats[];
  idf: Map<string, number>;
  /** term → idf, pair flag and postings: a question only touches the passages that share its terms */
  entries: Map<string, TermEntry>;
  /** single-word terms only, for fuzzy lookups */
  vocabulary: string[];
  /**
   * The pair terms by their first and second term: a question's adjacent terms are looked up without
   * building the "a_b" string, which most pairs of a question are not in the index.
   */
  pairs: Map<string, Map<string, string>>;
  /** Scratch for `search`: each passage's score and matched weight (zeroed at each search). */
  scores: Float64Array;
  matches: Float64Array;
}

export interface Hit {
  passage: Passage;
  score: number;
  /** Share of the question's term weight this passage matched (0..1). */
  matched?: number;
}

export interface Retrieval {
  hits: Hit[];
  /** The question's index terms (with adjacent-pair terms), after fuzzy matching. */
  terms: string[];
  /** Share of the question's term weight that the best passage matched (0..1). */
  coverage: number;
  /** Question terms that were found in the index (directly or by fuzzy match). */
  knownTerms: number;
  queryTerms: number;
  /** Summed idf of the question's known terms: low when it only has words every passage shares. */
  queryWeight: number;
  /** Highest idf among the question's known terms: low when every word it has is generic. */
  maxTermIdf: number;
}

function withPairs(ts: string[]): string[] {
  const out = [...ts];
  for (let i = 0; i + 1 < ts.length; i++) out.push(`${ts[i]}_${ts[i + 1]}`);
  return out;
}

function fieldTexts(p: Passage, lang: Lang): Record<Field, string[]> {
  return {
    text: withPairs(analyse(p.text[lang], lang)),
    topic: withPairs(analyse(p.topic[lang], lang)),
    questions: p.questions[lang].flatMap((q) => withPairs(analyse(q, lang))),
    keywords: p.keywords[lang].flatMap((k) => analyse(k, lang)),
  };
}

function buildLangIndex(content: GuidanceContent, lang: Lang): LangIndex {
  const perDoc = content.passages.map((p) => ({ passage: p, fields: fieldTexts(p, lang) }));
  const avgLen = {} as Record<Field, number>;
  for (const f of Object.keys(FIELDS) as Field[]) {
    avgLen[f] = perDoc.reduce((sum, d) => sum + d.fields[f].length, 0) / perDoc.length || 1;
  }
  const df = new Map<string, number>();
  const docs: DocStats[] = perDoc.map(({ passage, fields }) => {
    const tf = new Map<string, number>();
    for (const f of Object.keys(FIELDS) as Field[]) {
      const norm = 1 - FIELD_B[f] + (FIELD_B[f] * fields[f].length) / avgLen[f];
      const counts = new Map<string, number>();
      for (const t of fields[f]) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, c] of counts) {
        tf.set(t, (tf.get(t) ?? 0) + (FIELDS[f] * c) / norm);
      }
    }
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return { passage, tf };
  });
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const vocabulary = [...idf.keys()].filter((t) => !t.includes('_'));
  const postings = new Map<string, { docs: number[]; saturated: number[] }>();
  for (const t of idf.keys()) postings.set(t, { docs: [], saturated: [] });
  docs.forEach((doc, i) => {
    for (const [t, tf] of doc.tf) {
      if (!tf) continue;
      const list = postings.get(t)!;
      list.docs.push(i);
      list.saturated.push((tf * (K1 + 1)) / (tf + K1));
    }
  });
  const entries = new Map<string, TermEntry>();
  const pairs = new Map<string, Map<string, string>>();
  for (const [t, v] of idf) {
    const list = postings.get(t)!;
    const pair = t.includes('_');
    entries.set(t, {
      idf: v,
      pair,
      docs: Int32Array.from(list.docs),
      saturated: Float64Array.from(list.saturated),
    });
    if (pair) {
      // Terms are runs of letters and digits: a pair has one "_".
      const [first, second] = t.split('_') as [string, string];
      let bySecond = pairs.get(first);
      if (!bySecond) pairs.set(first, (bySecond = new Map()));
      bySecond.set(second, t);
    }
  }
  return {
    docs,
    idf,
    entries,
    vocabulary,
    pairs,
    scores: new Float64Array(n),
    matches: new Float64Array(n),
  };
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/** Typed words remembered with the index term they resolved to, per language (a few hundred KB at most). */
const FUZZY_CACHE_MAX = 5000;

export class GuidanceIndex {
  private readonly langs: Record<Lang, LangIndex>;
  /** Typed words resolved to index terms: keyed by what people type, so bounded (least recently used out). */
  private readonly fuzzyCache: Record<Lang, LRUCache<string, { readonly term: string | null }>> = {
    en: new LRUCache({ max: FUZZY_CACHE_MAX }),
    fr: new LRUCache({ max: FUZZY_CACHE_MAX }),
  };

  constructor(content: GuidanceContent) {
    this.langs = { en: buildLangIndex(content, 'en'), fr: buildLangIndex(content, 'fr') };
  }

  /** The closest index term to an unknown word, or null. Short words must match exactly. */
  private fuzzy(term: string, lang: Lang): string | null {
    const cache = this.fuzzyCache[lang];
    const cached = cache.get(term);
    if (cached !== undefined) return cached.term;
    let best: string | null = null;
    if (term.length >= 4 && !/\d/.test(term)) {
      const max = term.length >= 6 ? 2 : 1;
      let bestDist = max + 1;
      let bestIdf = 0;
      const index = this.langs[lang];
      for (const v of index.vocabulary) {
        if (v.length < 4) continue;
        let d = editDistance(term, v, max);
        // in a short word one changed letter is usually another word ("mild"/"mind", "calm"/"call"),
        // not a typo: only swapped, missing or extra letters count there
        if (d === 1 && term.length <= 5 && term.length === v.length && !sameLetters(term, v)) d = max + 1;
        // a typed word that is a longer form of an index term (e.g. an unknown suffix) counts as close
        if (d > max && term.length >= 5 && v.length >= 5 && (term.startsWith(v) || v.startsWith(term)))
          d = max;
        const idf = index.idf.get(v) ?? 0;
        if (d < bestDist || (d === bestDist && idf > bestIdf)) {
          best = v;
          bestDist = d;
          bestIdf = idf;
        }
      }
      if (bestDist > max) best = null;
    }
    cache.set(term, { term: best });
    return best;
  }

  /** `fields`: also score each field alone (for the re-ranker; off on the answering path). */
  search(folded: string, lang: Lang): Retrieval {
    const index = this.langs[lang];
    const raw = terms(folded, lang);
    const weighted = new Map<string, number>();
    let known = 0;
    const resolved: string[] = [];
    for (const t of raw) {
      if (index.idf.has(t)) {
        known += 1;
        resolved.push(t);
        // a concept named twice ("party … campaign") is stronger evidence, with diminishing returns
        const prev = weighted.get(t);
        weighted.set(t, prev === undefined ? 1 : Math.min(2, prev + 0.5));
      } else {
        const f = this.fuzzy(t, lang);
        if (f) {
          known += 1;
          resolved.push(f);
          weighted.set(f, Math.max(weighted.get(f) ?? 0, FUZZY_WEIGHT));
        } else resolved.push(t);
      }
    }
    for (let i = 0; i + 1 < resolved.length; i++) {
      const pair = index.pairs.get(resolved[i]!)?.get(resolved[i + 1]!);
      if (pair !== undefined) weighted.set(pair, PAIR_WEIGHT);
    }
    let maxPossible = 0;
    let maxTermIdf = 0;
    for (const [t, w] of weighted)
      if (!t.includes('_')) {
        const idf = index.idf.get(t) ?? 0;
        maxPossible += w * idf;
        if (idf > maxTermIdf) maxTermIdf = idf;
      }

    const hits: Hit[] = [];
    let bestMatched = 0;
    let bestScore = 0;
    // The same sums as above, term by term in the same order for every passage, over postings only.
    const n = index.docs.length;
    const scores = index.scores.fill(0);
    const matches = index.matches.fill(0);
    for (const [t, w] of weighted) {
      const entry = index.entries.get(t);
      if (!entry) continue;
      const wIdf = w * entry.idf;
      const { docs, saturated } = entry;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        scores[doc] += wIdf * saturated[k]!;
        if (!entry.pair) matches[doc] += wIdf;
      }
    }
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      const matched = matches[i]!;
      if (score > 0)
        hits.push({
          passage: index.docs[i]!.passage,
          score,
          matched: maxPossible > 0 ? matched / maxPossible : 0,
        });
      if (score > bestScore) {
        bestScore = score;
        bestMatched = matched;
      }
    }
    hits.sort((a, b) => b.score - a.score || a.passage.order - b.passage.order);
    return {
      hits,
      terms: [...weighted.keys()],
      coverage: maxPossible > 0 ? bestMatched / maxPossible : 0,
      knownTerms: known,
      queryTerms: raw.length,
      queryWeight: maxPossible,
      maxTermIdf,
    };
  }
}

/**
 * The comparison point the evaluation reports: plain BM25 over the official English lines and
 * French passages, no stemming, synonyms, hints or fuzzy matching.
 */
export class BaselineIndex {
  private readonly docs: { passage: Passage; tf: Map<string, number>; len: number }[] = [];
  private readonly idf = new Map<string, number>();
  private readonly avgLen: number;
  constructor(
    content: GuidanceContent,
    private readonly lang: Lang,
  ) {
    const df = new Map<string, number>();
    for (const p of content.passages) {
      const toks = p.text[lang]
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const tf = new Map<string, number>();
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      this.docs.push({ passage: p, tf, len: toks.length });
    }
    this.avgLen = this.docs.reduce((s, d) => s + d.len, 0) / this.docs.length;
    const n = this.docs.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  }
  top(question: string): Passage | undefined {
    const q = question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    let best: { passage: Passage; score: number } | undefined;
    for (const d of this.docs) {
      let s = 0;
      for (const t of q) {
        const tf = d.tf.get(t);
        if (!tf) continue;
        s += this.idf.get(t)! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.len) / this.avgLen)));
      }
      if (s > 0 && (!best || s > best.score)) best = { passage: d.passage, score: s };
    }
    return best?.passage;
  }
  get language(): Lang {
    return this.lang;
  }
}
