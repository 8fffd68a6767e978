// Entry point of the users subgraph: read config, open datastores, listen.
import { ConfigError, createLogger } from '@shop/common';
import { connectRedis, InProcessBus, RedisStreamsBus, type EventBus } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { createService, sessionPolicy } from './service';
export { loadConfig, configSchema, type Config } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('users', config.LOG_LEVEL);
  const bus: EventBus = config.REDIS_URL
    ? new RedisStreamsBus(connectRedis(config.REDIS_URL), logger)
    : new InProcessBus(logger);
  const service = await createService(config, { bus, logger });
  service.start();
  const port = await service.subgraph.app.listen(config.PORT, config.HOST);
  logger.info({ port }, 'users subgraph listening');
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
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
}
