import {
  checkControlCharacters,
  checkDocumentFile,
  DOCUMENT_FILE_PROBLEM_LABELS,
  type DocumentFileProblem,
  fieldViolation,
} from '@xiangmeng/domain';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput } from '../../common/errors/app-error';

/** The bytes a type is read from (enough for a DOCX's package entries). */
export const SNIFF_BYTES = 64 * 1024;

/** An upload read to the end onto the staging disk, with what was learnt while it streamed. */
export type StagedUpload = {
  path: string;
  fileName: string;
  sizeBytes: number;
  sha256: Buffer;
  head: Buffer;
};

export function fileProblem(problem: DocumentFileProblem) {
  return badInput([{ field: 'file', rule: problem, message: DOCUMENT_FILE_PROBLEM_LABELS[problem] }]);
}

/**
 * Hashes and counts the bytes going through and, as soon as the first `SNIFF_BYTES` are in,
 * refuses content of a type not accepted, so a wrong file is stopped before it is all sent.
 */
class UploadInspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly chunks: Buffer[] = [];
  private headLength = 0;
  private judged = false;

  constructor(private readonly fileName: string) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.chunks).subarray(0, SNIFF_BYTES);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < SNIFF_BYTES) {
      this.chunks.push(chunk);
      this.headLength += chunk.length;
    }
    if (!this.judged && this.headLength >= SNIFF_BYTES) {
      this.judged = true;
      const problem = typeProblem(this.fileName, this.head);
      if (problem) return done(fileProblem(problem));
    }
    done(null, chunk);
  }
}

// What can be told from the name and the first bytes alone (size is judged at the end).
function typeProblem(fileName: string, head: Buffer): DocumentFileProblem | null {
  const check = checkDocumentFile(fileName, 1, head);
  return check.ok ? null : check.problem;
}

/**
 * A multer storage engine that streams the file part to the staging folder, so no database
 * connection is held while a slow client sends it. A refused, cut-off or aborted upload leaves
 * no staged file behind.
 */
export function stagingStorage(stagingDir: string): StorageEngine {
  return {
    _handleFile(_req: Request, file, callback) {
      const path = join(stagingDir, `${randomUUID()}.upload`);
      const fileName = file.originalname;
      const nameProblem = checkControlCharacters(fileName);
      if (nameProblem) {
        file.stream.resume();
        callback(badInput([fieldViolation('file', nameProblem)]));
        return;
      }
      const inspector = new UploadInspector(fileName);
      mkdir(stagingDir, { recursive: true, mode: 0o700 })
        .then(() => pipeline(file.stream, inspector, createWriteStream(path, { mode: 0o600 })))
        .then(() => {
          const staged: StagedUpload = {
            path,
            fileName,
            sizeBytes: inspector.size,
            sha256: inspector.hash.digest(),
            head: inspector.head,
          };
          callback(null, { path, size: inspector.size, ...{ staged } });
        })
        .catch(async (error: unknown) => {
          // Drain what is left of the part, or the form never finishes and the refusal never answers.
          file.stream.resume();
          await rm(path, { force: true });
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
    _removeFile(_req: Request, file, callback) {
      rm(file.path, { force: true }).then(() => callback(null), callback);
    },
  };
}

export async function discardStaged(staged: StagedUpload | undefined): Promise<void> {
  if (staged) await rm(staged.path, { force: true });
}

/** A request's file part, as the staging storage above leaves it. */
export type UploadedPart = { staged: StagedUpload };

/**
 * The one file of an upload route: refused by name when missing, and removed from staging once
 * `keep` has kept it (or failed), whatever happens.
 */
export async function withUploadedFile<T>(
  file: UploadedPart | undefined,
  missing: string,
  keep: (staged: StagedUpload) => Promise<T>,
): Promise<T> {
  if (!file) throw badInput([{ field: 'file', rule: 'REQUIRED', message: missing }]);
  try {
    return await keep(file.staged);
  } finally {
    await discardStaged(file.staged);
  }
}
