// Run by tracing.test.ts as its own process (`tsx test/traced-checkout.ts <out.json>`), as a service runs: tracing
// starts before anything else loads, so the instrumentations patch http, fetch, pg, ioredis, the AWS SDK and
// graphql. It runs one shopper's checkout through a test shop and writes every finished span to <out.json>.
import { writeFileSync } from 'node:fs';
import { memorySpans, startTracing } from '../packages/common/src/tracing';

const memory = memorySpans();
const tracing = startTracing({ serviceName: 'shop', spanProcessors: [memory.processor] })!;

async function main(out: string): Promise<void> {
  // Loaded after tracing starts, as the entry points' first import arranges.
  const { waitFor } = await import('@shop/testkit');
  const { startTestShop } = await import('./real-shop');
  const { checkoutOnce, newSignedInShopper } = await import('./checkout-flow');
  const { shop, stop } = await startTestShop('traces');
  try {
    const { email, headers } = await newSignedInShopper(shop.gatewayUrl, 'traced');
    memory.reset();
    const orderId = await checkoutOnce(shop.gatewayUrl, headers, email);
    // The relay publishes order.paid and the cart's consumer commits the stock: wait for both spans.
    await waitFor(
      () =>
        memory
          .finished()
          .some(
            (s) =>
              s.name === 'order.paid process' && s.attributes['messaging.consumer.group.name'] === 'cart',
          ),
      30_000,
      "the cart's order.paid consumer span",
    );
    await tracing.flush();
    const spans = memory.finished().map((s) => ({
      name: s.name,
      kind: s.kind,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parentSpanId: s.parentSpanContext?.spanId ?? null,
      parentIsRemote: s.parentSpanContext?.isRemote ?? false,
      attributes: s.attributes,
    }));
    const ports = Object.fromEntries(
      Object.entries(shop.subgraphs).map(([name, subgraph]) => [
        name,
        (subgraph.app.server.address() as { port: number }).port,
      ]),
    );

    writeFileSync(out, JSON.stringify({ orderId, ports, gatewayUrl: shop.gatewayUrl, spans }));
  } finally {
    await stop();
    await tracing.shutdown();
  }
}

main(process.argv[2]!).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
