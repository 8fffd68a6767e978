// docker-compose.yml: no datastore runs with a default or empty password, and every service signs in to them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOYED_EDGE, edgeSettings as edge } from './gateway-edge-settings';

const COMPOSE = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');

const ENV = {
  INTERNAL_AUTH_SECRET: 'x'.repeat(40),
  MFA_ENCRYPTION_KEY: 'ab'.repeat(32),
  SEED_ADMIN_PASSWORD: 'a-long-admin-passphrase',
  STRIPE_SECRET_KEY: 'sk_test_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_x',
  POSTGRES_PASSWORD: 'pg-Secret-4817',
  REDIS_PASSWORD: 'redis-Secret-9302',
  OPENSEARCH_PASSWORD: 'Os-Secret.5521',
};

/** Compose's variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (whole, name?: string, colon?: string, op?: string, arg?: string) => {
      if (whole === '$$') return '$';
      const raw = env[name!];
      const missing = colon ? !raw : raw === undefined;
      if (!missing) return raw!;
      if (op === '?') throw new Error(`${name}: ${arg}`);
      return op === '-' ? arg! : '';
    },
  );
}

function render(env: Record<string, string | undefined>): Record<string, unknown> {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolate(node, env);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(parse(COMPOSE, { merge: true })) as Record<string, unknown>;
}

interface Service {
  command?: string[];
  environment?: Record<string, string>;
}

function services(env = ENV): Record<string, Service> {
  return render(env).services as Record<string, Service>;
}

const APP_SERVICES = ['gateway', 'users', 'catalog', 'cart', 'orders', 'shipping'];

describe('docker-compose.yml', () => {
  it.each(['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'OPENSEARCH_PASSWORD'])(
    'When .env does not set %s, then the compose file refuses to render',
    (name) => {
      expect(() => services({ ...ENV, [name]: undefined })).toThrow(name);
      expect(() => services({ ...ENV, [name]: '' })).toThrow(name);
    },
  );

  it('When rendered, then Postgres takes its password from .env and every database URL signs in with it', () => {
    const all = services();
    expect(all.postgres?.environment?.POSTGRES_PASSWORD).toBe(ENV.POSTGRES_PASSWORD);
    const urls = Object.values(all).flatMap((s) =>
      s.environment?.DATABASE_URL ? [new URL(s.environment.DATABASE_URL)] : [],
    );
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      expect(url.username).toBe(all.postgres?.environment?.POSTGRES_USER);
      expect(url.password).toBe(ENV.POSTGRES_PASSWORD);
    }
  });

  it('When rendered, then Redis requires the password from .env and every service connects with it', () => {
    const all = services();
    const command = all.redis?.command ?? [];
    expect(command[command.indexOf('--requirepass') + 1]).toBe(ENV.REDIS_PASSWORD);
    expect(command).toContain('--requirepass');
    for (const name of APP_SERVICES)
      expect(new URL(all[name]!.environment!.REDIS_URL!).password).toBe(ENV.REDIS_PASSWORD);
  });

  it('When rendered, then OpenSearch runs with its security plugin on and the catalog signs in to it', () => {
    const all = services();
    const env = all.opensearch?.environment ?? {};
    expect(env.DISABLE_SECURITY_PLUGIN).toBe('false');
    expect(env.OPENSEARCH_INITIAL_ADMIN_PASSWORD).toBe(ENV.OPENSEARCH_PASSWORD);
    const url = new URL(all.catalog!.environment!.OPENSEARCH_URL!);
    expect([url.username, url.password]).toEqual(['admin', ENV.OPENSEARCH_PASSWORD]);
  });

  it('When rendered, then no datastore port is published to the host, and only the gateway answers there', () => {
    const all = render(ENV).services as Record<string, { ports?: string[] }>;
    const published = Object.entries(all).flatMap(([name, s]) => (s.ports ?? []).map((p) => `${name} ${p}`));
    expect(published).toEqual(['gateway 4000:4000']);
  });

  it('When rendered, then the gateway carries the partner edge settings under the names it reads, each settable from .env', () => {
    const gatewayEnv = (env: Record<string, string | undefined>) =>
      services(env as typeof ENV).gateway!.environment!;
    const given = gatewayEnv(ENV);
    for (const name of Object.keys(edge.shape)) expect(given[name]).toEqual(expect.any(String));
    expect(edge.parse(given)).toEqual(DEPLOYED_EDGE);
    const enforcing = gatewayEnv({
      ...ENV,
      SAFELIST_MODE: 'enforce',
      THROTTLE_PARTNER_COST_PER_SECOND: '250',
    });
    expect(edge.parse(enforcing)).toMatchObject({
      SAFELIST_MODE: 'enforce',
      THROTTLE_PARTNER_COST_PER_SECOND: 250,
    });
  });
});
