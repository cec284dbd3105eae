// One extraction process: a child of the server (child_process.fork of extract-child.mjs) that
// reads uploaded documents one at a time, watched from here. A file that makes it use more memory
// than allowed or run past its time gets it killed (SIGKILL) and is refused as too complex; the
// next file gets a fresh process. A hostile file therefore costs a restart, never the server.
//
// Why a process and not a worker thread: a worker's resourceLimits bound its JavaScript heap only,
// and pdf.js inflates streams into ArrayBuffers outside it (a 4 MB PDF took the server to 4.9 GB).
// A process's resident memory counts everything, can be read from outside while the parser is
// busy (/proc/<pid>/status on Linux, every 25 ms), and a kill takes all of it back.
//
// Why one long-lived process and not one per file: starting node, tsx and pdf.js costs 0.5–1 s,
// more than reading most documents. Keeping it between files is safe because the parsers are pure
// JavaScript run with code generation off (pdf.js isEvalSupported: false), each file's objects are
// released when it is done (pdf.destroy()), and files pass through one at a time, so nothing of one
// file is in the way of the next; the process holds none of the server's secrets (its environment
// is reduced to what node needs). It is retired after RECYCLE_AFTER_FILES files, or when its memory
// stays high after a file, so whatever a parser keeps cached cannot grow for ever.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { XlsxRows } from '../import/xlsx-rows.ts';
import type { Extracted, ExtractLimits } from './extract.ts';
import type { DocumentKind } from './kinds.ts';

/** What a file that exceeded the memory or time limit is refused as. */
export type TooComplex = { ok: false; reason: 'tooComplex' };
export type ExtractionOutcome = Extracted | TooComplex;

export interface ChildLimits {
  /** Resident memory of the process past which it is killed. */
  memoryBytes: number;
  /** Time one file may take; past it the process is killed. */
  timeoutMs: number;
}

/** How often the process's memory is read while it works on a file. */
const WATCH_MS = 25;
/** A process that has read this many files is replaced by a fresh one. */
const RECYCLE_AFTER_FILES = 200;
/** …as is one whose memory after a file stays above this share of its limit. */
const RECYCLE_ABOVE_SHARE = 0.5;
/** A process that has not loaded its parsers by then is not going to. */
const START_TIMEOUT_MS = 30_000;
/** A file that made the process exceed its memory or time, or die. */
const TOO_COMPLEX: TooComplex = { ok: false, reason: 'tooComplex' };

const ENTRY = fileURLToPath(new URL('./extract-child.mjs', import.meta.url));
/** What node needs from the environment; DATABASE_URL, SMTP_URL and the like stay in the server. */
const ENVIRONMENT = ['PATH', 'TMPDIR', 'TMP', 'TEMP', 'SystemRoot', 'LANG', 'TZ'];

/** Resident memory of a process, in bytes: from /proc on Linux; null elsewhere or once it is gone. */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined || process.platform !== 'linux') return null;
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

let jobIds = 0;

export class ExtractionChild {
  #process: ChildProcess | null = null;
  #ready: Promise<ChildProcess> | null = null;
  #files = 0;

  constructor(private readonly limits: ChildLimits) {}

  /** The process id of the running extraction process, if there is one (for tests and logs). */
  get pid(): number | undefined {
    return this.#process?.pid;
  }

  /**
   * Reads one file. Resolves with the text or the file's refusal; rejects only when the process
   * cannot be started at all (a broken installation, which must not pass for a bad file).
   */
  extract(
    kind: DocumentKind,
    bytes: Uint8Array,
    limits: ExtractLimits,
    timeoutMs = this.limits.timeoutMs,
  ): Promise<ExtractionOutcome> {
    return this.#run<Extracted>({ task: 'text', kind, bytes, limits }, timeoutMs);
  }

  /** The rows of a workbook's first sheet (an import), under the same limits as a document. */
  readTable(bytes: Uint8Array, maxColumns: number, timeoutMs = this.limits.timeoutMs) {
    return this.#run<XlsxRows>({ task: 'table', bytes, maxColumns }, timeoutMs);
  }

  /** Sends one task to the process and waits for its answer, watching memory and time meanwhile. */
  async #run<R>(task: Record<string, unknown>, timeoutMs: number): Promise<R | TooComplex> {
    const child = await this.#started();
    const id = ++jobIds;
    return new Promise<R | TooComplex>((resolve) => {
      let settled = false;
      const finish = (outcome: R | TooComplex, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) this.#stop(child, 'SIGKILL');
        else this.#afterFile(child);
        resolve(outcome);
      };
      const onMessage = (message: { id?: number; result?: R }) => {
        if (message.id === id && message.result) finish(message.result, false);
      };
      // The process died under the file: its own memory check, V8's heap limit or a crash of a
      // parser. Each is a file the hub cannot read within its limits.
      const onExit = () => finish(TOO_COMPLEX, true);
      const timer = setTimeout(() => finish(TOO_COMPLEX, true), timeoutMs);
      const watch = setInterval(() => {
        const rss = residentBytes(child.pid);
        if (rss !== null && rss > this.limits.memoryBytes) finish(TOO_COMPLEX, true);
      }, WATCH_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, ...task }, (err) => {
        if (err) finish(TOO_COMPLEX, true);
      });
    });
  }

  /** Stops the process (between files: the server is closing, or the pool is replaced). */
  close(): void {
    if (this.#process) this.#stop(this.#process, 'SIGTERM');
  }

  #started(): Promise<ChildProcess> {
    // One that went away between files (retired, or crashed while idle) is replaced, not used.
    if (this.#process && !this.#process.connected) this.#stop(this.#process, 'SIGKILL');
    this.#ready ??= this.#start().catch((err: unknown) => {
      this.#ready = null;
      throw err;
    });
    return this.#ready;
  }

  #start(): Promise<ChildProcess> {
    const env = Object.fromEntries(ENVIRONMENT.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
    const child = fork(ENTRY, [String(this.limits.memoryBytes)], {
      // None of the server's flags (vitest's, --inspect): the entry loads tsx itself. V8's heap is
      // held to the same limit, so it collects garbage before it gets there.
      execArgv: [`--max-old-space-size=${Math.ceil(this.limits.memoryBytes / 1024 / 1024)}`],
      env,
      // Structured clone over the channel: the file's bytes arrive as a Uint8Array, not JSON.
      serialization: 'advanced',
      // Parser chatter (pdf.js warnings about a damaged file) is dropped, not printed.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.#process = child;
    this.#files = 0;
    // An idle extraction process keeps neither the server nor a command-line run alive.
    child.unref();
    child.channel?.unref();
    child.on('error', () => {});
    child.once('exit', () => {
      if (this.#process === child) {
        this.#process = null;
        this.#ready = null;
      }
    });
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        child.off('message', onReady);
        child.off('exit', onExit);
        if (err) {
          this.#stop(child, 'SIGKILL');
          reject(err);
        } else resolve(child);
      };
      const onReady = (message: { ready?: boolean }) => {
        if (message.ready) done();
      };
      const onExit = (code: number | null, signal: string | null) =>
        done(new Error(`The text extraction process stopped while starting (${signal ?? `exit ${code}`}).`));
      const timer = setTimeout(
        () => done(new Error('The text extraction process did not start in time.')),
        START_TIMEOUT_MS,
      );
      child.on('message', onReady);
      child.once('exit', onExit);
    });
  }

  /** After a file read in time: keep the process, unless it has read enough or kept too much. */
  #afterFile(child: ChildProcess): void {
    this.#files++;
    const rss = residentBytes(child.pid) ?? 0;
    if (this.#files >= RECYCLE_AFTER_FILES || rss > this.limits.memoryBytes * RECYCLE_ABOVE_SHARE)
      this.#stop(child, 'SIGTERM');
  }

  #stop(child: ChildProcess, signal: NodeJS.Signals): void {
    if (this.#process === child) {
      this.#process = null;
      this.#ready = null;
    }
    child.kill(signal);
  }
}
