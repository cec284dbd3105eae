// The search parameters without a database: what is usable is kept, the rest dropped, so a search
// always answers.
import { describe, expect, it } from 'vitest';
import { searchParamsSchema } from './schemas.ts';

describe('searchParamsSchema', () => {
  it.each([
    [
      'words and every filter',
      { q: 'silk', type: 'press-clipping', lang: 'zh-Hans', country: 'LA' },
      { q: 'silk', type: 'press-clipping', lang: 'zh-Hans', country: 'LA' },
    ],
    ['a type with a quote', { q: 'x', type: "'" }, { q: 'x' }],
    ['a type in capitals', { type: 'Organisation' }, {}],
    ['a language that is no tag', { lang: '<script>' }, {}],
    ['a country that does not exist', { country: 'ZZ' }, {}],
    ['a cursor too long', { cursor: 'c'.repeat(201) }, {}],
    ['words too long for the page', { q: 'a'.repeat(10_001) }, {}],
    ['repeated parameters (an array)', { type: ['a', 'b'] }, {}],
  ])('%s', (_case, query, params) => {
    expect(searchParamsSchema.parse(query)).toEqual(params);
  });
});
