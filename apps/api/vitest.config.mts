import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    swc.vite({
      module: { type: 'es6' },
      jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    }),
  ],
  resolve: {
    conditions: ['source', 'module', 'node', 'default'],
    // graphql ships CommonJS and ESM builds; Nest loads the CommonJS one, so the source must too,
    // or its scalars and errors are foreign to Nest (instanceof fails across the two copies).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One database for the run; files run one at a time so counts and chains stay predictable.
    fileParallelism: false,
    // Files share one worker's modules instead of importing Nest, TypeORM and the sources again for
    // each: the imports took 281 s of a 862 s run (ci-local, 2026-12-07), 10 s without. Each file
    // starts and closes its own API; a file that spies or sets the environment restores it.
    isolate: false,
    // Decisions' PDFs resolve at once as 未生成 wherever a test runs the scheduler; the test of the
    // PDF itself (test/pilots/decision-pdf.test.ts) points CHROMIUM_PATH at the browser.
    env: { CHROMIUM_PATH: '/nonexistent/chromium-in-api-tests' },
  },
});
