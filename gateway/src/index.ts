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
  logger.info(
    { port: metricsPort },
    `gateway metrics on http://${config.METRICS_HOST}:${metricsPort}/metrics`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info({ delayMs: config.SHUTDOWN_DELAY_MS, graceMs: config.SHUTDOWN_GRACE_MS }, 'gateway stopping');
    gateway.close({ delayMs: config.SHUTDOWN_DELAY_MS, graceMs: config.SHUTDOWN_GRACE_MS }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // SIGHUP reloads SUPERGRAPH_PATH (refused, and the running one kept, when it does not compose).
  process.on('SIGHUP', () => void gateway.reload());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
