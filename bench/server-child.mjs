// One server under test, in its own process so the load generator does not share its event loop:
// `api` (the built @xiangmeng/api as deployed) or `floor` (floor-server.mjs). Reports its URL
// over IPC, then the SQL statements it sent and its CPU time on request (`reset`, `count`); exits on `stop`.
import { createRequire } from 'node:module';
import { startFloor } from './floor-server.mjs';

const require = createRequire(import.meta.url);
const kind = process.argv[2];
const databaseUrl = process.env.BENCH_APP_URL;

let statements = 0;
let server;
if (kind === 'api') {
  const api = require('@xiangmeng/api');
  const running = await api.startApi({
    databaseUrl,
    production: true,
    cookieSecure: false,
    port: 0,
    host: '127.0.0.1',
    // Inside the benchmark's temporary folder, removed with it; nothing is uploaded anyway.
    documentsDir: process.env.BENCH_DOCUMENTS_DIR,
    logger: false,
  });
  // Every statement a request's query runner sends passes the data source's logger.
  const { DataSource } = createRequire(require.resolve('@xiangmeng/api'))('typeorm');
  const logger = running.app.get(DataSource).logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args) => {
    statements += 1;
    return logQuery(...args);
  };
  server = { url: running.url, close: () => running.close() };
} else if (kind === 'floor') {
  const floor = await startFloor({ databaseUrl });
  const { default: pg } = await import('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (...args) {
    statements += 1;
    return query.apply(this, args);
  };
  server = floor;
} else {
  throw new Error(`unknown server ${kind}`);
}

process.on('message', (message) => {
  if (message?.type === 'reset') {
    statements = 0;
    process.send({ type: 'reset' });
  }
  if (message?.type === 'count') {
    const cpu = process.cpuUsage();
    process.send({ type: 'count', statements, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message?.type === 'stop') {
    void server.close().finally(() => process.exit(0));
  }
});
process.send({ type: 'ready', url: server.url });
