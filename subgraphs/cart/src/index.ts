// Entry point of the cart subgraph.
import { ConfigError, createLogger } from '@shop/common';
import { connectRedis, InProcessBus, RedisStreamsBus } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { createService, loadTypeDefs, SERVICE_NAME, type CartService } from './service';
export { loadConfig, configSchema, type Config } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger('cart', config.LOG_LEVEL);
  const bus = config.REDIS_URL ? new RedisStreamsBus(connectRedis(config.REDIS_URL), logger) : new InProcessBus(logger);
  const service = await createService(config, { bus, logger });
  service.start();
  const port = await service.subgraph.app.listen(config.PORT, config.HOST);
  logger.info({ port }, 'cart subgraph listening');
  const shutdown = () => {
    service
      .close()
      .then(() => bus.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
