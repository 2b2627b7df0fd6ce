import { expect, fixture, html } from '@open-wc/testing';
import { isSafeUrl, parseInline, plainText, richText } from '../../src/core/rich-text.js';

describe('rich text', () => {
  it('parses code, links, strong and emphasis, nested where it makes sense', () => {
    expect(parseInline('Use `threading` for **I/O-bound *waiting* work**, see [the docs](https://docs.python.org/).')).to.deep.equal([
      { type: 'text', text: 'Use ' },
      { type: 'code', text: 'threading' },
      { type: 'text', text: ' for ' },
      {
        type: 'strong',
        children: [{ type: 'text', text: 'I/O-bound ' }, { type: 'em', children: [{ type: 'text', text: 'waiting' }] }, { type: 'text', text: ' work' }],
      },
      { type: 'text', text: ', see ' },
      { type: 'link', href: 'https://docs.python.org/', children: [{ type: 'text', text: 'the docs' }] },
      { type: 'text', text: '.' },
    ]);
    expect(plainText('A *lock* on the `interpreter`')).to.equal('A lock on the interpreter');
  });

  it('leaves unmatched markers as text, also in long hostile runs (each "[" stops the scan of the one before)', () => {
    expect(parseInline('2 * 3 and [not a link](')).to.deep.equal([{ type: 'text', text: '2 * 3 and [not a link](' }]);
    const hostile = '[a](b'.repeat(4000);
    expect(parseInline(hostile)).to.deep.equal([{ type: 'text', text: hostile }]);
    expect(parseInline('['.repeat(20000))).to.deep.equal([{ type: 'text', text: '['.repeat(20000) }]);
    // Brackets inside link text are not link markup: the whole run stays text.
    expect(parseInline('[see [x]](y)')).to.deep.equal([{ type: 'text', text: '[see [x]](y)' }]);
  });

  it('renders links only for safe URLs, and never as HTML', async () => {
    expect(isSafeUrl('https://example.org')).to.equal(true);
    expect(isSafeUrl('notes.html')).to.equal(true);
    expect(isSafeUrl('javascript:alert(1)')).to.equal(false);
    expect(isSafeUrl('\u0001javascript:alert(1)')).to.equal(false);
    const el = await fixture<HTMLParagraphElement>(
      html`<p>${richText('<img src=x onerror=alert(1)> [ok](https://example.org) [bad](javascript:alert(1))')}</p>`,
    );
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org']);
    await expect(el).to.be.accessible();
  });
});
