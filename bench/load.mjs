// A small closed-loop load generator: `connections` keep-alive connections on loopback, each
// sending the next request when the previous answer has been read in full. Latencies count only
// for requests that start and end inside the measured window (after the warm-up).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

function assertLoopback(url) {
  const { hostname } = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) {
    throw new Error(`the benchmark only talks to loopback, not ${hostname}`);
  }
}

/** One request: resolves with the status and the whole body. */
function send(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function postJson(url, payload, headers = {}) {
  assertLoopback(url);
  const agent = new http.Agent({ keepAlive: false });
  const body = Buffer.from(JSON.stringify(payload));
  const res = await send(
    agent,
    url,
    { 'content-type': 'application/json', 'content-length': body.length, ...headers },
    body,
  );
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body.toString()) };
}

const round = (x) => Math.round(x * 10) / 10;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * @param {{ url: string, payload: unknown, headers: Record<string, string>, connections: number,
 *           warmupMs: number, durationMs: number, isOk: (status: number, body: Buffer) => boolean }} options
 */
export async function runLoad({ url, payload, headers, connections, warmupMs, durationMs, isOk }) {
  assertLoopback(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const body = Buffer.from(JSON.stringify(payload));
  const allHeaders = { 'content-type': 'application/json', 'content-length': body.length, ...headers };
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies = [];
  let completed = 0;
  let errors = 0;
  let firstError = null;

  async function loop() {
    while (performance.now() < stopAt) {
      const sent = performance.now();
      let ok = false;
      try {
        const res = await send(agent, url, allHeaders, body);
        ok = isOk(res.status, res.body);
        if (!ok) firstError ??= `${res.status} ${res.body.toString().slice(0, 300)}`;
      } catch (error) {
        firstError ??= String(error);
      }
      const done = performance.now();
      if (ok) completed += 1;
      if (sent >= measureFrom && done <= stopAt) {
        if (ok) latencies.push(done - sent);
        else errors += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    /** Including the warm-up: what the server did for the CPU time it used over the run. */
    completedIncludingWarmup: completed,
    errors,
    firstError,
    requestsPerSecond: round(latencies.length / (durationMs / 1000)),
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? NaN),
  };
}
