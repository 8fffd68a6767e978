// The shop the soak loads, as its own process (`tsx bench/soak-shop.ts`): tracing starts first when
// OTEL_EXPORTER_OTLP_ENDPOINT is set, metrics record unless SOAK_METRICS=off. It prints one JSON line with the
// gateway's URL when ready, and stops everything on SIGTERM. On SIGUSR2 it prints one JSON line with its memory
// after a full collection (when started with --expose-gc): what is still reachable, which a leak grows.
import '@shop/common/src/tracing-start';

async function main(): Promise<void> {
  const { setMetricsEnabled } = await import('@shop/common');
  const { freePort } = await import('@shop/testkit');
  const { startDynamoLocal } = await import('@shop/datastores');
  if (process.env.SOAK_METRICS === 'off') setMetricsEnabled(false);
  const dynamo = await startDynamoLocal({ port: await freePort() });
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  const { startTestShop } = await import('../test/real-shop');
  // Fifty connections from one address stand for many shoppers: the anonymous bucket must not turn them away.
  // Throttling stays on (its Redis round trip is part of every request); only its rate is lifted.
  const { shop, stop } = await startTestShop('soak', {
    env: { THROTTLE_ANONYMOUS_COST_PER_SECOND: String(1_000_000_000) },
  });
  console.log(JSON.stringify({ gatewayUrl: shop.gatewayUrl, metricsUrl: shop.metricsUrl, pid: process.pid }));
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    console.log(JSON.stringify({ memory: process.memoryUsage() }));
  });
  process.once('SIGTERM', () => {
    stop()
      .then(() => dynamo.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
