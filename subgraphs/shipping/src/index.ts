// Entry point of the shipping subgraph.
import { ConfigError, createLogger } from '@shop/common';
import { connectRedis, InProcessBus, RedisStreamsBus, type EventBus } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { loadConfig, configSchema, type Config } from './config';
export { createService } from './service';

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
  const logger = createLogger('shipping', config.LOG_LEVEL);
  const bus: EventBus = config.REDIS_URL
    ? new RedisStreamsBus(connectRedis(config.REDIS_URL), logger)
    : new InProcessBus(logger);
  const service = await createService(config, { bus, logger });
  service.start();
  const port = await service.subgraph.app.listen(config.PORT, config.HOST);
  logger.info({ port }, 'shipping subgraph listening');
  const stop = async () => {
    await service.close();
    await bus.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
