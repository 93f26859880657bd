import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { catalogueNarration } from './scripts/vite-catalogue-narration';

// `?raw` imports (e.g. `import text from './file.txt?raw'`) are built into Vite; no plugin needed.
export default defineConfig({
  plugins: [react(), tailwindcss(), catalogueNarration(import.meta.dirname)],
  build: {
    target: 'es2022',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
