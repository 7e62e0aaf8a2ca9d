import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// By path, not '@xiangmeng/web/vite': Vite's config bundler leaves package imports to
// Node, and Node 20 cannot load a .ts file.
import { webAppConfig } from '../../packages/web/vite/index.ts';

export default defineConfig(
  webAppConfig({
    appName: 'province-web',
    base: '/province/',
    devPort: 5173,
    previewPort: 4173,
    plugins: [react()],
  }),
);
