import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./src/build/precompress.ts";
import { signInTexts } from "./src/build/sign-in-texts.ts";

/**
 * The web app lives in src/web; `vite build` writes it to dist/web, which Fastify serves in
 * production, with `.br` and `.gz` copies of its text files beside them. In development the Vite
 * dev server forwards /api to the Fastify server, which accepts the dev server's origin only when
 * started with `DEV_ORIGINS=http://localhost:5173`.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [signInTexts(), react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so every component its index
        // re-exports counted as used and landed in the first load. Its modules only define
        // components; the custom elements they need come from @digdir/designsystemet-web, which
        // keeps its side effects.
        moduleSideEffects: (id) => !/node_modules\/@digdir\/designsystemet-react\//.test(id),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
