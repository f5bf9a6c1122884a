import { MAX_USER_TEXT, cutToLength, safeText, safeTextIn } from '../../../src/shared/text';
import { FORBIDDEN, HOSTILE } from '../../support/hostileText';

describe('safeText: the one definition of safe typed text', () => {
  it.each(HOSTILE)('removes or replaces a %s', (_name, ch) => {
    const cleaned = safeText(`Before${ch}after`);
    expect(cleaned).not.toContain(ch);
    expect(cleaned).not.toMatch(FORBIDDEN);
    expect(cleaned === 'Beforeafter' || cleaned === 'Before\ufffdafter').toBe(true);
  });

  it('replaces lone surrogates with U+FFFD so the reader sees something was there, keeping real pairs', () => {
    expect(safeText('a\ud800b\udc00c 😀')).toBe('a\ufffdb\ufffdc 😀');
    // The result survives a strict UTF-8 round trip (what PostgreSQL's JSON demands).
    const cleaned = safeText('x\ud83d');
    expect(Buffer.from(cleaned, 'utf8').toString('utf8')).toBe(cleaned);
  });

  it('keeps newlines and tabs in multi-line text, and makes every line break one newline', () => {
    expect(safeText('one\r\ntwo\rthree\u2028four\u0085five\tsix')).toBe('one\ntwo\nthree\nfour\nfive\tsix');
  });

  it('turns newlines and tabs into spaces in single-line text', () => {
    expect(safeText('Alex\nTremblay\t', { multiline: false })).toBe('Alex Tremblay');
  });

  it('keeps French accents (composed: NFC), emoji, and the joiner inside an emoji sequence', () => {
    const decomposed = 'e\u0301te\u0301 a\u0300 Montre\u0301al';
    expect(safeText(decomposed)).toBe('été à Montréal');
    for (const emoji of ['👩‍💻', '👨‍👩‍👧', '🏳️‍🌈', '👍🏽', '❤️'])
      expect(safeText(`Merci ${emoji}!`)).toBe(`Merci ${emoji}!`);
    expect(safeText('« Bonjour » — l’équipe')).toBe('« Bonjour » — l’équipe');
  });

  it('removes a joiner that is not between two emoji (it would hide text from the reader)', () => {
    expect(safeText('SIN\u200d 046\u200d454\u200d286')).toBe('SIN 046454286');
  });

  it('cuts to the limit without splitting a surrogate pair or leaving a dangling joiner', () => {
    expect(safeText('x'.repeat(MAX_USER_TEXT + 10))).toHaveLength(MAX_USER_TEXT);
    expect(cutToLength('ab😀', 3)).toBe('ab');
    expect(cutToLength('a👩‍💻', 4)).toBe('a👩');
    expect(safeText('abcdef', { maxLength: 3 })).toBe('abc');
  });

  it('is idempotent: safe text stays as it is', () => {
    const once = safeText(`  ${HOSTILE.map(([, ch]) => ch).join('x')} été 👩‍💻 \n note `);
    expect(safeText(once)).toBe(once);
  });
});

describe('safeTextIn: card data', () => {
  it('cleans every string, keys included, at any depth, and leaves other values alone', () => {
    const value = {
      verb: 'caseAsk',
      question: 'Why\u202e?',
      list: ['a\u0000', { deep: 'b\ud800' }],
      n: 3,
      ok: true,
      none: null,
      'k\u200by': 'v',
    };
    expect(safeTextIn(value)).toEqual({
      verb: 'caseAsk',
      question: 'Why?',
      list: ['a', { deep: 'b\ufffd' }],
      n: 3,
      ok: true,
      none: null,
      ky: 'v',
    });
  });

  it('keeps a "__proto__" key an ordinary property (no prototype change)', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": "b"}') as unknown;
    const cleaned = safeTextIn(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(cleaned, '__proto__')).toBe(true);
  });

  it('drops data nested deeper than any card input', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    expect(JSON.stringify(safeTextIn(deep))).not.toContain('bottom');
  });
});
