// The shop the soak loads, as its own process (`tsx bench/soak-shop.ts`): tracing starts first when
// OTEL_EXPORTER_OTLP_ENDPOINT is set, metrics record unless SOAK_METRICS=off. It prints one JSON line with the
// gateway's URL when ready, and stops everything on SIGTERM.
import '@shop/common/src/tracing-start';

async function main(): Promise<void> {
  const { setMetricsEnabled } = await import('@shop/common');
  const { freePort } = await import('@shop/testkit');
  const { startDynamoLocal } = await import('@shop/datastores');
  if (process.env.SOAK_METRICS === 'off') setMetricsEnabled(false);
  const dynamo = await startDynamoLocal({ port: await freePort() });
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  const { startTestShop } = await import('../test/real-shop');
  const { shop, stop } = await startTestShop('soak');
  console.log(JSON.stringify({ gatewayUrl: shop.gatewayUrl, metricsUrl: shop.metricsUrl, pid: process.pid }));
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
