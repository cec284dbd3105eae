// Mail goes into the `outbox` table inside the transaction of the change that causes it (so a
// rolled-back change sends nothing and a committed one is never forgotten). The worker below sends
// it over SMTP when SMTP_URL is set and writes it to the log otherwise. Several processes may run
// workers against one database: each claims rows with a lease before sending.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import type { Logger } from '../logger.ts';
import { Poller } from '../poller.ts';
import { isoIn, nowIso } from '../time.ts';

/** A file sent with a message (an event's .ics). */
export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8` */
  contentType: string;
  content: string | Uint8Array;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058) on notification mail. */
  headers?: Record<string, string>;
}

// The outbox row's attachments column (migration 2026_12_03_0031_outbox_attachments), merged into
// the platform's table type from here, beside the only code that reads and writes it.
declare module '../../db/schema.ts' {
  interface OutboxTable {
    /** JSON: [{ filename, contentType, content (base64) }], or null for a message without files. */
    attachments: string | null;
    /** JSON: { name: value } of extra headers (migration 2026_12_21_0002_outbox_headers), or null. */
    headers: string | null;
  }
}

/** As stored in the outbox: the content in base64, so the row is plain JSON text on both databases. */
interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Mail relays commonly refuse messages past 10 MB; the outbox is for small files such as calendar
 * entries and receipts, not documents (link those instead).
 */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

function storedAttachments(attachments: MailAttachment[] | undefined): string | null {
  if (!attachments?.length) return null;
  let total = 0;
  const stored: StoredAttachment[] = attachments.map((a) => {
    const bytes = typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content);
    total += bytes.byteLength;
    return { filename: a.filename, contentType: a.contentType, content: bytes.toString('base64') };
  });
  if (total > MAX_ATTACHMENT_BYTES)
    throw new Error(`Mail attachments of ${total} bytes exceed the outbox's ${MAX_ATTACHMENT_BYTES}`);
  return JSON.stringify(stored);
}

function attachmentsOf(column: string | null): MailAttachment[] | undefined {
  if (!column) return undefined;
  return (JSON.parse(column) as StoredAttachment[]).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: new Uint8Array(Buffer.from(a.content, 'base64')),
  }));
}

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;
const BATCH = 20;

/** Queues a message. Pass the transaction of the change that causes the mail. */
export async function enqueueMail(db: Kysely<Database>, message: MailMessage): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('outbox')
    .values({
      to_address: message.to,
      subject: message.subject.slice(0, 300),
      text_body: message.text,
      attachments: storedAttachments(message.attachments),
      headers: message.headers ? JSON.stringify(message.headers) : null,
      created_at: now,
      send_after: now,
    })
    .execute();
}

type Send = (message: MailMessage) => Promise<void>;

function createSender(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: Logger): Send {
  if (!config.smtpUrl) {
    return async ({ attachments, ...message }) => {
      // The files' names and sizes, not their bytes, in the log.
      const files = attachments?.map((a) => ({ filename: a.filename, bytes: a.content.length }));
      logger.info(
        { mail: { ...message, attachments: files } },
        'mail (SMTP_URL is not set, so it is logged instead of sent)',
      );
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return async (message) => {
    await transport.sendMail({
      from: config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers,
      attachments: message.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content),
      })),
    });
  };
}

export class Outbox {
  private readonly workerId = randomUUID();
  private readonly send: Send;
  private readonly poller: Poller;

  constructor(
    private readonly db: Kysely<Database>,
    config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboxPollMs'>,
    private readonly logger: Logger,
    pollMs = config.outboxPollMs,
  ) {
    this.send = createSender(config, logger);
    this.poller = new Poller(
      pollMs,
      () => this.drain(),
      (err) => this.logger.error({ err }, 'outbox worker failed'),
    );
  }

  /** Polls the outbox until stop(). */
  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Asks the worker to look at the outbox now (after a commit that queued mail). */
  kick(): void {
    this.poller.kick();
  }

  /** Sends everything that is due; returns how many messages were sent. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return sent;
      for (const row of batch) {
        try {
          await this.send({
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            attachments: attachmentsOf(row.attachments),
            headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined,
          });
          await this.db
            .updateTable('outbox')
            .set({ sent_at: nowIso(), locked_by: null, locked_until: null, attempts: row.attempts + 1 })
            .where('id', '=', row.id)
            .execute();
          sent++;
        } catch (err) {
          const attempts = row.attempts + 1;
          this.logger.warn({ err, outboxId: row.id, attempts }, 'mail could not be sent; will retry');
          await this.db
            .updateTable('outbox')
            .set({
              attempts,
              last_error: String(err instanceof Error ? err.message : err).slice(0, 1000),
              locked_by: null,
              locked_until: null,
              // 1, 2, 4 … minutes between attempts.
              send_after: isoIn(60 * 2 ** (attempts - 1)),
            })
            .where('id', '=', row.id)
            .execute();
        }
      }
    }
  }

  private async claim() {
    const now = nowIso();
    const leaseUntil = isoIn(LEASE_SECONDS);
    const due = this.db
      .selectFrom('outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('attempts', '<', MAX_ATTEMPTS)
      .where('send_after', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('id')
      .limit(BATCH);
    // The lease conditions are repeated outside the subquery: PostgreSQL re-checks them on rows a
    // concurrent worker has just claimed, so no message is claimed twice.
    await this.db
      .updateTable('outbox')
      .set({ locked_by: this.workerId, locked_until: leaseUntil })
      .where('id', 'in', due)
      .where('sent_at', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .execute();
    return this.db
      .selectFrom('outbox')
      .selectAll()
      .where('locked_by', '=', this.workerId)
      .where('locked_until', '=', leaseUntil)
      .where('sent_at', 'is', null)
      .orderBy('id')
      .execute();
  }
}
