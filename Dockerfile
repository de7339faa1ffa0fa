# syntax=docker/dockerfile:1
#
# Vaka: the service, gateway and built dashboard in one image.
#   docker build -t vaka .
#   docker compose up -d          (see docker-compose.yml: with Mosquitto and PostgreSQL)
#
# Without DATABASE_URL the image falls back to embedded PGlite in DATA_DIR (/app/data, mount
# a volume there) and without MQTT_URL to the embedded broker on MQTT_PORT; docker compose
# sets both to the real Mosquitto and PostgreSQL.

# --- build: install everything, compile TypeScript and the dashboard -----------------------
FROM node:20-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Dependencies first, so editing source does not re-run npm ci. The optional
# @tensorflow/tfjs-node may fail to install (its install script downloads libtensorflow);
# npm ci still succeeds and Vaka falls back to the wasm/cpu TensorFlow.js backends.
COPY package.json package-lock.json ./
RUN npm ci

COPY . .
# tsc -> dist/{service,gateway,simulator}, vite -> dist/dashboard; then drop dev dependencies.
RUN npm run build \
 && npm prune --omit=dev \
 && test -f dist/service/main.js

# --- runtime ------------------------------------------------------------------------------
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app

# Code owned by root (the service cannot modify itself); only the data folder is writable.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The SQL migrations are read at start from service/db/migrations (the build does not copy
# them; see service/db/migrate.ts).
COPY --from=build /app/service/db/migrations ./service/db/migrations
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 8080
# No curl in the image: node's own fetch. 127.0.0.1, not localhost: HOST 0.0.0.0 listens on
# IPv4 only and localhost may resolve to ::1 first.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/service/main.js"]
