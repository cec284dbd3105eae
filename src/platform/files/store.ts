// Where uploaded files live: by the SHA-256 of their content, so the same file uploaded twice is
// stored once, a stored file never changes (its hash is its ETag and its cache key), and a record
// only keeps the hash. The interface is small on purpose: an S3-compatible store can sit behind it
// (put = PutObject under the hash, size = HeadObject, stream = GetObject with Range).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A stored file's address: 64 lower-case hex digits. */
const HASH = /^[0-9a-f]{64}$/;

export function isFileHash(value: string): boolean {
  return HASH.test(value);
}

export interface FileStore {
  /** Stores the bytes (once: storing the same content again changes nothing). */
  put(bytes: Uint8Array): Promise<{ hash: string; size: number }>;
  has(hash: string): Promise<boolean>;
  /** The stored size in bytes, or null when there is no such file. */
  size(hash: string): Promise<number | null>;
  /**
   * The file's bytes, or only those from `start` to `end` inclusive (as in an HTTP Range). A Node
   * stream; it emits an error when the file is missing (check `size` first).
   */
  stream(hash: string, range?: { start: number; end: number }): NodeJS.ReadableStream;
  /** Every stored file, with the moment it was last stored (put again counts). */
  list(): AsyncIterable<{ hash: string; storedAt: Date }>;
  /** Removes the bytes (the daily clean-up of files no record refers to: files/unreferenced.ts). */
  remove(hash: string): Promise<void>;
}

/**
 * Files on the local disk under `<dataDir>/files/<aa>/<bb>/<hash>`: two levels of folders by the
 * first hex digits keep each folder small (65 536 folders hold millions of files). A file is
 * written to a temporary name in its final folder, flushed, then renamed: a rename within one
 * file system is atomic, so a reader sees the whole file or none, and a crash leaves only a
 * temporary file behind, never a half-written stored one.
 */
export class DiskFileStore implements FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  pathOf(hash: string): string {
    if (!isFileHash(hash)) throw new Error(`not a file hash: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(bytes: Uint8Array): Promise<{ hash: string; size: number }> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (await this.has(hash)) {
      // Stored again: the clean-up of unreferenced files must not take it away now (it compares
      // this moment with when it found the file unreferenced).
      const now = new Date();
      await fs.promises.utimes(target, now, now).catch(() => undefined);
      return { hash, size: bytes.byteLength };
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.promises.open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Two processes storing the same content at once both rename onto the same name with the
      // same bytes: whichever lands last wins, and nothing differs.
      await fs.promises.rename(temp, target);
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
    return { hash, size: bytes.byteLength };
  }

  async has(hash: string): Promise<boolean> {
    return (await this.size(hash)) !== null;
  }

  async size(hash: string): Promise<number | null> {
    if (!isFileHash(hash)) return null;
    try {
      const stat = await fs.promises.stat(this.pathOf(hash));
      return stat.isFile() ? stat.size : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  stream(hash: string, range?: { start: number; end: number }): NodeJS.ReadableStream {
    return fs.createReadStream(this.pathOf(hash), range ? { start: range.start, end: range.end } : {});
  }

  async *list(): AsyncIterable<{ hash: string; storedAt: Date }> {
    const dirs = async (dir: string) =>
      (await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) =>
        d.isDirectory(),
      );
    for (const a of await dirs(this.root))
      for (const b of await dirs(path.join(this.root, a.name))) {
        const folder = path.join(this.root, a.name, b.name);
        for (const name of await fs.promises.readdir(folder)) {
          if (!isFileHash(name)) continue; // temporary files of a put under way
          const stat = await fs.promises.stat(path.join(folder, name)).catch(() => null);
          if (stat?.isFile()) yield { hash: name, storedAt: stat.mtime };
        }
      }
  }

  async remove(hash: string): Promise<void> {
    await fs.promises.rm(this.pathOf(hash), { force: true });
  }
}
