// A value counted over whole tables (the home page's figures, the countries' counts), kept for a
// while per database (each test platform has its own, so the key is the database object): the same
// for every reader, costly at 100× the demo, and telling the same story a little later. A load that
// fails is not kept: the next request asks again.
export class KeptPerDatabase<T> {
  readonly #entries = new WeakMap<object, { at: number; value: Promise<T> }>();

  constructor(readonly freshMs: number) {}

  get(db: object, load: () => Promise<T>): Promise<T> {
    let entry = this.#entries.get(db);
    if (!entry || Date.now() - entry.at > this.freshMs) {
      entry = { at: Date.now(), value: load() };
      this.#entries.set(db, entry);
      entry.value.catch(() => this.#entries.delete(db));
    }
    return entry.value;
  }

  /** Forgets what is kept for `db` (tests that change records and read the counts again). */
  forget(db: object): void {
    this.#entries.delete(db);
  }
}
