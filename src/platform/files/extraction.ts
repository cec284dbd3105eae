// The queue in front of the extraction processes (extraction-child.ts). Each server process reads
// at most `concurrency` documents at once (one per extraction process, default 1); uploads beyond
// that wait their turn, at most MAX_WAITING of them, and at most PER_UPLOADER files of one member
// are in the queue or being read at once. Past either bound the upload is refused at once as `busy`
// (429 with Retry-After) instead of holding a request, its bytes and a slot for minutes: one member
// sending files in a loop cannot keep the others' uploads waiting. The bounds are per server
// process (the queue lives in it); with `--workers N` or several hosts each has its own.
import { ExtractionChild, type ExtractionOutcome } from './extraction-child.ts';
import type { DocumentKind } from './kinds.ts';

export interface ExtractionLimits {
  /** Resident memory of an extraction process past which it is killed and the file refused. */
  memoryMb: number;
  /**
   * Time one file may take (once its turn has come); past it the file is refused. PDF pages are
   * read for a quarter of it (READING_SHARE): a longer PDF keeps the text of the pages read by then.
   */
  timeoutMs: number;
  /** PDF pages read; the text of later pages is not indexed. */
  maxPages: number;
  /** Files read at once, each by its own extraction process. */
  concurrency: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  memoryMb: 512,
  timeoutMs: 60_000,
  maxPages: 2_000,
  concurrency: 1,
};

/** Extracted text is cut here: about 1 000 pages, far more than search needs to find a document. */
export const MAX_EXTRACTED_CHARS = 2_000_000;
/**
 * The share of the time limit spent reading PDF pages: the rest is room for opening the file and
 * for the page being read when it runs out, so a long document is cut, not refused.
 */
export const READING_SHARE = 0.25;
/** Uploads waiting for their turn, beyond those being read. */
export const MAX_WAITING = 16;
/** Files of one member waiting or being read at once. */
export const PER_UPLOADER = 3;
/**
 * What a refused upload is told to wait. Most documents are read in a second or two; a queue that
 * is full has had a minute's worth of files or more, so half a minute is an honest guess.
 */
export const BUSY_RETRY_SECONDS = 30;

export type Busy = { ok: false; reason: 'busy'; retryAfter: number };
export type QueuedOutcome = ExtractionOutcome | Busy;

export interface ExtractOptions {
  /** Who sent the file (a member's id): bounds that member's files in the queue. */
  uploader?: number | undefined;
  /** Overrides the limits' timeout for this file. */
  timeoutMs?: number | undefined;
}

export class ExtractionPool {
  readonly limits: ExtractionLimits;
  #children: ExtractionChild[] = [];
  #idle: ExtractionChild[] = [];
  #waiting: ((child: ExtractionChild) => void)[] = [];
  #uploaders = new Map<number, number>();

  constructor(limits: Partial<ExtractionLimits> = {}) {
    this.limits = { ...DEFAULT_EXTRACTION_LIMITS, ...limits };
  }

  /** Files of the member `uploader` waiting or being read. */
  pendingOf(uploader: number): number {
    return this.#uploaders.get(uploader) ?? 0;
  }

  /** Process ids of the extraction processes running now. */
  get pids(): number[] {
    return this.#children.flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
  }

  async extract(kind: DocumentKind, bytes: Uint8Array, options: ExtractOptions = {}): Promise<QueuedOutcome> {
    return this.#inTurn(options, (child, timeoutMs) =>
      child.extract(
        kind,
        bytes,
        { maxChars: MAX_EXTRACTED_CHARS, maxPages: this.limits.maxPages, readMs: timeoutMs * READING_SHARE },
        timeoutMs,
      ),
    );
  }

  /** The rows of a workbook to import, read in an extraction process, in the same queue as documents. */
  readTable(bytes: Uint8Array, maxColumns: number, options: ExtractOptions = {}) {
    return this.#inTurn(options, (child, timeoutMs) => child.readTable(bytes, maxColumns, timeoutMs));
  }

  /** Runs `work` on an extraction process when its turn comes, or refuses at once as busy. */
  async #inTurn<R>(
    options: ExtractOptions,
    work: (child: ExtractionChild, timeoutMs: number) => Promise<R>,
  ): Promise<R | Busy> {
    const { uploader } = options;
    const full = this.#idle.length === 0 && this.#children.length >= this.limits.concurrency;
    if (
      (uploader !== undefined && this.pendingOf(uploader) >= PER_UPLOADER) ||
      (full && this.#waiting.length >= MAX_WAITING)
    )
      return { ok: false, reason: 'busy', retryAfter: BUSY_RETRY_SECONDS };
    this.#count(uploader, 1);
    try {
      const child = await this.#acquire();
      try {
        return await work(child, options.timeoutMs ?? this.limits.timeoutMs);
      } finally {
        this.#release(child);
      }
    } finally {
      this.#count(uploader, -1);
    }
  }

  /** Stops the extraction processes; files being read are refused, later ones start new ones. */
  close(): void {
    for (const child of this.#children) child.close();
  }

  #count(uploader: number | undefined, delta: number): void {
    if (uploader === undefined) return;
    const n = this.pendingOf(uploader) + delta;
    if (n > 0) this.#uploaders.set(uploader, n);
    else this.#uploaders.delete(uploader);
  }

  #acquire(): Promise<ExtractionChild> {
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.#children.length < this.limits.concurrency) {
      const child = new ExtractionChild({
        memoryBytes: this.limits.memoryMb * 1024 * 1024,
        timeoutMs: this.limits.timeoutMs,
      });
      this.#children.push(child);
      return Promise.resolve(child);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(child: ExtractionChild): void {
    const next = this.#waiting.shift();
    if (next) next(child);
    else this.#idle.push(child);
  }
}

let shared: ExtractionPool | null = null;
let sharedLimits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS;

/**
 * The limits of this process's extraction (from the configuration, at start). The processes of
 * earlier limits are stopped; the same limits again change nothing.
 */
export function configureExtraction(limits: Partial<ExtractionLimits>): void {
  const next = { ...DEFAULT_EXTRACTION_LIMITS, ...limits };
  const same = (Object.keys(next) as (keyof ExtractionLimits)[]).every((k) => next[k] === sharedLimits[k]);
  if (same) return;
  sharedLimits = next;
  shared?.close();
  shared = null;
}

/** This server process's queue and extraction processes, started at the first upload. */
export function sharedExtraction(): ExtractionPool {
  shared ??= new ExtractionPool(sharedLimits);
  return shared;
}
