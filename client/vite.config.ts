import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API runs as a separate process in development; in production the same Koa server serves
// both the API and the built client, so these paths are same-origin in both setups.
const apiServer = "http://127.0.0.1:4000";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/graphql": apiServer,
      "/calendar": apiServer,
      "/healthz": apiServer,
    },
  },
});
