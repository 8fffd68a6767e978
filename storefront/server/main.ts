// `npm run storefront`: the built storefront alone, in front of any gateway (GATEWAY_URL), on STOREFRONT_PORT.
import { ConfigError, parseConfig } from '@shop/common';
import { z } from 'zod';
import { ensureBuilt, startStorefront } from './serve';

const configSchema = z.object({
  /** The gateway's origin (or its /graphql URL): where /graphql and /sandbox/ are forwarded. */
  GATEWAY_URL: z.string().url().default('http://localhost:4000'),
  STOREFRONT_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  STOREFRONT_HOST: z.string().default('127.0.0.1'),
  /** The gateway's TRUSTED_PROXY_SECRET (with TRUSTED_PROXY_HOPS=1 there), so it believes the shoppers' addresses. */
  TRUSTED_PROXY_SECRET: z.string().min(32).optional(),
});

try {
  const config = parseConfig(configSchema, process.env);
  ensureBuilt((line) => console.log(line));
  startStorefront({
    port: config.STOREFRONT_PORT,
    host: config.STOREFRONT_HOST,
    gatewayUrl: new URL(config.GATEWAY_URL).origin,
    proxySecret: config.TRUSTED_PROXY_SECRET,
  }).then(
    (server) => console.log(`Storefront: ${server.url} (API: ${new URL(config.GATEWAY_URL).origin})`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
