import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), tailwindcss()],
  // The size budget is watched by the UI benchmark (gzipped JavaScript), not by Vite's warning.
  build: { outDir: path.resolve(import.meta.dirname, 'dist/web'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
