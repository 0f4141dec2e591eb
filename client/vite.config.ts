import react from "@vitejs/plugin-react";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

// The API runs as a separate process in development; in production the same Koa server serves
// both the API and the built client, so these paths are same-origin in both setups.
const apiServer = "http://127.0.0.1:4000";

// The citizen's page (/h/<token>, /folg) is its own entry, so it never loads the professional
// client. In development, point those paths at citizen.html as the server does in production.
const citizenPages: Plugin = {
  name: "citizen-pages",
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/(h\/[^/?]+|folg|f%C3%B8lg)(\?|$)/.test(req.url)) req.url = "/citizen.html";
      next();
    });
  },
};

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), citizenPages],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: path.join(import.meta.dirname, "index.html"),
        citizen: path.join(import.meta.dirname, "citizen.html"),
      },
    },
  },
  server: {
    proxy: {
      "/graphql": apiServer,
      "/calendar": apiServer,
      "/healthz": apiServer,
    },
  },
});
