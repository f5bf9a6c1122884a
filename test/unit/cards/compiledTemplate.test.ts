import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildAnswerData,
  buildOutOfScopeData,
  buildUnsureData,
  buildUrgentData,
} from '../../../src/cards/answerCards';
import { BAIL, compileTemplate } from '../../../src/cards/compiledTemplate';
import { renderCard, renderCardWithTemplating } from '../../../src/cards/render';
import { createAnswerer } from '../../../src/guidance/answerer';
import { loadContent } from '../../../src/guidance/content';
import { loadEvalQuestions } from '../../../src/guidance/evaluation';
import { PROJECT_ROOT } from '../../../src/projectRoot';

/** The compiled card templates must expand exactly as adaptivecards-templating does. */
describe('compiled card templates', () => {
  const answerer = createAnswerer();
  const content = loadContent();

  it('render every answer card of the evaluation questions as adaptivecards-templating does', () => {
    let compared = 0;
    for (const q of loadEvalQuestions()) {
      for (const lang of ['en', 'fr'] as const) {
        const result = answerer.answer(q.q, { lang });
        const rendered: [string, object][] =
          result.kind === 'answer'
            ? [['answer', buildAnswerData(result, content, q.q)]]
            : result.kind === 'urgent'
              ? [['urgent', buildUrgentData(result, content)]]
              : result.kind === 'unsure'
                ? [['unsure', buildUnsureData(result)]]
                : result.kind === 'out-of-scope'
                  ? [['out-of-scope', buildOutOfScopeData(result)]]
                  : [];
        for (const [name, data] of rendered) {
          expect(JSON.stringify(renderCard(name, data))).toBe(
            JSON.stringify(renderCardWithTemplating(name, data)),
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('compile the templates in cards/ that use only the supported expressions', () => {
    const compiled = readdirSync(path.join(PROJECT_ROOT, 'cards'))
      .filter((f) => f.endsWith('.json'))
      .filter((f) => compileTemplate(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cards', f), 'utf8'))));
    expect(compiled).toEqual(expect.arrayContaining(['answer.json', 'urgent.json', 'unsure.json']));
  });

  it('leave a card to adaptivecards-templating when a value is missing or of an unexpected type', () => {
    const template = compileTemplate({
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: 'A ${x}' }],
    })!;
    expect(template.expand({ x: 'b' })).toEqual({
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: 'A b' }],
    });
    expect(template.expand({})).toBe(BAIL);
    expect(template.expand({ x: { y: 1 } })).toBe(BAIL);
    expect(compileTemplate({ text: '${if(a, b, c)}' })).toBeUndefined();
  });
});
