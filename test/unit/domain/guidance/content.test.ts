import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent, parseContent } from '../../../../src/domain/guidance/content';
import { PROJECT_ROOT } from '../../../../src/shared/projectRoot';

/** The official English text as published (source address on its first line), kept in the repository. */
const OFFICIAL = path.join(PROJECT_ROOT, 'content', 'official', 'guidance-managers.en.txt');

/** Official lines of guidance: after the header and the two title lines, without page chrome. */
function officialLines(): string[] {
  const body = readFileSync(OFFICIAL, 'utf8').split('---\n')[1]!.split('\n');
  return body
    .slice(2)
    .filter((l) => l.trim() !== '' && l !== 'Page details' && !l.startsWith('- Date modified:'));
}

describe('guidance content', () => {
  const content = loadContent();

  it('quotes every English passage verbatim from the official text, in order', () => {
    const lines = officialLines();
    const passageLines = content.passages.map((p) => (p.kind === 'item' ? `- ${p.text.en}` : p.text.en));
    for (const line of passageLines) expect(lines).toContain(line);
    // order is the official order
    const positions = passageLines.map((l) => lines.indexOf(l));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('leaves no official line out (headings count as section headings)', () => {
    const covered = new Set([
      ...content.passages.map((p) => (p.kind === 'item' ? `- ${p.text.en}` : p.text.en)),
      ...content.sections.map((s) => s.heading.en),
    ]);
    const missing = officialLines().filter((l) => !covered.has(l));
    expect(missing).toEqual([]);
  });

  it('restores the two nested lists with three sub-points each', () => {
    expect(content.byId.get('talking-points.careers')!.childIds).toHaveLength(3);
    expect(content.byId.get('aware-post.steps.consult')!.childIds).toHaveLength(3);
    expect(content.byId.get('talking-points')!.childIds).toHaveLength(12);
    expect(content.byId.get('aware-post.steps')!.childIds).toHaveLength(8);
  });

  it('has French for every passage and heading, marked as a working translation', () => {
    for (const p of content.passages) {
      expect(p.text.fr.trim()).not.toBe('');
      expect(p.text.fr).not.toBe(p.text.en);
      expect(p.frStatus).toBe('working-translation');
      expect(p.questions.fr.length).toBeGreaterThan(0);
      expect(p.topic.fr).not.toBe('');
    }
    for (const s of content.sections) expect(s.heading.fr).not.toBe(s.heading.en);
    expect(content.source.fr.status).toBe('working-translation');
    expect(content.source.fr.url).toMatch(/^https:\/\/www\.canada\.ca\/fr\//);
  });

  it('records the source, the date the text was taken and a content version', () => {
    expect(content.source.en.url).toBe(
      'https://www.canada.ca/en/government/publicservice/values/best-practices-public-servants-using-personal-social-media/guidance-managers.html',
    );
    expect(content.source.en.retrieved).toBe('2026-11-25');
    // the repository's copy of the official text is the page the content quotes
    expect(readFileSync(OFFICIAL, 'utf8').split('\n')[0]).toBe(`Source: ${content.source.en.url}`);
    expect(content.contentVersion).toMatch(/\S/);
  });

  it('rejects content whose passages lack retrieval hints', () => {
    const dir = path.join(PROJECT_ROOT, 'content');
    const read = (f: string): unknown => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    const hints = read('retrieval-hints.json') as { passages: Record<string, unknown> };
    delete hints.passages['aware-post.aim'];
    expect(() =>
      parseContent({ guidance: read('guidance.json'), hints, resources: read('related-resources.json') }),
    ).toThrow(/aware-post\.aim: no retrieval hints/);
  });
});
