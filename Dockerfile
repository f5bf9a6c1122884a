# syntax=docker/dockerfile:1.7
# Social Media Guidance bot: one image for App Service (custom container), Container Apps or any OCI host.
#   docker build -t smg-bot .
#   docker run -p 3978:3978 --env-file .env smg-bot
# Configuration comes from the environment only (README, "Configuration"); no .env is copied into the image.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: compile TypeScript and the tab pages; better-sqlite3 compiles its native module here ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# tsconfig.build.json compiles scripts/, and the benchmark scripts import the test connector and activities.
COPY test/support ./test/support
COPY tabs ./tabs
COPY cards ./cards
COPY content ./content
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies, compiled code and data only; no compiler, no shell tools added ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    # Live heap after GC is ~75 MB; the cap makes V8 collect before the container limit instead of
    # growing to 460+ MB under load. A 4 MB young generation (V8's default is larger) keeps peak RSS
    # ~15 % lower for a few % more CPU (README, "Memory"). Give it 768 MB or more.
    NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=4" \
    # Two malloc arenas instead of glibc's 8 per core: native memory (SQLite, HTTP parsers, TLS) is reused
    # rather than spread over arenas; RSS 6-8 MB lower, 1,000 to 50,000 users (README, "Memory").
    MALLOC_ARENA_MAX=2
WORKDIR /app
# The image's unprivileged "node" user (uid 1000) owns nothing it could rewrite: code is root-owned.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public/build ./public/build
COPY --from=build /app/cards ./cards
COPY --from=build /app/content ./content
# SQLite (single instance only) writes here; PostgreSQL deployments leave it empty.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# Liveness only (/healthz never touches the database); readiness (/readyz) is the platform's health check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly: src/index.ts closes the server, the outbox and the pool.
CMD ["node", "dist/src/index.js"]
