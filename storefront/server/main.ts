// `npm run storefront`: the built storefront alone, in front of any gateway (GATEWAY_URL), on STOREFRONT_PORT.
import { ConfigError, parseConfig } from '@shop/common';
import { z } from 'zod';
import { ensureBuilt, startStorefront } from './serve';

const configSchema = z.object({
  /** The gateway's origin (or its /graphql URL): where /graphql and /sandbox/ are forwarded. */
  GATEWAY_URL: z.string().url().default('http://localhost:4000'),
  STOREFRONT_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  STOREFRONT_HOST: z.string().default('127.0.0.1'),
});

try {
  const config = parseConfig(configSchema, process.env);
  ensureBuilt((line) => console.log(line));
  startStorefront({
    port: config.STOREFRONT_PORT,
    host: config.STOREFRONT_HOST,
    gatewayUrl: new URL(config.GATEWAY_URL).origin,
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
