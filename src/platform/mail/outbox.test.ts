// The outbox: mail leaves only with the transaction that queued it, goes over SMTP to a real peer,
// is retried with growing delays after a refusal, and is sent once even with several workers.
import { beforeEach, describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import { createLogger } from '../logger.ts';
import { enqueueMail, MAX_ATTACHMENT_BYTES, Outbox } from './outbox.ts';

const hub = await platformForFile();
beforeEach(async () => {
  await hub.deps.db.deleteFrom('outbox').execute();
  hub.smtp.refuseWith = undefined;
});

describe('outbox', () => {
  it('sends nothing queued in a transaction that rolled back', async () => {
    await expect(
      hub.deps.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, { to: 'ghost@example.org', subject: 'never', text: 'never' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await hub.deliverMail()).toBe(0);
    expect(hub.smtp.to('ghost@example.org')).toHaveLength(0);
  });

  it('delivers UTF-8 mail over SMTP and marks it sent', async () => {
    await enqueueMail(hub.deps.db, {
      to: 'lao@example.org',
      subject: 'ຍິນດີຕ້ອນຮັບ',
      text: 'ສະບາຍດີ — Huế — ខ្មែរ',
    });
    expect(await hub.deliverMail()).toBe(1);
    const mail = await hub.smtp.next('lao@example.org');
    expect(mail.subject).toBe('ຍິນດີຕ້ອນຮັບ');
    expect(mail.text).toContain('ສະບາຍດີ — Huế — ខ្មែរ');
    const row = await hub.deps.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(await hub.deliverMail()).toBe(0);
  });

  it('sends attachments byte for byte, and keeps them only with the transaction that queued them', async () => {
    const pdfLike = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80]);
    await enqueueMail(hub.deps.db, {
      to: 'files@example.org',
      subject: 'files',
      text: 'two files',
      attachments: [
        {
          filename: 'ສະເຕລລາ.ics',
          contentType: 'text/calendar; charset=utf-8',
          content: 'BEGIN:VCALENDAR\r\nX: ខ្មែរ\r\nEND:VCALENDAR\r\n',
        },
        { filename: 'bytes.bin', contentType: 'application/octet-stream', content: pdfLike },
      ],
    });
    const row = await hub.deps.db.selectFrom('outbox').select('attachments').executeTakeFirstOrThrow();
    expect(JSON.parse(row.attachments ?? '[]')).toHaveLength(2);
    expect(await hub.deliverMail()).toBe(1);
    const mail = await hub.smtp.next('files@example.org');
    expect(mail.text).toContain('two files');
    const [ics, bin] = mail.attachments;
    expect(ics?.filename).toBe('ສະເຕລລາ.ics');
    expect(ics?.mimeType).toBe('text/calendar');
    expect(new TextDecoder().decode(ics?.content)).toContain('X: ខ្មែរ');
    expect(bin?.filename).toBe('bytes.bin');
    expect([...(bin?.content ?? [])]).toEqual([...pdfLike]);
  });

  it('refuses attachments too large for a mail relay before anything is queued', async () => {
    await expect(
      enqueueMail(hub.deps.db, {
        to: 'big@example.org',
        subject: 'big',
        text: 'x',
        attachments: [
          {
            filename: 'big.bin',
            contentType: 'application/octet-stream',
            content: new Uint8Array(MAX_ATTACHMENT_BYTES + 1),
          },
        ],
      }),
    ).rejects.toThrow(/exceed/);
    expect(await hub.deps.db.selectFrom('outbox').select('id').execute()).toHaveLength(0);
  });

  it('retries later after the SMTP server refuses, keeping the error', async () => {
    hub.smtp.refuseWith = 'mailbox busy';
    await enqueueMail(hub.deps.db, { to: 'busy@example.org', subject: 's', text: 't' });
    expect(await hub.deliverMail()).toBe(0);
    const failed = await hub.deps.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('mailbox busy');
    expect(Date.parse(failed.send_after)).toBeGreaterThan(Date.now() + 30_000);
    // Not due yet: nothing is tried.
    hub.smtp.refuseWith = undefined;
    expect(await hub.deliverMail()).toBe(0);
    await hub.deps.db
      .updateTable('outbox')
      .set({ send_after: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(await hub.deliverMail()).toBe(1);
    expect(hub.smtp.to('busy@example.org')).toHaveLength(1);
  });

  it('sends each message once when several workers drain at the same time', async () => {
    for (let i = 0; i < 30; i++) {
      await enqueueMail(hub.deps.db, { to: `many${i}@example.org`, subject: `n${i}`, text: 'x' });
    }
    const logger = createLogger('silent');
    const workers = [1, 2, 3].map(() => new Outbox(hub.deps.db, hub.deps.config, logger));
    const counts = await Promise.all(workers.map((w) => w.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    for (let i = 0; i < 30; i++) expect(hub.smtp.to(`many${i}@example.org`)).toHaveLength(1);
  });

  it('logs instead of sending when no SMTP server is configured', async () => {
    const lines: string[] = [];
    const logger = createLogger('info');
    const spy = logger.child({});
    spy.info = ((obj: unknown) => {
      lines.push(JSON.stringify(obj));
    }) as typeof spy.info;
    const outbox = new Outbox(hub.deps.db, { ...hub.deps.config, smtpUrl: undefined }, spy);
    await enqueueMail(hub.deps.db, { to: 'log@example.org', subject: 'logged', text: 'the link is here' });
    expect(await outbox.drain()).toBe(1);
    expect(lines.join('\n')).toContain('the link is here');
    expect(hub.smtp.to('log@example.org')).toHaveLength(0);
  });
});
