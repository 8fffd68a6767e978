// The CDK app: `npx cdk synth` from infra/, context given with -c (or in cdk.json), nothing looked up.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
const context = (name: string, fallback?: string): string => {
  const value = (app.node.tryGetContext(name) as string | undefined) ?? fallback;
  if (value === undefined || value === '')
    throw new Error(`missing context: -c ${name}=<value> (see docs/deploying.md)`);
  return value;
};

/** A numeric context value, or undefined when not given (the stack's default applies). */
function optionalNumber(name: string): number | undefined {
  const value = app.node.tryGetContext(name) as string | number | undefined;
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`-c ${name} must be a positive number`);
  return parsed;
}

const region = context('region', 'us-east-1');
// CloudFront takes its certificate and web ACL from us-east-1 only; the whole shop lives there.
if (region !== 'us-east-1')
  throw new Error('the shop deploys to us-east-1: CloudFront takes its certificate and web ACL from there');
const notificationsCode = resolve(context('notificationsCode', '../dist/lambdas/notifications'));
if (!existsSync(notificationsCode))
  throw new Error(`${notificationsCode} does not exist: run npm run build at the root first`);

new ShopStack(app, 'Shop', {
  env: { account: context('account'), region },
  domainName: context('domainName'),
  hostedZoneId: context('hostedZoneId'),
  hostedZoneName: context('hostedZoneName'),
  imageTag: context('imageTag'),
  notificationsCode,
  cloudFrontPrefixListId: context('cloudFrontPrefixListId', 'pl-3b927c52'),
  alarmEmail: app.node.tryGetContext('alarmEmail') as string | undefined,
  dbInstanceType: app.node.tryGetContext('dbInstanceType') as string | undefined,
  desiredCount:
    app.node.tryGetContext('desiredCount') === undefined
      ? undefined
      : Number(app.node.tryGetContext('desiredCount')),
  gatewayEdge: {
    safelistMode: app.node.tryGetContext('safelistMode') as 'off' | 'log' | 'enforce' | undefined,
    maxQueryCost: optionalNumber('maxQueryCost'),
    anonymousCostPerSecond: optionalNumber('anonymousCostPerSecond'),
    shopperCostPerSecond: optionalNumber('shopperCostPerSecond'),
    partnerCostPerSecond: optionalNumber('partnerCostPerSecond'),
    bucketSeconds: optionalNumber('bucketSeconds'),
  },
});

Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
