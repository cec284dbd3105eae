// Hostile file answers through the whole app, on SQLite or PostgreSQL (issue 19): any member may
// send one on an event taking applications. A PDF that inflates to a gigabyte is refused with its
// reason while the server's memory stays put, and a member with files already waiting to be read
// is asked to come back later (429, Retry-After); either way the draft keeps every other answer.
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../../test/harness.ts';
import { checkUpload, sharedExtraction } from '../../../platform/files/index.ts';
import { fixture, makePdf } from '../../../platform/files/test-files.ts';
import {
  addQuestion,
  answersOf,
  apply,
  categoryId,
  createEvent,
  platformWithEditor,
  registrationOf,
  setUpRegistration,
  standardFields,
} from './test-helpers.ts';

const { hub, editor } = await platformWithEditor();
const MB = 1024 * 1024;
const bomb = await makePdf({ pages: 1, inflated: 1024 * MB });

async function selection(title: string) {
  const slug = await createEvent(editor, { title });
  await setUpRegistration(editor, slug);
  const motivation = await addQuestion(hub, editor, slug, {
    kind: 'long_text',
    label: 'Motivation',
    required: true,
  });
  const portfolio = await addQuestion(hub, editor, slug, { kind: 'file', label: 'Portfolio' });
  const category = await categoryId(hub, slug, 'Creative industry representatives');
  const fields = { ...standardFields({ category_id: category }), [`q_${motivation}`]: 'Kept as typed' };
  return { slug, fields, motivation, portfolio };
}

const pdfAnswer = (field: string, bytes: Uint8Array, name = 'portfolio.pdf') => ({
  field,
  name,
  type: 'application/pdf',
  bytes,
});

describe('hostile file answers', () => {
  it('refuses a PDF that inflates to a gigabyte as too complex, keeping the draft and the server', async () => {
    const { slug, fields, motivation, portfolio } = await selection('Portfolio bomb');
    const { user, client } = await hub.signedIn();
    const base = process.memoryUsage.rss();
    let peak = base;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    const res = await apply(client, slug, fields, { files: [pdfAnswer(`q_${portfolio}`, bomb)] }).finally(
      () => clearInterval(sample),
    );
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain('needs more memory or time to read than the hub allows');
    expect(res.text).toContain('Kept as typed');
    expect(peak - base).toBeLessThan(150 * MB);
    expect((await registrationOf(hub, slug, user.id))?.status).toBe('draft');
    expect(await answersOf(hub, slug, user.id)).toEqual({ [String(motivation)]: 'Kept as typed' });

    // The same member's good file right after is read by a fresh extraction process and taken.
    const good = await apply(client, slug, fields, {
      files: [pdfAnswer(`q_${portfolio}`, fixture('multilingual.pdf'))],
    });
    expect(good.status, visibleText(good.text).slice(0, 300)).toBe(303);
    expect((await registrationOf(hub, slug, user.id))?.status).not.toBe('draft');
  }, 90_000);

  it('answers 429 with Retry-After to a member whose files already wait to be read, keeping the draft', async () => {
    const { slug, fields, motivation, portfolio } = await selection('Portfolio queue');
    const { user, client } = await hub.signedIn();
    const pool = sharedExtraction();
    // Three of the member's files are in the queue: the bomb being read, two small ones behind it.
    const small = fixture('multilingual.pdf');
    const queued = [bomb, small, small].map((bytes) =>
      checkUpload(bytes, { maxBytes: 10 * MB, uploader: user.id }),
    );
    while (pool.pendingOf(user.id) < 3) await new Promise((resolve) => setTimeout(resolve, 5));

    const res = await apply(client, slug, fields, {
      intent: 'save',
      files: [pdfAnswer(`q_${portfolio}`, small)],
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(visibleText(res.text)).toContain('Too many files are waiting to be read');
    expect(res.text).toContain('Kept as typed');
    expect(await answersOf(hub, slug, user.id)).toEqual({ [String(motivation)]: 'Kept as typed' });

    // Another member is not turned away: their file waits its turn and is taken.
    const other = await hub.signedIn();
    const theirs = await apply(other.client, slug, fields, {
      files: [pdfAnswer(`q_${portfolio}`, small)],
    });
    expect(theirs.status, visibleText(theirs.text).slice(0, 300)).toBe(303);
    expect((await Promise.all(queued)).map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'tooComplex',
      'ok',
      'ok',
    ]);
    // Once they are read, the member may send again.
    const again = await apply(client, slug, fields, { files: [pdfAnswer(`q_${portfolio}`, small)] });
    expect(again.status, visibleText(again.text).slice(0, 300)).toBe(303);
  }, 90_000);
});
