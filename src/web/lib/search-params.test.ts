import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateBoundary, defaultsOf, orderedDates, parseSearch, searchValidator, stringifySearch } from './search-params';

const schema = z.object({
  kinds: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(['a', 'b'])))
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
const validate = searchValidator(schema, orderedDates);

describe('searchValidator', () => {
  it('parses each key with its schema and names every key, undefined when dropped', () => {
    expect(validate({ kinds: 'a,b', page: '2', from: '2026-05-01' })).toEqual({ kinds: ['a', 'b'], page: 2, from: '2026-05-01', to: undefined });
    expect(validate({ kinds: 'a,c', page: 'x', from: 'abc', to: '2026-02-30', other: 'kept' })).toEqual({ kinds: undefined, page: undefined, from: undefined, to: undefined });
  });

  it('drops values equal to their default, so links stay short', () => {
    expect(validate({ page: '1' }).page).toBeUndefined();
    expect(defaultsOf(schema)).toEqual({ page: 1 });
  });

  it('accepts what navigation hands back: arrays and numbers instead of strings', () => {
    expect(validate({ kinds: ['b', 'a'], page: 4 })).toMatchObject({ kinds: ['b', 'a'], page: 4 });
    expect(validate({ kinds: [], page: { n: 1 } })).toMatchObject({ kinds: undefined, page: undefined });
  });

  it('repairs a range the wrong way round by dropping its end', () => {
    expect(validate({ from: '2026-05-02', to: '2026-05-01' })).toMatchObject({ from: '2026-05-02', to: undefined });
    expect(orderedDates({ from: '2026-05-01', to: '2026-05-01' })).toEqual({ from: '2026-05-01', to: '2026-05-01' });
  });
});

describe('URL search strings', () => {
  it('round-trips lists as comma-separated values', () => {
    expect(stringifySearch({ persona: ['a', 'b'], page: 2, q: '', x: undefined })).toBe('?persona=a%2Cb&page=2');
    expect(parseSearch('?persona=a%2Cb&page=2')).toEqual({ persona: 'a,b', page: '2' });
  });

  it('turns a local day into its first and last instant', () => {
    const start = new Date(dateBoundary('2026-05-01', 'start'));
    const end = new Date(dateBoundary('2026-05-01', 'end'));
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(start.getTime()).toBe(new Date('2026-05-01T00:00:00').getTime());
  });
});
