// A real SMTP server for tests: the platform sends mail to it over TCP with nodemailer, exactly as
// it would to a production relay, and tests read what arrived.
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedAttachment {
  filename: string | null;
  /** Lower case, without parameters (postal-mime's reading of Content-Type). */
  mimeType: string;
  content: Uint8Array;
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The files of the message, as postal-mime parsed them. */
  attachments: ReceivedAttachment[];
  /** The message's headers by lower-case name (the last of a repeated one). */
  headers: Record<string, string>;
}

export class SmtpPeer {
  readonly messages: ReceivedMail[] = [];
  private readonly taken = new Set<ReceivedMail>();
  private waiters: { to: string; resolve: (m: ReceivedMail) => void }[] = [];
  private server: SMTPServer;
  /** While set, every recipient is refused with this SMTP error (to test retries). */
  refuseWith: string | undefined;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (this.refuseWith) callback(new Error(this.refuseWith));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const parsed = await PostalMime.parse(Buffer.concat(chunks));
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename,
              mimeType: a.mimeType,
              content:
                typeof a.content === 'string'
                  ? new TextEncoder().encode(a.content)
                  : new Uint8Array(a.content),
            })),
            headers: Object.fromEntries(parsed.headers.map((h) => [h.key, h.value])),
          };
          this.messages.push(mail);
          const waiter = this.waiters.find((w) => mail.to.includes(w.to));
          if (waiter) {
            this.taken.add(mail);
            this.waiters = this.waiters.filter((w) => w !== waiter);
            waiter.resolve(mail);
          }
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Messages received so far for an address. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** The next message for `address` (or one already received and not yet taken). */
  next(address: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const waiting = this.to(address).find((m) => !this.taken.has(m));
    if (waiting) {
      this.taken.add(waiting);
      return Promise.resolve(waiting);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.messages.map((m) => m.to.join(',')).join('; ') || 'none';
        reject(new Error(`No mail for ${address} within ${timeoutMs} ms (received so far: ${seen})`));
      }, timeoutMs);
      this.waiters.push({
        to: address.toLowerCase(),
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }
}

/** The first link to this site in a mail body. */
export function linkIn(mail: ReceivedMail, baseUrl: string): string {
  const match = mail.text.match(new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`));
  if (!match) throw new Error(`No link in mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}
