// Entry point of the gateway: read config, start, stop cleanly on a signal.
import '@shop/common/src/tracing-start';
import { ConfigError, createLogger, resolveSecrets } from '@shop/common';
import { loadConfig } from './config';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  // Secrets named by `<NAME>_ARN` (INTERNAL_AUTH_SECRET_ARN) are read once, before the config is parsed.
  const config = loadConfig(await resolveSecrets());
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const gateway = await createGateway(config, logger);
  const port = await gateway.app.listen(config.PORT, config.HOST);
  logger.info({ port }, `gateway listening on http://${config.HOST}:${port}/graphql`);
  const metricsPort = await gateway.metrics.listen(config.METRICS_PORT, config.METRICS_HOST);
  logger.info({ port: metricsPort }, `gateway metrics on http://${config.METRICS_HOST}:${metricsPort}/metrics`);
  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
