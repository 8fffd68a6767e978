# One image for the gateway and every subgraph; docker-compose.yml picks the service with `command`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY packages/auth/package.json packages/auth/
COPY packages/common/package.json packages/common/
COPY packages/datastores/package.json packages/datastores/
COPY packages/demo-data/package.json packages/demo-data/
COPY packages/testkit/package.json packages/testkit/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/cart/package.json subgraphs/cart/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/shipping/package.json subgraphs/shipping/
# tsx runs the TypeScript sources directly; dev dependencies are needed for it.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
CMD ["npx", "tsx", "gateway/src/index.ts"]
