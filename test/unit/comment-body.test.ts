// A comment body is plain text: only http, https and mailto become links, only team mentions become "@Name", all else stays text.

import { describe, expect, it } from 'vitest';
import { insertMention, matchingNames, mentionQueryAt } from '../../client/comments/mention-query';
import { bodyText, bodyTokens, safeHref } from '../../client/comments/message-tokens';

const team = new Map([['p1', 'Rosa Alvarez']]);
const nameOf = (id: string) => team.get(id);

describe('comment bodies', () => {
  it.each([
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['https:javascript:alert(1)', null],
    ['http://', null],
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['mailto:rosa@example.com', 'mailto:rosa@example.com'],
  ])('safeHref(%j) is %j', (candidate, expected) => {
    expect(safeHref(candidate)).toBe(expected);
  });

  it('makes a link of an address in a sentence, without the full stop after it, and keeps markup as text', () => {
    expect(bodyTokens('See https://example.org/goals. <b>now</b>', nameOf)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/goals', href: 'https://example.org/goals' },
      { kind: 'text', text: '. <b>now</b>' },
    ]);
  });

  it('shows a mention by the team’s name for the id, and leaves a token naming someone off the team as typed', () => {
    expect(bodyText('@[The Principal](p1) and @[Someone](p9)', nameOf)).toBe('@Rosa Alvarez and @[Someone](p9)');
    expect(bodyTokens('@[<img src=x onerror=alert(1)>](p1)', nameOf)).toEqual([{ kind: 'mention', id: 'p1', name: 'Rosa Alvarez' }]);
  });

  it('finds the name being typed after "@" and replaces it with a token the server reads', () => {
    const value = 'Thanks @Ros';
    const query = mentionQueryAt(value, value.length);
    expect(query).toEqual({ start: 7, text: 'Ros' });
    expect(mentionQueryAt('email@example', 13)).toBeNull();
    if (!query) throw new Error('no query');
    expect(insertMention(value, query, value.length, 'Rosa [A]lvarez', 'p1')).toEqual({ value: 'Thanks @[Rosa Alvarez](p1) ', caret: 27 });
    expect(matchingNames([{ id: 'a', name: 'Daniel Rosa' }, { id: 'b', name: 'Rosa Alvarez' }], 'ros').map((each) => each.id)).toEqual(['b', 'a']);
  });
});
