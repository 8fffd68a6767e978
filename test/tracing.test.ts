// One checkout is one trace: the gateway, the orders, cart and users subgraphs, the payment, the datastores,
// the outbox relay's publish and the cart's consumer, joined by W3C traceparent headers and the outbox row.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

interface SpanJson {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  parentIsRemote: boolean;
  attributes: Record<string, unknown>;
}

const SERVER = 1;
const CLIENT = 2;
const PRODUCER = 3;
const CONSUMER = 4;

describe('Tracing a checkout', () => {
  let spans: SpanJson[];
  let ports: Record<string, number>;
  let trace: SpanJson[];

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'shop-traces-')), 'spans.json');
    // Its own process, as a service runs: the instrumentations patch modules as they load, which Jest's own
    // module system would hide from them.
    await promisify(execFile)(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, 'traced-checkout.ts'), out],
      {
        cwd: join(__dirname, '..'),
        env: { ...process.env, NODE_OPTIONS: '' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    ({ spans, ports } = JSON.parse(readFileSync(out, 'utf8')) as {
      spans: SpanJson[];
      ports: Record<string, number>;
    });
    const payment = spans.find((s) => s.name === 'payment authorize');
    expect(payment).toBeDefined();
    trace = spans.filter((s) => s.traceId === payment!.traceId);
  });

  const serverSpans = (service: string) =>
    trace.filter((s) => s.kind === SERVER && s.attributes['shop.service'] === service);
  const byId = (id: string | null) => trace.find((s) => s.spanId === id);

  it('When a shopper completes a checkout, then the payment belongs to the trace the gateway started', () => {
    // The root is the shopper's own request (the script's fetch is traced too); the gateway continues it.
    const roots = trace.filter((s) => s.parentSpanId === null);
    expect(roots.map((s) => s.kind)).toEqual([CLIENT]);
    const gateway = serverSpans('gateway').find((s) => s.parentSpanId === roots[0]!.spanId);
    expect(gateway?.name).toBe('POST /graphql');
    expect(gateway?.parentIsRemote).toBe(true);
    expect(serverSpans('orders').length).toBeGreaterThan(0);
    expect(serverSpans('cart').length).toBeGreaterThan(0);
  });

  it('When a subgraph or service is called, then its server span continues the caller’s client span from the traceparent header', () => {
    for (const service of ['orders', 'cart']) {
      for (const server of serverSpans(service)) {
        // A remote parent: the context came in on the request's headers, not through the process.
        expect(server.parentIsRemote).toBe(true);
        const client = byId(server.parentSpanId);
        expect(client?.kind).toBe(CLIENT);

        expect(String(client?.attributes['url.full'] ?? '')).toContain(`:${ports[service]}/`);
      }
    }
  });

  it('When the order is paid, then the datastores, the outbox relay and the cart’s consumer are in the same trace', () => {
    const systems = new Set(
      trace.map(
        (s) => s.attributes['db.system.name'] ?? s.attributes['db.system'] ?? s.attributes['rpc.service'],
      ),
    );
    expect([...systems]).toEqual(expect.arrayContaining(['postgresql', 'redis', 'dynamodb']));
    const publish = trace.find((s) => s.name === 'order.paid publish');
    expect(publish?.kind).toBe(PRODUCER);
    const consumed = trace.find(
      (s) => s.name === 'order.paid process' && s.attributes['messaging.consumer.group.name'] === 'cart',
    );
    expect(consumed?.kind).toBe(CONSUMER);
    expect(consumed?.parentSpanId).toBe(publish?.spanId);
    // The consumer's own work (committing the stock in DynamoDB) nests under it.
    expect(trace.some((s) => s.parentSpanId === consumed?.spanId)).toBe(true);
  });

  it('When spans are named, then none carries a secret or a query value', () => {
    const text = JSON.stringify(trace);
    expect(text).not.toMatch(/pm_card_visa|Bearer |correct horse/);
  });
});
