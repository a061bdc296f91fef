# syntax=docker/dockerfile:1
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches, and the scan's native reader
# (native/) always does, in npm ci's install script.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY scripts/build-native.mjs ./scripts/
COPY native/binding.gyp native/prefilter.c ./native/
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The addon and its binding.gyp, which marks the package's root, where the CLI looks for the addon.
COPY --from=build /app/native ./native
COPY package.json app.yml ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# dist/ is already built, so skip the prestart build.
CMD ["npm", "start", "--ignore-scripts"]
