import { gzipSync } from 'node:zlib';
import { defaultClientConditions, type Logger, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents';

/** Vite's own warning threshold, made a hard limit: no output chunk above 500 kB minified. */
export const MAX_CHUNK_BYTES = 500 * 1000;
/** What a first visit may download before its first route (issue #15): 200 kB of gzipped JS. */
export const MAX_INITIAL_GZIP_BYTES = 200 * 1000;
/** Written next to index.html for `npm run bench`, which reports it. */
export const BUNDLE_REPORT_FILE = 'bundle-report.json';

type ChunkInfo = { fileName: string; code: string; isEntry: boolean; imports: string[] };

/**
 * Fails the build when a JS chunk passes `maxChunkBytes` or the JS a first visit loads (entry
 * chunks and everything they import statically) passes `maxInitialGzipBytes` gzipped; reports both.
 */
export function bundleBudget(
  appName: string,
  maxChunkBytes = MAX_CHUNK_BYTES,
  maxInitialGzipBytes = MAX_INITIAL_GZIP_BYTES,
): Plugin {
  let logger: Logger | undefined;
  let report: string | undefined;
  return {
    name: 'xiangmeng:bundle-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk' ? [output] : [],
      );
      const oversized = chunks.filter((chunk) => byteLength(chunk.code) > maxChunkBytes);
      if (oversized.length > 0) {
        const list = oversized
          .map((chunk) => `  ${chunk.fileName}: ${kB(byteLength(chunk.code))}`)
          .join('\n');
        this.error(
          `${appName}: chunks over ${kB(maxChunkBytes)} minified — split them (lazy routes, vendor groups):\n${list}`,
        );
      }
      const initial = initialChunks(chunks);
      const minified = initial.reduce((sum, chunk) => sum + byteLength(chunk.code), 0);
      const gzipped = initial.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
      const largest = Math.max(...chunks.map((chunk) => byteLength(chunk.code)));
      if (gzipped > maxInitialGzipBytes) {
        const list = initial
          .map((chunk) => `  ${chunk.fileName}: ${kB(gzipSync(chunk.code, { level: 9 }).length)} gzip`)
          .join('\n');
        this.error(
          `${appName}: the first visit loads ${kB(gzipped)} of gzipped JS, over the ${kB(maxInitialGzipBytes)} budget — ` +
            `load what the first screen does not show lazily:\n${list}`,
        );
      }
      this.emitFile({
        type: 'asset',
        fileName: BUNDLE_REPORT_FILE,
        source: `${JSON.stringify({ app: appName, initialFiles: initial.length, initialMinifiedBytes: minified, initialGzipBytes: gzipped, budgetGzipBytes: maxInitialGzipBytes, chunks: chunks.length, largestChunkMinifiedBytes: largest }, null, 2)}\n`,
      });
      report =
        `${appName}: initial JS ${kB(gzipped)} gzip (${kB(minified)} minified, ${initial.length} files); ` +
        `${chunks.length} chunks, largest ${kB(largest)} minified`;
    },
    // After Vite's own file list, so the figure is the last thing a build prints.
    closeBundle() {
      if (report) logger?.info(`\n${report}`);
    },
  };
}

function initialChunks(chunks: readonly ChunkInfo[]): ChunkInfo[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].flatMap((fileName) => byFile.get(fileName) ?? []);
}

function byteLength(code: string): number {
  return Buffer.byteLength(code, 'utf8');
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

// Libraries that change rarely get chunks of their own, so an app release leaves them cached.
const VENDOR_GROUPS = [
  {
    name: 'vendor-react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
  {
    name: 'vendor-apollo',
    test: /[\\/]node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|ts-invariant|tslib|@graphql-typed-document-node)[\\/]/,
    priority: 20,
  },
  // The statistics page's charts, loaded with that page only; its renderer apart, or the chunk
  // passes the size limit.
  {
    name: 'vendor-echarts',
    test: /[\\/]node_modules[\\/]echarts[\\/]/,
    priority: 15,
  },
  {
    name: 'vendor-zrender',
    test: /[\\/]node_modules[\\/]zrender[\\/]/,
    priority: 16,
  },
  // Only the antd code the first screen needs; each page's own components stay with its lazy chunk.
  {
    name: 'vendor-antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs|@babel[\\/]runtime|classnames|clsx)[\\/]/,
    tags: ['$initial' as const],
    priority: 10,
  },
];

export type WebAppOptions = {
  /** Shown in the build's size report. */
  appName: string;
  /** Where the app is served, e.g. `/province/`. */
  base: string;
  devPort: number;
  previewPort: number;
  plugins?: PluginOption[];
};

/** The Vite config both tier apps share: source-level domain imports, API proxy, chunking, size budget. */
export function webAppConfig({
  appName,
  base,
  devPort,
  previewPort,
  plugins = [],
}: WebAppOptions): UserConfig {
  const apiUrl = process.env.XM_API_URL ?? 'http://127.0.0.1:3000';
  // `/api`: document uploads and downloads, Excel exports.
  const proxy = { '/graphql': { target: apiUrl }, '/api': { target: apiUrl } };
  return {
    base,
    plugins: [graphqlDocuments(), ...plugins, bundleBudget(appName)],
    // Read workspace packages (e.g. @xiangmeng/domain) from their TypeScript source.
    resolve: { conditions: ['source', ...defaultClientConditions] },
    server: { port: devPort, strictPort: true, proxy },
    preview: { port: previewPort, strictPort: true, proxy },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: MAX_CHUNK_BYTES / 1000,
      rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
    },
  };
}
