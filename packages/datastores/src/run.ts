// The entry point every service shares when it runs as its own process: config, logger, bus, listen, stop on a signal.
import { ConfigError, createLogger, type Logger, type ServiceHandle } from '@shop/common';
import { connectRedis } from './cache';
import { InProcessBus, RedisStreamsBus, type EventBus } from './bus';

interface ServiceConfig {
  LOG_LEVEL: string;
  REDIS_URL?: string;
  PORT: number;
  HOST: string;
}

export function runService<C extends ServiceConfig>(
  name: string,
  loadConfig: () => C,
  createService: (config: C, runtime: { bus: EventBus; logger: Logger }) => Promise<ServiceHandle>,
): void {
  let config: C;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(name, config.LOG_LEVEL);
  // With Redis, services in separate processes share one Redis Streams bus; without, events stay in this process.
  const bus: EventBus = config.REDIS_URL
    ? new RedisStreamsBus(connectRedis(config.REDIS_URL), logger)
    : new InProcessBus(logger);
  createService(config, { bus, logger })
    .then(async (service) => {
      service.start();
      const port = await service.subgraph.app.listen(config.PORT, config.HOST);
      logger.info({ port }, `${name} subgraph listening`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        // The service first: closing may still publish (flushes), then the bus.
        service
          .close()
          .then(() => bus.close())
          .then(
            () => process.exit(0),
            (error: unknown) => {
              logger.error({ err: error }, 'stop failed');
              process.exit(1);
            },
          );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, `${name} failed to start`);
      process.exit(1);
    });
}
