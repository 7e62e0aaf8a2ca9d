import { copyFile, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where document content lives. Local disk by default; an S3-compatible store in production
 * (infra/DEPLOYMENT.md). Keys are made by the API, never by clients.
 */
export abstract class DocumentStorage {
  /** Where uploads are streamed before any transaction opens (on the store's disk when it has one). */
  abstract readonly stagingDir: string;
  abstract put(key: string, content: Buffer): Promise<void>;
  /** Takes a staged file into the store under `key`; the staged file is gone afterwards. */
  abstract putFile(key: string, stagedPath: string): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Removes content that no committed row points at (an upload whose transaction rolled back). */
  abstract remove(key: string): Promise<void>;
}

export class LocalDiskStorage extends DocumentStorage {
  private readonly root: string;
  readonly stagingDir: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
    this.stagingDir = join(this.root, '.staging');
  }

  private path(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(`${this.root}/`) || path.startsWith(`${this.stagingDir}/`)) {
      throw new Error(`storage key escapes the store: ${key}`);
    }
    return path;
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a half-written file is never visible under its key.
    await writeFile(`${path}.part`, content, { mode: 0o600 });
    await rename(`${path}.part`, path);
  }

  async putFile(key: string, stagedPath: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    try {
      await rename(stagedPath, path);
    } catch (error) {
      // Staging on another file system (a mounted store): copy beside the key, then rename.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(stagedPath, `${path}.part`);
      await rename(`${path}.part`, path);
      await unlink(stagedPath);
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/** For stores without a disk of their own. */
export function defaultStagingDir(): string {
  return join(tmpdir(), 'xiangmeng-uploads');
}
