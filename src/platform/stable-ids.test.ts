// platform/stable-ids.ts without a database: name-based UUIDs as RFC 9562 computes them.
import { describe, expect, it } from 'vitest';
import { atomId, nameUuid } from './stable-ids.ts';

describe('nameUuid', () => {
  it('gives the version 5 UUID of RFC 9562’s example (appendix A.4)', () => {
    // The DNS namespace and www.example.com.
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives one id per name and namespace, the same every time, as an Atom urn:uuid', () => {
    const site = '0d8f7a52-3b1e-4c55-9a43-5b2f0e6c1d70';
    expect(atomId(site, 'news/post/12')).toBe(atomId(site, 'news/post/12'));
    expect(atomId(site, 'news/post/12')).not.toBe(atomId(site, 'news/post/13'));
    expect(atomId(site, 'ສະເຕລລາ')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});
