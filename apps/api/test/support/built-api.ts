import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseUrls, GraphqlAgent } from './harness';

// The API as deployed: the build in dist/, started as its own process in production mode, as
// many times as a test wants on one database (several stateless processes behind a balancer).

const MAIN = resolve(__dirname, '../../dist/main.js');

export type BuiltApi = { url: string; agent(): GraphqlAgent; close(): Promise<void> };

export async function startBuiltApi(env: Record<string, string> = {}): Promise<BuiltApi> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: build the API first (turbo runs the build before the tests)`);
  const documentsDir = mkdtempSync(join(tmpdir(), 'xiangmeng-built-documents-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrls().appUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      // The tests speak plain HTTP on loopback; a Secure cookie would never come back.
      COOKIE_SECURE: 'false',
      XM_DOCUMENTS_DIR: documentsDir,
      // Tests that need the scheduler turn it on; the others keep their pool to themselves.
      XM_SCHEDULER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    agent: () => new GraphqlAgent(url),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the built API did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /湘盟 API: (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the built API exited with ${code}:\n${output}`));
    });
  });
}
