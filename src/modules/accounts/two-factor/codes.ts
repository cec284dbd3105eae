// The codes of two-factor sign-in: TOTP (RFC 6238, with otpauth: 6 digits, 30-second steps, SHA-1,
// what every authenticator app reads), the QR code of a secret (an SVG drawn on the server, so
// set-up works without JavaScript), and recovery codes.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from '../../../platform/security-tokens.ts';

const PERIOD = 30;
/** One step either side of now: a phone's clock a little off, or a code typed as it changes. */
const WINDOW = 1;

/** A new secret (160 bits, as RFC 4226 recommends), in base32 as apps show it. */
export const newSecret = (): string => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, label = '', issuer = '') =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6 });

/** The otpauth:// address an authenticator app reads from the QR code. */
export const setupUri = (secret: string, label: string, issuer: string): string =>
  totpOf(secret, label, issuer).toString();

/** The QR code of `uri` as an SVG element (no script, no style attribute: the CSP allows it). */
export const qrSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: 'svg', margin: 2, width: 240, errorCorrectionLevel: 'M' });

/**
 * The time step `code` is right for (now, or one step either side), or null. The caller refuses a
 * step not after the last one accepted, so a code seen over a shoulder cannot be used again.
 */
export function stepOfCode(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^[0-9]{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

export const RECOVERY_CODE_COUNT = 10;
// Letters and digits that cannot be mistaken for each other when copied by hand (no 0/O, 1/l/I).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code: 12 characters (about 59 random bits) in three groups, `abcd-efgh-jkmn`. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What is stored of a recovery code: spaces, dashes and case do not matter when it is typed. */
export const recoveryCodeHash = (code: string): string => sha256(code.toLowerCase().replace(/[\s-]/g, ''));

/** Whether the typed text is shaped like a recovery code rather than a six-digit code. */
export const looksLikeRecoveryCode = (code: string): boolean => code.replace(/[\s-]/g, '').length === 12;
