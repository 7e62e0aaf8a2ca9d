import { readFile, unlink } from 'node:fs/promises';
import { DocumentStorage, defaultStagingDir } from './document-storage';
import { encodePathSegment, payloadHash, signV4 } from './s3-signature';

export type S3Config = {
  /** e.g. https://minio.internal:9000 or https://s3.cn-south-1.example.com */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** Reads S3 settings from the environment (XM_S3_*); none when no bucket is named. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3Config | undefined {
  if (!env.XM_S3_BUCKET) return undefined;
  const missing = ['XM_S3_ENDPOINT', 'XM_S3_ACCESS_KEY_ID', 'XM_S3_SECRET_ACCESS_KEY'].filter(
    (name) => !env[name],
  );
  if (missing.length) throw new Error(`XM_S3_BUCKET is set but ${missing.join(', ')} missing`);
  return {
    endpoint: env.XM_S3_ENDPOINT!,
    bucket: env.XM_S3_BUCKET,
    region: env.XM_S3_REGION ?? 'us-east-1',
    accessKeyId: env.XM_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.XM_S3_SECRET_ACCESS_KEY!,
  };
}

/** Path-style requests to any S3-compatible store, signed with Signature Version 4. */
export class S3Storage extends DocumentStorage {
  readonly stagingDir = defaultStagingDir();

  constructor(
    private readonly config: S3Config,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    const url = new URL(this.config.endpoint);
    const path = `/${encodePathSegment(this.config.bucket)}/${key.split('/').map(encodePathSegment).join('/')}`;
    const amzDate = this.now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const hash = payloadHash(body ?? '');
    const headers: Record<string, string> = { 'x-amz-content-sha256': hash, 'x-amz-date': amzDate };
    const { authorization } = signV4({
      method,
      host: url.host,
      path,
      headers,
      payloadHash: hash,
      accessKeyId: this.config.accessKeyId,
      secretAccessKey: this.config.secretAccessKey,
      region: this.config.region,
      service: 's3',
      amzDate,
    });
    const response = await fetch(new URL(path, url), {
      method,
      headers: { ...headers, authorization },
      body,
    });
    if (!response.ok) throw new Error(`S3 ${method} ${key}: HTTP ${response.status}`);
    return response;
  }

  async put(key: string, content: Buffer): Promise<void> {
    await this.send('PUT', key, content);
  }

  // Documents are at most 20 MB: the staged file is sent whole, signed with its payload hash.
  async putFile(key: string, stagedPath: string): Promise<void> {
    await this.put(key, await readFile(stagedPath));
    await unlink(stagedPath);
  }

  async remove(key: string): Promise<void> {
    await this.send('DELETE', key);
  }

  async get(key: string): Promise<Buffer> {
    return Buffer.from(await (await this.send('GET', key)).arrayBuffer());
  }
}
