import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages from their TypeScript source, as the apps' builds read them.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  test: { include: ['src/**/*.test.{ts,tsx}', 'vite/**/*.test.ts'] },
});
