// `npx cdk synth` as an operator runs it: offline, context given as parameters, nothing looked up.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INFRA = join(__dirname, '..');

describe('cdk synth', () => {
  it('When cdk synth runs with its context as parameters and no AWS credentials, then it writes the CloudFormation template and needs no lookup', () => {
    const work = mkdtempSync(join(tmpdir(), 'shop-synth-'));
    try {
      const code = join(work, 'notifications');
      mkdirSync(code);
      writeFileSync(join(code, 'index.js'), 'exports.handler = async () => ({ batchItemFailures: [] });\n');
      const out = join(work, 'cdk.out');
      const context = {
        account: '123456789012',
        domainName: 'shop.example.com',
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        hostedZoneName: 'example.com',
        imageTag: 'v1',
        notificationsCode: code,
        safelistMode: 'enforce',
        partnerCostPerSecond: '300',
      };
      const args = [
        'cdk',
        'synth',
        '--quiet',
        '--no-notices',
        '--no-version-reporting',
        '-o',
        out,
        ...Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ];
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: work,
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        NODE_OPTIONS: '',
      };
      const run = spawnSync('npx', args, { cwd: INFRA, env, encoding: 'utf8', timeout: 240_000 });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-3000) }).toEqual({
        status: 0,
        stderr: '',
      });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        missing?: unknown[];
      };
      // A lookup would be listed here (and need an AWS account); none may be.
      expect(manifest.missing).toBeUndefined();
      const template = JSON.parse(readFileSync(join(out, 'Shop.template.json'), 'utf8')) as {
        Resources: Record<string, { Type: string; Properties?: { ContainerDefinitions?: unknown[] } }>;
      };
      // The gateway's edge settings come from the context.
      const [gatewayTask] = Object.entries(template.Resources).filter(
        ([id, r]) => id.startsWith('GatewayTask') && r.Type === 'AWS::ECS::TaskDefinition',
      );
      const gatewayEnv = Object.fromEntries(
        (
          gatewayTask![1].Properties!.ContainerDefinitions![0] as {
            Environment: { Name: string; Value: unknown }[];
          }
        ).Environment.map((e) => [e.Name, e.Value]),
      );
      expect(gatewayEnv).toMatchObject({ SAFELIST_MODE: 'enforce', THROTTLE_PARTNER_COST_PER_SECOND: '300' });
      expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::CloudFront::Distribution')).toBe(
        true,
      );
      // The app runs cdk-nag too: its report lists every rule checked, none of them non-compliant.
      const report = readFileSync(join(out, 'AwsSolutions--Shop-NagReport.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1);
      expect(report.length).toBeGreaterThan(50);
      expect(report.filter((row) => row.includes('"Non-Compliant"'))).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
