import { normaliseQuestion } from '../../../../src/domain/guidance/normalise';

/**
 * `withoutReportedSpeech` is the message without what someone else said or wrote: the danger detector reads a
 * hypothetical ("if…", « si jamais… ») there as the manager's own question only when it is not inside a quotation
 * in which a person speaks as I or to a you.
 */
const reported = (text: string) => normaliseQuestion(text).withoutReportedSpeech;

describe('links and forums', () => {
  const folded = (text: string) => normaliseQuestion(text).folded;
  it('reads a subreddit as Reddit', () => {
    expect(folded('Staff are venting on r/CanadaPublicServants again.')).toBe(
      'staff are venting on reddit canadapublicservants again',
    );
  });
  it('keeps the platform of a link and drops the rest of the address', () => {
    expect(folded('She posted https://www.tiktok.com/@someone/video/123 last night')).toBe(
      'she posted tiktok last night',
    );
    expect(folded('see x.com/user/status/42 and www.example.org/page')).toBe('see x and');
  });
  it('leaves words that only look like a forum alone', () => {
    expect(folded('Her r/w access and the car/truck rule')).toBe('her r w access and the car truck rule');
  });
});

describe('the message without reported speech', () => {
  it('drops a quotation in which the writer says I', () => {
    expect(reported('He wrote "if anyone asks, I was never here" on X.')).toBe('he wrote on x');
  });

  it('drops a quotation addressed to a you, in either language', () => {
    expect(reported('Un compte a écrit « vous savez quoi faire si vous la croisez » sous sa photo.')).toBe(
      'un compte a ecrit sous sa photo',
    );
    expect(reported('Someone replied "you know what to do if you see her" under the post.')).toBe(
      'someone replied under the post',
    );
  });

  it('drops a single-quoted quotation, and leaves apostrophes inside words alone', () => {
    expect(reported("Elle m'a écrit 'occupe-toi de mon chien si jamais' hier soir.")).toBe(
      'elle m a ecrit hier soir',
    );
    expect(reported("Qu'est-ce que je fais si j'ai un doute?")).toBe(
      'qu est ce que je fais si j ai un doute',
    );
  });

  it('keeps a quotation that is only a title or a slogan', () => {
    expect(reported('What do I do if she shares "Ban the tax" memes?')).toBe(
      'what do i do if she shares ban the tax memes',
    );
  });
});
