// Stopping, overload and supergraph reloads, on a gateway in front of the probe subgraph.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { createSubgraph } from '@shop/common';
import { gql, TEST_SECRET, testLogger, waitFor } from '@shop/testkit';
import gqlTag from 'graphql-tag';
import { startProbe, type Probe } from './probe';

describe('Gateway lifecycle', () => {
  it('When it stops, then /ready answers 503 first, a request in flight finishes, and new connections are refused', async () => {
    // A slow subgraph call (the probe's `slow` answers after 3 s) is the request in flight.
    const probe = await startProbe({ SUBGRAPH_TIMEOUT_MS: '10000', SUPERGRAPH_WATCH_MS: '0' });
    const base = probe.gatewayUrl.replace('/graphql', '');
    try {
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const inFlight = gql(probe.gatewayUrl, '{ slow whoami }');
      await waitFor(() => probe.receivedIdentities.length > 0, 5000, 'the request to reach the subgraph');
      const stopping = probe.close({ delayMs: 300, graceMs: 10_000 });
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect((answer.body.data as { slow: string }).slow).toBe('late');
      await stopping;
      await expect(fetch(`${base}/ready`)).rejects.toThrow();
    } finally {
      await probe.close();
    }
  });

  it('When more requests are in flight than the bound, then the next one answers 503 SERVICE_UNAVAILABLE with Retry-After at once', async () => {
    const probe = await startProbe({
      SUBGRAPH_TIMEOUT_MS: '1500',
      MAX_IN_FLIGHT_REQUESTS: '1',
      SUPERGRAPH_WATCH_MS: '0',
    });
    try {
      const order: string[] = [];
      const slow = gql(probe.gatewayUrl, '{ slow }').then((r) => (order.push('slow'), r));
      await waitFor(
        () => probe.receivedIdentities.length > 0,
        5000,
        'the slow request to reach the subgraph',
      );
      const refused = await fetch(probe.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ whoami }' }),
      });
      order.push('refused');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(
        ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('SERVICE_UNAVAILABLE');
      // Probes still answer: an overloaded service is alive.
      expect((await fetch(probe.gatewayUrl.replace('/graphql', '/health'))).status).toBe(200);
      await slow;
      expect(order).toEqual(['refused', 'slow']);
      expect((await gql(probe.gatewayUrl, '{ whoami }')).status).toBe(200);
    } finally {
      await probe.close();
    }
  });

  it('When the event loop stalls past the bound, then requests answer 503 until it keeps up again', async () => {
    const probe = await startProbe({ MAX_EVENT_LOOP_DELAY_MS: '100', SUPERGRAPH_WATCH_MS: '0' });
    try {
      const busyUntil = Date.now() + 800;
      while (Date.now() < busyUntil) {
        // a stalled loop: nothing else runs
      }
      const { status } = await gql(probe.gatewayUrl, '{ whoami }');
      expect(status).toBe(503);
      await waitFor(
        async () => (await gql(probe.gatewayUrl, '{ whoami }')).status === 200,
        10_000,
        'the gateway to take requests again',
      );
    } finally {
      await probe.close();
    }
  });
});

describe('Gateway supergraph reload', () => {
  let probe: Probe;

  beforeAll(async () => {
    probe = await startProbe({ SUPERGRAPH_WATCH_MS: '100' });
  });

  afterAll(async () => {
    await probe?.close();
  });

  it('When SUPERGRAPH_PATH changes, then the new supergraph serves without a restart; one that does not compose is refused and the running one kept', async () => {
    const original = readFileSync(probe.supergraphPath, 'utf8');
    // A second subgraph beside the probe, composed into the new supergraph.
    const extraTypeDefs = gqlTag`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
      "The extra subgraph's queries."
      type Query {
        "A greeting."
        hello: String
      }
    `;
    const extra = await createSubgraph({
      name: 'extra',
      typeDefs: extraTypeDefs,
      resolvers: { Query: { hello: () => 'hi' } },
      secret: TEST_SECRET,
      logger: testLogger,
      buildContext: (base) => base,
    });
    try {
      const extraUrl = `http://127.0.0.1:${await extra.app.listen(0)}/graphql`;
      const composed = composeServices([
        { name: 'probe', url: probe.subgraphUrl, typeDefs: probe.typeDefs },
        { name: 'extra', url: extraUrl, typeDefs: extraTypeDefs },
      ]);
      if (composed.errors) throw composed.errors[0];

      expect((await gql(probe.gatewayUrl, '{ hello }')).body.errors?.[0]?.extensions?.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      // Requests keep coming while the file changes: none of them fails.
      let sent = 0;
      const failures: string[] = [];
      let running = true;
      const traffic = (async () => {
        while (running) {
          const { status, body } = await gql(probe.gatewayUrl, '{ whoami }');
          sent++;
          if (status !== 200 || body.errors) failures.push(JSON.stringify(body));
        }
      })();
      writeFileSync(probe.supergraphPath, composed.supergraphSdl);
      await waitFor(
        async () => (await gql(probe.gatewayUrl, '{ hello }')).body.data?.hello === 'hi',
        10_000,
        'the new supergraph',
      );

      // Neither a file that does not parse nor a schema that is not a composed supergraph is taken.
      expect(await probe.reload()).toBe(true);
      writeFileSync(probe.supergraphPath, 'type Query { hello: String }');
      expect(await probe.reload()).toBe(false);
      writeFileSync(probe.supergraphPath, 'type Query {');
      expect(await probe.reload()).toBe(false);
      expect((await gql(probe.gatewayUrl, '{ hello }')).body.data).toEqual({ hello: 'hi' });
      running = false;
      await traffic;
      expect(sent).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    } finally {
      writeFileSync(probe.supergraphPath, original);
      await extra.close();
    }
  });
});
