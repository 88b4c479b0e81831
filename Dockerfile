# syntax=docker/dockerfile:1
# Jisr: one image for the server and the admin CLI. Build: docker build -t jisr .

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Prisma's CLI looks for libssl while generating; the runtime image needs none (its engine is WebAssembly).
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, so a change to the sources does not reinstall them. The postinstall script runs
# `prisma generate` (offline with prisma.config.ts) into src/generated/prisma.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The web build needs the dev dependencies (vite); then they go. src/generated is outside node_modules,
# so the generated client survives the prune, and @prisma/client (its runtime) is a dependency.
# @prisma/client names the Prisma CLI as an optional peer, so prune keeps it and its config loader
# (~85 MB); the app never runs it (src/migrate.ts applies migrations). The last line fails the build
# if anything the server or the CLI imports went missing.
RUN npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/prisma node_modules/.bin/prisma node_modules/@prisma/config node_modules/effect \
 && node --import tsx --input-type=module -e "await import('./src/app.ts'); await import('./src/cli/dispatch.ts')"

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
# Files stay owned by root: the server runs as "node" (uid 1000) and cannot change its own code.
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
# prisma/migrations: the server applies pending ones at start (src/migrate.ts).
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/src ./src
COPY --from=build /app/web/dist ./web/dist
# The checkpoint directory (a volume in docker-compose) belongs to the server's user, which appends to it.
RUN mkdir -p /var/lib/jisr/checkpoints && chown node:node /var/lib/jisr/checkpoints
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# Node is PID 1 and src/main.ts handles SIGTERM, so `docker stop` lets requests finish.
# main.ts applies pending migrations, then listens. The admin CLI in the same image:
#   docker compose exec app npm run jisr -- help
CMD ["node", "--import", "tsx", "src/main.ts"]
