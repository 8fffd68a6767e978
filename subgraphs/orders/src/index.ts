// Entry point of the orders subgraph.
import { ConfigError, createLogger } from '@shop/common';
import { InProcessBus, RedisStreamsBus, connectRedis } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { createService, type OrdersServiceHandle } from './service';
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
  const logger = createLogger('orders', config.LOG_LEVEL);
  const bus = config.REDIS_URL ? new RedisStreamsBus(connectRedis(config.REDIS_URL), logger) : new InProcessBus(logger);
  const service = await createService(config, { bus, logger });
  service.start();
  const port = await service.subgraph.app.listen(config.PORT, config.HOST);
  logger.info({ port }, 'orders subgraph listening');
  const stop = () => {
    void service
      .close()
      .then(() => bus.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
