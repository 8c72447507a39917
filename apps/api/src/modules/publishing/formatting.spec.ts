import { applyLittleText } from '../../../../sandbox/src/linkedin/little-text';
import { renderLinkedInCommentary, toLinkedInCommentary } from './formatting';

describe('LinkedIn little-text formatting', () => {
  const samples = [
    'Three takeaways from today (no advice) #retirement #IRA_2026',
    'Read more: https://example.com/a_b?x=1&y=(2) — email us @ info@example.com',
    'Line one\nLine two\n\n*bold* _it_ ~s~ <tag> [x] {y} | \\ back',
    'A#notatag and &#38; stay text; #hashtag at start\n#second-line',
  ];
  it.each(samples)('renders back exactly as approved and is never truncated: %s', (text) => {
    const commentary = toLinkedInCommentary(text);
    const rendered = applyLittleText(commentary);
    expect(rendered.truncated).toBe(false);
    expect(rendered.rendered).toBe(text);
    expect(renderLinkedInCommentary(commentary)).toBe(text);
  });
  it('turns hashtags into the hashtag template', () => {
    expect(toLinkedInCommentary('Plan ahead #retirement')).toBe('Plan ahead {hashtag|\\#|retirement}');
  });
});
