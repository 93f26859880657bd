import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { catalogueNarration } from './scripts/vite-catalogue-narration.ts';
import { eagerCommonJs } from './scripts/vite-eager-commonjs.ts';
import { devInlineStyles } from './scripts/vite-dev-csp.ts';
import { pwa } from './src/pwa/plugin.ts';

// `?raw` imports (e.g. `import text from './file.txt?raw'`) are built into Vite; no plugin needed.
export default defineConfig({
  // pwa(): web app manifest + a service worker that precaches the whole build (not under Vitest).
  // devInlineStyles(): the dev server's injected <style> elements under index.html's strict CSP.
  plugins: [react(), tailwindcss(), catalogueNarration(import.meta.dirname), eagerCommonJs(), devInlineStyles(), ...(process.env.VITEST ? [] : pwa())],
  build: {
    target: 'es2022',
    // Every browser the lab supports preloads modules itself; the polyfill only cost start-up time.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // The first load is one file: every module the entry reaches through static imports is
        // bundled with it, and only what is loaded on demand (Chinese, the tools, lecture mode,
        // the narration) gets chunks of its own. Left to itself the bundler splits the first load
        // into several shared chunks, each compressed on its own, which costs about 2 kB of gzip.
        manualChunks(id, { getModuleInfo }) {
          const seen = new Set<string>();
          const reachedFromEntry = (m: string): boolean => {
            if (seen.has(m)) return false;
            seen.add(m);
            const info = getModuleInfo(m);
            return !!info && (info.isEntry || info.importers.some(reachedFromEntry));
          };
          return reachedFromEntry(id) ? 'app' : undefined;
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
