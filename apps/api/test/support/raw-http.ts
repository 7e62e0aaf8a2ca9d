import { randomBytes } from 'node:crypto';
import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

// Requests written by hand, for what a browser-like agent cannot do: send a body slowly, go
// away in the middle, or measure one answer's time.

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string; ms: number };

/** Sends `body` in `chunks` pieces, `intervalMs` apart; resolves with the whole answer. */
export function send(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer;
    chunks?: number;
    intervalMs?: number;
  },
): { request: ClientRequest; answer: Promise<RawAnswer> } {
  const started = performance.now();
  const body = options.body ?? Buffer.alloc(0);
  const req = request(new URL(options.path, url), {
    method: options.method ?? 'POST',
    headers: { ...options.headers, 'content-length': String(body.length), connection: 'close' },
  });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  answer.catch(() => undefined);
  void (async () => {
    const pieces = Math.max(1, options.chunks ?? 1);
    const size = Math.ceil(body.length / pieces);
    for (let at = 0; at < body.length; at += size) {
      if (req.destroyed) return;
      req.write(body.subarray(at, at + size));
      if (options.intervalMs) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
    if (!req.destroyed) req.end();
  })();
  return { request: req, answer };
}

export function graphqlBody(query: string, variables?: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ query, variables }));
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** A multipart body with the fields and one file part, as the apps' upload sends it. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Buffer },
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----xiangmeng${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-xiangmeng-request': '1' },
  };
}

/** The session cookie a login answer set, for a raw request. */
export function cookieOf(setCookie: string[]): string {
  const cookie = setCookie.map((line) => line.split(';')[0]).find((pair) => pair?.includes('='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
