# syntax=docker/dockerfile:1
# The shop's images: one build, then one slim image per service, chosen by target:
#   docker build --target users -t shop-users .      (targets: users, catalog, cart, orders, shipping, gateway)
# The build stage compiles TypeScript to dist/ (npm run build); the runtime stages hold dist/, the files the
# services read at run time and the production dependencies only, and run as the unprivileged `node` user.

# --- dependencies: the same manifests for both installs ------------------------------------------
FROM node:22-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY infra/package.json infra/
COPY packages/auth/package.json packages/auth/
COPY packages/common/package.json packages/common/
COPY packages/contracts/package.json packages/contracts/
COPY packages/datastores/package.json packages/datastores/
COPY packages/demo-data/package.json packages/demo-data/
COPY packages/testkit/package.json packages/testkit/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/cart/package.json subgraphs/cart/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/shipping/package.json subgraphs/shipping/
# The storefront is built to static files; its packages are all development ones, so no image installs them.
COPY storefront/package.json storefront/
COPY examples/partner-client/package.json examples/partner-client/

# --- build: every dependency, the sources, npm run build ------------------------------------------
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.ts scripts/
COPY schema schema
COPY packages packages
COPY gateway gateway
COPY subgraphs subgraphs
# dist/ and the schema, migration and data files the services read, laid out as /app expects them.
RUN npx tsx scripts/build.ts --stage /runtime

# --- production dependencies only -----------------------------------------------------------------
FROM manifests AS production-deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: what every service image shares -----------------------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=production-deps /app /app
COPY --from=build /runtime /app
# The one place a service may write (email files when SES is not configured); the code stays read-only.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
# The service's own /health (the datastores it needs answer); PORT is set per target below.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

FROM runtime AS users
ENV PORT=4001
EXPOSE 4001
CMD ["node", "--enable-source-maps", "dist/users/index.js"]

FROM runtime AS catalog
ENV PORT=4002
EXPOSE 4002
CMD ["node", "--enable-source-maps", "dist/catalog/index.js"]

FROM runtime AS cart
ENV PORT=4003
EXPOSE 4003
CMD ["node", "--enable-source-maps", "dist/cart/index.js"]

FROM runtime AS orders
ENV PORT=4004
EXPOSE 4004
CMD ["node", "--enable-source-maps", "dist/orders/index.js"]

FROM runtime AS shipping
ENV PORT=4005
EXPOSE 4005
CMD ["node", "--enable-source-maps", "dist/shipping/index.js"]

# The last stage is the default: `docker build .` gives the gateway.
FROM runtime AS gateway
ENV PORT=4000
EXPOSE 4000
CMD ["node", "--enable-source-maps", "dist/gateway/index.js"]
