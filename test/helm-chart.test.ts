// The Helm chart (deploy/helm/shop): `helm lint` passes and `helm template` renders the six services with their
// probes, resources, autoscaling and secrets by reference. Helm is built once from the Go module proxy into .data/bin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEPLOYED_EDGE, edgeSettings as edge } from './gateway-edge-settings';

const ROOT = join(__dirname, '..');
const CHART = join(ROOT, 'deploy', 'helm', 'shop');
const HELM_VERSION = 'v3.22.0';
const BIN = join(ROOT, '.data', 'bin');
const HELM = join(BIN, 'helm');
const STAMP = join(BIN, 'helm.version');
const SERVICES = ['gateway', 'users', 'catalog', 'cart', 'orders', 'shipping'];

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('Helm chart test skipped: Go is not installed here, and helm is built with it.');
const describeWithHelm = hasGo ? describe : describe.skip;

/** Builds helm at the pinned version unless .data/bin already holds it. */
function ensureHelm(): void {
  if (existsSync(HELM) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === HELM_VERSION) return;
  mkdirSync(BIN, { recursive: true });
  const build = spawnSync('go', ['install', `helm.sh/helm/v3/cmd/helm@${HELM_VERSION}`], {
    env: { ...process.env, GOBIN: BIN },
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (build.status !== 0)
    throw new Error(`go install helm ${HELM_VERSION} failed: ${build.stderr.slice(-3000)}`);
  writeFileSync(STAMP, `${HELM_VERSION}\n`);
}

function helm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(HELM, args, { encoding: 'utf8', timeout: 60_000 });
}

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

interface Container {
  name: string;
  image: string;
  env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom: { configMapRef?: { name: string } }[];
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
}

let rendered: K8sObject[];

describeWithHelm('Helm chart', () => {
  beforeAll(() => {
    ensureHelm();
    const run = helm('template', 'shop', CHART, '--set', 'ingress.enabled=true');
    if (run.status !== 0) throw new Error(`helm template failed: ${run.stderr}`);
    rendered = parseAllDocuments(run.stdout)
      .map((doc) => doc.toJS() as K8sObject | null)
      .filter((o): o is K8sObject => o !== null);
  }, 900_000);

  it('When helm lints the chart strictly, then it reports no error or warning', () => {
    const lint = helm('lint', '--strict', CHART);
    expect({
      status: lint.status,
      out: lint.stdout.split('\n').filter((l) => /\[(ERROR|WARNING)\]/.test(l)),
    }).toEqual({ status: 0, out: [] });
  });

  it('When the chart is rendered, then each of the six services is a Deployment probed on /health (the gateway ready on /ready), with resources, as a non-root user', () => {
    const deployments = rendered.filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(SERVICES.map((s) => `shop-${s}`).sort());
    for (const deployment of deployments) {
      const name = deployment.metadata.name.replace(/^shop-/, '');
      const pod = (
        deployment.spec.template as {
          spec: { containers: Container[]; securityContext: { runAsNonRoot: boolean } };
        }
      ).spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      const [container] = pod.containers;
      expect(container!.image).toBe(`registry.example.com/shop/shop-${name}:0.1.0`);
      expect(container!.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container!.readinessProbe.httpGet).toEqual({
        path: name === 'gateway' ? '/ready' : '/health',
        port: 'http',
      });
      for (const bound of ['requests', 'limits'] as const) {
        expect(container!.resources[bound].cpu).toBeTruthy();
        expect(container!.resources[bound].memory).toMatch(/Mi$/);
      }
      expect(container!.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    }
  });

  it('When the chart is rendered, then config comes from the ConfigMap and every secret from a Secret by reference, each service getting only its own', () => {
    const configMap = rendered.find((o) => o.kind === 'ConfigMap')!;
    expect(configMap.data).toMatchObject({
      NODE_ENV: 'production',
      SUBGRAPH_USERS_URL: 'http://shop-users:4001/graphql',
    });
    // The chart does not hold the secrets unless asked to.
    expect(rendered.filter((o) => o.kind === 'Secret')).toEqual([]);
    const secretEnv = new Map<string, Record<string, string>>();
    for (const deployment of rendered.filter((o) => o.kind === 'Deployment')) {
      const [container] = (deployment.spec.template as { spec: { containers: Container[] } }).spec.containers;
      expect(container!.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
      for (const env of container!.env) {
        if (/SECRET|PASSWORD|_KEY$|DATABASE_URL|REDIS_URL|OPENSEARCH_URL/.test(env.name)) {
          expect(env.value).toBeUndefined();
          expect(env.valueFrom?.secretKeyRef?.name).toBe('shop-secrets');
        }
      }
      secretEnv.set(
        container!.name,
        Object.fromEntries(
          container!.env
            .filter((e) => e.valueFrom?.secretKeyRef)
            .map((e) => [e.name, e.valueFrom!.secretKeyRef!.key]),
        ),
      );
    }
    expect(secretEnv.get('users')).toMatchObject({
      INTERNAL_AUTH_SECRET: 'INTERNAL_AUTH_SECRET',
      MFA_ENCRYPTION_KEY: 'MFA_ENCRYPTION_KEY',
      DATABASE_URL: 'USERS_DATABASE_URL',
    });
    expect(secretEnv.get('orders')).toMatchObject({
      STRIPE_SECRET_KEY: 'STRIPE_SECRET_KEY',
      DATABASE_URL: 'ORDERS_DATABASE_URL',
    });
    expect(Object.keys(secretEnv.get('catalog')!)).not.toContain('STRIPE_SECRET_KEY');
    expect(Object.keys(secretEnv.get('gateway')!)).not.toContain('MFA_ENCRYPTION_KEY');
  });

  it('When the chart is rendered, then each Deployment has a HorizontalPodAutoscaler on CPU and a Service, and the ingress sends webhooks to their services', () => {
    const hpas = rendered.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => (h.spec.scaleTargetRef as { kind: string; name: string }).name).sort()).toEqual(
      SERVICES.map((s) => `shop-${s}`).sort(),
    );
    for (const hpa of hpas) {
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.metrics).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
        },
      ]);
    }
    expect(rendered.filter((o) => o.kind === 'Service')).toHaveLength(6);
    const ingress = rendered.find((o) => o.kind === 'Ingress')!;
    const paths = (
      ingress.spec.rules as { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[]
    )[0]!.http.paths;
    expect(paths.map((p) => `${p.path} -> ${p.backend.service.name}`)).toEqual([
      '/webhooks/stripe -> shop-orders',
      '/webhooks/carriers -> shop-shipping',
      '/ -> shop-gateway',
    ]);
  });

  it('When the chart is asked to create the Secret, then it holds the given values and nothing else renders them', () => {
    const run = helm(
      'template',
      'shop',
      CHART,
      '--set',
      'secrets.create=true',
      '--set',
      'secrets.values.INTERNAL_AUTH_SECRET=abc-0123456789-secret',
    );
    expect(run.status).toBe(0);
    const objects = parseAllDocuments(run.stdout).map((d) => d.toJS() as K8sObject);
    const secret = objects.find((o) => o.kind === 'Secret')!;
    expect(secret.stringData).toEqual({ INTERNAL_AUTH_SECRET: 'abc-0123456789-secret' });
    expect(
      objects.filter((o) => o.kind !== 'Secret' && JSON.stringify(o).includes('abc-0123456789-secret')),
    ).toEqual([]);
  });

  it('When the chart is rendered, then the gateway carries the partner edge settings under the names it reads, and a value set at install replaces its default', () => {
    const gatewayEnv = (objects: K8sObject[]) => {
      const gateway = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'shop-gateway')!;
      const [container] = (gateway.spec.template as { spec: { containers: Container[] } }).spec.containers;
      return Object.fromEntries(
        container!.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]),
      );
    };
    const given = gatewayEnv(rendered);
    for (const name of Object.keys(edge.shape)) expect(given[name]).toEqual(expect.any(String));
    expect(edge.parse(given)).toEqual(DEPLOYED_EDGE);
    const run = helm('template', 'shop', CHART, '--set', 'services.gateway.env.SAFELIST_MODE=enforce');
    expect(run.status).toBe(0);
    const enforcing = gatewayEnv(parseAllDocuments(run.stdout).map((d) => d.toJS() as K8sObject));
    expect(edge.parse(enforcing).SAFELIST_MODE).toBe('enforce');
  });
});
