// Builds the storefront into dist/. `npm run dev -w storefront` serves it with /graphql and /sandbox forwarded to
// GATEWAY_URL (the gateway's origin, http://localhost:4000 by default).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  server: { proxy: { '/graphql': gateway, '/sandbox': gateway } },
});
