# syntax=docker/dockerfile:1
# Jisr: one image for the server and the admin CLI. Build: docker build -t jisr .

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Prisma's CLI looks for libssl while generating; the runtime image needs none (its engine is WebAssembly).
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, so a change to the sources does not reinstall them (the postinstall step needs the
# sources, so it runs below, by hand).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# The Prisma client (offline with prisma.config.ts), the web app and the server, compiled: production runs
# plain Node (dist/main.js), no TypeScript at run time.
RUN npx prisma generate && npm run build

# Production dependencies only: the postinstall step sees no Prisma CLI or Vite and builds nothing.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/postinstall.mjs ./scripts/
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
# Node 22: some production dependencies (cookie, content-disposition) ask for it; the app runs on 20.19+ too.
# The checkpoints go where the image prepared a folder for them (below), unless told otherwise.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 AUDIT_CHECKPOINT_DIR=/var/lib/jisr/checkpoints
WORKDIR /app
# Files stay owned by root: the server runs as "node" (uid 1000) and cannot change its own code.
COPY --from=deps /app/package.json ./
COPY --from=deps /app/node_modules ./node_modules
# prisma/migrations: the server applies pending ones at start (dist/migrate.js), as MIGRATION_DATABASE_URL.
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The checkpoint directory (a volume in docker-compose) belongs to the server's user, which appends to it.
RUN mkdir -p /var/lib/jisr/checkpoints && chown node:node /var/lib/jisr/checkpoints
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# Node is PID 1 and src/main.ts handles SIGTERM, so `docker stop` lets requests finish.
# main.js applies pending migrations, then listens. The admin CLI in the same image:
#   docker compose exec app node dist/cli/index.js help
CMD ["node", "dist/main.js"]
