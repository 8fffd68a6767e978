// The operator's view: every service serves `GET /metrics`, and the Grafana dashboard and the Prometheus alert
// rules in ops/ read only metrics the running services really export.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { gql, waitFor } from '@shop/testkit';
import type { RunningShop } from '../scripts/start';
import { checkoutOnce, newSignedInShopper } from './checkout-flow';
import { startTestShop } from './real-shop';

const ROOT = join(__dirname, '..');

/** PromQL's own words: functions, aggregations and keywords, never metric names. */
const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'rate',
  'irate',
  'increase',
  'histogram_quantile',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'topk',
  'bottomk',
  'abs',
  'clamp_min',
]);

/** The metric names an expression reads: identifiers outside label matchers, `by (...)` lists and strings. */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const names = new Set<string>();
  for (const m of bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(\s*\()?/g)) {
    if (m[2] || PROMQL_WORDS.has(m[1]!)) continue;
    names.add(m[1]!);
  }
  return [...names];
}

/** Every series name a scrape holds: each family, and for histograms its _bucket, _sum and _count. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      names.add(type[1]!);
      if (type[2] === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(type[1]! + s);
    }
  }
  return names;
}

function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('Operating the shop: metrics, dashboard and alerts', () => {
  let shop: RunningShop;
  let stop: () => Promise<void>;
  const scrapes: Record<string, string> = {};

  beforeAll(async () => {
    ({ shop, stop } = await startTestShop('ops'));
    const { email, headers } = await newSignedInShopper(shop.gatewayUrl, 'ops');
    // A wrong password: one login failure.
    await gql(
      shop.gatewayUrl,
      'mutation Login($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }',
      {
        i: { email, password: 'not the passphrase at all' },
      },
    );
    await checkoutOnce(shop.gatewayUrl, headers, email);
    // The relay publishes order.paid after the commit; the scrapes are read once it has.
    await waitFor(
      async () =>
        sample(await (await fetch(shop.metricsUrl)).text(), 'events_published_total', {
          topic: 'order.paid',
        }) > 0,
      20_000,
      'order.paid to be relayed',
    );
    const targets: Record<string, string> = { gateway: shop.metricsUrl };
    for (const [name, subgraph] of Object.entries(shop.subgraphs)) {
      targets[name] = `http://127.0.0.1:${(subgraph.app.server.address() as AddressInfo).port}/metrics`;
    }
    for (const [name, target] of Object.entries(targets)) {
      const res = await fetch(target);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      scrapes[name] = await res.text();
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  it('When Prometheus scrapes each service, then the gateway and all five subgraphs answer', () => {
    expect(Object.keys(scrapes).sort()).toEqual([
      'cart',
      'catalog',
      'gateway',
      'orders',
      'shipping',
      'users',
    ]);
  });

  it('When a shopper checks out, then operations, subgraph fetches, datastores, orders and payments are counted', () => {
    const text = scrapes.gateway!;
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', {
        service: 'gateway',
        graphql_operation_name: 'CheckoutComplete',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', {
        service: 'gateway',
        graphql_operation_name: 'ProductList',
      }),
    ).toBe(1);
    for (const subgraph of ['catalog', 'cart', 'orders', 'users']) {
      expect(
        sample(text, 'subgraph_fetch_duration_seconds_count', { subgraph, outcome: '2xx' }),
      ).toBeGreaterThan(0);
    }
    expect(
      sample(text, 'http_server_request_duration_seconds_count', {
        service: 'gateway',
        http_route: '/graphql',
        http_request_method: 'POST',
        http_response_status_code: '200',
      }),
    ).toBeGreaterThan(0);
    for (const system of ['postgresql', 'redis', 'dynamodb']) {
      expect(
        sample(text, 'db_client_operation_duration_seconds_count', { db_system_name: system }),
      ).toBeGreaterThan(0);
    }
    expect(sample(text, 'orders_total', { outcome: 'PAID' })).toBe(1);
    expect(sample(text, 'payments_total', { operation: 'authorize', outcome: 'authorized' })).toBe(1);
    expect(sample(text, 'login_failures_total', {})).toBe(1);
    expect(sample(text, 'events_published_total', { topic: 'order.paid' })).toBeGreaterThan(0);
    expect(text).toMatch(/^outbox_oldest_unsent_age_seconds\{source="orders"\} \d/m);
    expect(text).toMatch(/^stock_reservations_open \d/m);
    expect(text).toMatch(/^event_consumer_lag_events\{group="cart"\} \d/m);
  });

  it('When the public port is asked for /metrics, then it is not served there', async () => {
    const res = await fetch(new URL('/metrics', shop.gatewayUrl));
    expect(res.status).toBe(404);
  });

  it('When the Grafana dashboard is read, then every panel queries only exported metrics', () => {
    const dashboard = JSON.parse(readFileSync(join(ROOT, 'ops', 'grafana-dashboard.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exported = exportedNames(scrapes.gateway!);
    const read = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNamesIn(t.expr)));
    expect(read.length).toBeGreaterThan(15);
    expect(read.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('When the alert rules are read, then they cover error rate, p99, outbox age and consumer lag on exported metrics', () => {
    const rules = parseYaml(readFileSync(join(ROOT, 'ops', 'prometheus-alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const all = rules.groups.flatMap((g) => g.rules);
    const exported = exportedNames(scrapes.gateway!);
    expect(all.flatMap((r) => metricNamesIn(r.expr)).filter((name) => !exported.has(name))).toEqual([]);
    const names = all.map((r) => r.alert);
    expect(names).toEqual(
      expect.arrayContaining([
        'GatewayErrorRateHigh',
        'GatewayLatencyP99High',
        'OutboxOldestUnsentAgeHigh',
        'EventConsumerLagHigh',
      ]),
    );
  });

  it('When a made-up metric is named, then the check finds it missing', () => {
    const exported = exportedNames(scrapes.gateway!);
    expect(
      metricNamesIn(
        'sum(rate(shop_made_up_total{a="b"}[5m])) / sum by (le) (http_server_request_duration_seconds_bucket)',
      ),
    ).toEqual(['shop_made_up_total', 'http_server_request_duration_seconds_bucket']);
    expect(exported.has('shop_made_up_total')).toBe(false);
  });
});
