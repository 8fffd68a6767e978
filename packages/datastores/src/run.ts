// The entry point every service shares when it runs as its own process: config, logger, bus, listen, stop on a signal.
import {
  ConfigError,
  createLogger,
  resolveSecrets,
  type Env,
  type Logger,
  type ServiceHandle,
} from '@shop/common';
import type { EventBus } from './bus';
import { createEventBus, type EventBusConfig } from './event-bus';

interface ServiceConfig extends EventBusConfig {
  LOG_LEVEL: string;
  PORT: number;
  HOST: string;
  SHUTDOWN_DELAY_MS: number;
  SHUTDOWN_GRACE_MS: number;
}

/**
 * What a service process starts from: its config, parsed by the service's zod schema from the environment (and
 * nothing else reads it), its logger, and the bus that config names (EVENT_BUS, REDIS_URL, EVENT_STREAM, ...).
 */
export function serviceRuntime<C extends ServiceConfig>(
  name: string,
  loadConfig: (env: Env) => C,
  env: Env,
): { config: C; logger: Logger; bus: EventBus } {
  const config = loadConfig(env);
  const logger = createLogger(name, config.LOG_LEVEL);
  return { config, logger, bus: createEventBus(config, logger) };
}

export function runService<C extends ServiceConfig>(
  name: string,
  loadConfig: (env: Env) => C,
  createService: (config: C, runtime: { bus: EventBus; logger: Logger }) => Promise<ServiceHandle>,
): void {
  let logger: Logger | undefined;
  // Secrets named by `<NAME>_ARN` are read before the config is parsed, once.
  resolveSecrets(process.env)
    .then(async (env) => {
      const runtime = serviceRuntime(name, loadConfig, env);
      logger = runtime.logger;
      const service = await createService(runtime.config, { bus: runtime.bus, logger: runtime.logger });
      return { service, ...runtime };
    })
    .then(async ({ service, config, bus, logger }) => {
      service.start();
      const port = await service.subgraph.app.listen(config.PORT, config.HOST);
      logger.info({ port }, `${name} subgraph listening`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        // As ECS and Kubernetes expect: /ready turns 503, the listener closes, requests in flight finish within
        // the grace period; then the service's background work and pools, which may still publish; then the bus.
        logger.info(
          { delayMs: config.SHUTDOWN_DELAY_MS, graceMs: config.SHUTDOWN_GRACE_MS },
          `${name} stopping`,
        );
        service.subgraph.app
          .close({ delayMs: config.SHUTDOWN_DELAY_MS, graceMs: config.SHUTDOWN_GRACE_MS })
          .then(() => service.close())
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
      // A bad config lists its problems (never a value); anything later goes to the service's log.
      if (logger && !(error instanceof ConfigError)) logger.fatal({ err: error }, `${name} failed to start`);
      else console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    });
}
