import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { conversationWhere, likePattern } from './conversation-filter';

const dialect = new PgDialect();
const render = (filter: Parameters<typeof conversationWhere>[0]) => {
  const where = conversationWhere(filter);
  return where ? dialect.sqlToQuery(where) : null;
};

describe('conversationWhere', () => {
  it('is empty without filters', () => {
    expect(render({})).toBeNull();
  });

  it('ORs values within a dimension and ANDs dimensions', () => {
    const q = render({ persona: ['a', 'b'], emotion: ['c'] })!;
    expect(q.sql).toBe('("conversations"."persona" in ($1, $2) and "conversations"."emotion" in ($3))');
    expect(q.params).toEqual(['a', 'b', 'c']);
  });

  it('turns quality levels into score ranges that exclude unscored rows', () => {
    const q = render({ quality: ['high', 'low'] })!;
    expect(q.sql).toContain('"conversations"."quality_score" is not null');
    expect(q.sql).toContain('>= $1');
    expect(q.sql).toContain('< $2');
    expect(q.params).toEqual([8, 6]);
  });

  it('keeps only seeds, or leaves them out', () => {
    expect(render({ seed: 'only' })).toMatchObject({ sql: '"conversations"."is_seed" = $1', params: [true] });
    expect(render({ seed: 'exclude' })).toMatchObject({ sql: '"conversations"."is_seed" = $1', params: [false] });
  });

  it('searches the lower-cased search text with wildcards escaped', () => {
    const q = render({ q: '  Anxious 100%_ ' })!;
    expect(q.sql).toBe('"conversations"."search_text" like $1');
    expect(q.params).toEqual(['%anxious 100\\%\\_%']);
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
  });
});
