// Structured JSON logs (pino). Each request logs one line with its request id.
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: { paths: ['password', '*.password', 'token', '*.token'], censor: '[redacted]' },
  });
}
