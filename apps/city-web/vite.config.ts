import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// By path, not '@xiangmeng/web/vite': Vite's config bundler leaves package imports to
// Node, and Node 20 cannot load a .ts file.
import { webAppConfig } from '../../packages/web/vite/index.ts';

export default defineConfig(
  webAppConfig({ appName: 'city-web', base: '/city/', devPort: 5174, previewPort: 4174, plugins: [react()] }),
);
