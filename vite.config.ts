import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { catalogueNarration } from './scripts/vite-catalogue-narration.ts';
import { eagerCommonJs } from './scripts/vite-eager-commonjs.ts';
import { pwa } from './src/pwa/plugin.ts';

// `?raw` imports (e.g. `import text from './file.txt?raw'`) are built into Vite; no plugin needed.
export default defineConfig({
  // pwa(): web app manifest + a service worker that precaches the whole build (not under Vitest).
  plugins: [react(), tailwindcss(), catalogueNarration(import.meta.dirname), eagerCommonJs(), ...(process.env.VITEST ? [] : pwa())],
  build: {
    target: 'es2022',
    // Every browser the lab supports preloads modules itself; the polyfill only cost start-up time.
    modulePreload: { polyfill: false },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
