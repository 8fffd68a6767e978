// The synthesised shop: each piece of the architecture with the properties that matter, and cdk-nag's verdict.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { allTables } from '../../packages/datastores/src/table-definitions';
import {
  APP_SECRETS,
  EVENT_CONSUMERS,
  EVENT_TOPIC_NAME,
  NOTIFICATIONS_QUEUE,
  ORIGIN_VERIFY_HEADER,
  SERVICES,
  ShopStack,
  TABLE_PREFIX,
} from '../lib/shop-stack';
import { gatewayEdgeEnvironment } from '../lib/gateway-edge';

type Resource = { Type: string; Properties: Record<string, unknown> };

let stack: ShopStack;
let template: Template;

beforeAll(() => {
  const code = mkdtempSync(join(tmpdir(), 'shop-notifications-'));
  writeFileSync(join(code, 'index.js'), 'exports.handler = async () => ({ batchItemFailures: [] });\n');
  const app = new App();
  stack = new ShopStack(app, 'Shop', {
    env: { account: '123456789012', region: 'us-east-1' },
    domainName: 'shop.example.com',
    hostedZoneId: 'Z0123456789ABCDEFGHIJ',
    hostedZoneName: 'example.com',
    imageTag: 'v1',
    notificationsCode: code,
    cloudFrontPrefixListId: 'pl-3b927c52',
  });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  template = Template.fromStack(stack);
}, 120_000);

function resources(type: string, props?: Record<string, unknown>): [string, Resource][] {
  return Object.entries(template.findResources(type, props ? { Properties: props } : undefined)) as [
    string,
    Resource,
  ][];
}

function only(type: string, props?: Record<string, unknown>): Resource {
  const found = resources(type, props);
  expect(found).toHaveLength(1);
  return found[0]![1];
}

/** The logical ids of the subnets of one tier of the VPC (`public`, `services`, `data`). */
function subnetsOf(tier: string): string[] {
  return resources('AWS::EC2::Subnet')
    .filter(([, r]) => JSON.stringify(r.Properties.Tags).includes(`"${tier}"`))
    .map(([id]) => id);
}

const refs = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/"Ref":"([^"]+)"/g)].map((m) => m[1]!);

describe('The AWS CDK app', () => {
  it('When cdk-nag checks the stack against the AwsSolutions pack, then it reports nothing unsuppressed, and every suppression gives its reason', () => {
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    expect([...errors, ...warnings].map((e) => `${e.id}: ${String(e.entry.data).slice(0, 120)}`)).toEqual([]);
    const suppressions = [
      ...(((
        template.toJSON() as {
          Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } };
        }
      ).Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string }[]),
      ...Object.values(
        template.toJSON().Resources as Record<
          string,
          { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }
        >,
      ).flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []),
    ];
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) expect(s.reason.length).toBeGreaterThanOrEqual(30);
  });

  it('When the shop is synthesised, then Route 53 points the domain at CloudFront, with a DNS-validated certificate', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'shop.example.com',
      SubjectAlternativeNames: ['origin.shop.example.com'],
      ValidationMethod: 'DNS',
    });
    for (const type of ['A', 'AAAA'])
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'shop.example.com.',
        Type: type,
        HostedZoneId: 'Z0123456789ABCDEFGHIJ',
        AliasTarget: { DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Cdn'), 'DomainName'] } },
      });
  });

  it('When CloudFront is synthesised, then GET queries are cached by query string and caller as the answers say, POST passes through, and the explorer files are cached', () => {
    const policy = only('AWS::CloudFront::CachePolicy').Properties.CachePolicyConfig as Record<
      string,
      unknown
    >;
    expect(policy).toMatchObject({
      DefaultTTL: 0, // nothing is kept unless the answer's Cache-Control says so
      MinTTL: 0,
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization', 'X-Api-Key'] },
        CookiesConfig: { CookieBehavior: 'none' },
      },
    });
    const config = only('AWS::CloudFront::Distribution').Properties.DistributionConfig as {
      Aliases: string[];
      WebACLId: unknown;
      ViewerCertificate: { MinimumProtocolVersion: string };
      DefaultCacheBehavior: { AllowedMethods: string[]; CachedMethods: string[]; CachePolicyId: unknown };
      CacheBehaviors: { PathPattern: string; CachePolicyId: string }[];
      Origins: {
        DomainName: string;
        OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[];
        CustomOriginConfig: { OriginProtocolPolicy: string };
      }[];
    };
    expect(config.Aliases).toEqual(['shop.example.com']);
    expect(config.ViewerCertificate.MinimumProtocolVersion).toBe('TLSv1.2_2021');
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^WebAcl/), 'Arn'] });
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'POST']),
    );
    expect(config.DefaultCacheBehavior.CachedMethods).not.toContain('POST');
    expect(refs(config.DefaultCacheBehavior.CachePolicyId)[0]).toMatch(/^GraphqlCachePolicy/);
    // CloudFront's managed CachingOptimized policy.
    expect(config.CacheBehaviors.find((b) => b.PathPattern === '/explorer/*')?.CachePolicyId).toBe(
      '658327ea-f89d-4fab-a63d-7e88639e58f6',
    );
    const [origin] = config.Origins;
    expect(origin?.DomainName).toBe('origin.shop.example.com');
    expect(origin?.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(origin?.OriginCustomHeaders[0]?.HeaderName).toBe(ORIGIN_VERIFY_HEADER);
    // The header's value is read from Secrets Manager at deploy time, never written in the template.
    expect(JSON.stringify(origin?.OriginCustomHeaders[0]?.HeaderValue)).toContain(
      '{{resolve:secretsmanager:',
    );
  });

  it('When the WAF web ACL is synthesised, then it guards CloudFront with the managed rule groups, a rate limit per client address and a body size limit', () => {
    const acl = only('AWS::WAFv2::WebACL').Properties as {
      Scope: string;
      Rules: { Statement: Record<string, Record<string, unknown>>; Action?: unknown }[];
    };
    expect(acl.Scope).toBe('CLOUDFRONT');
    const groups = acl.Rules.flatMap((r) =>
      r.Statement.ManagedRuleGroupStatement ? [r.Statement.ManagedRuleGroupStatement.Name] : [],
    );
    expect(groups.sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const rate = acl.Rules.find((r) => r.Statement.RateBasedStatement)!;
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: 2000 });
    expect(rate.Action).toEqual({ Block: {} });
    const size = acl.Rules.find((r) => r.Statement.AndStatement)!;
    const [limit, exceptWebhooks] = (size.Statement.AndStatement as { Statements: Record<string, unknown>[] })
      .Statements;
    expect(limit).toEqual({
      SizeConstraintStatement: {
        FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
        ComparisonOperator: 'GT',
        Size: 16384,
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    });
    expect(exceptWebhooks).toMatchObject({
      NotStatement: {
        Statement: {
          ByteMatchStatement: { PositionalConstraint: 'STARTS_WITH', SearchString: '/webhooks/' },
        },
      },
    });
    expect(size.Action).toEqual({ Block: {} });
  });

  it('When the load balancer is synthesised, then only CloudFront reaches it, only with the origin secret, and only the gateway and the two webhook paths are routed', () => {
    const [sgId, sg] = resources('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer: CloudFront only',
    })[0]!;
    const ingress = [
      ...((sg.Properties.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? []),
      ...resources('AWS::EC2::SecurityGroupIngress')
        .map(([, r]) => r.Properties)
        .filter((r) => JSON.stringify(r.GroupId) === JSON.stringify({ 'Fn::GetAtt': [sgId, 'GroupId'] })),
    ];
    expect(ingress).toEqual([
      expect.objectContaining({
        SourcePrefixListId: 'pl-3b927c52',
        FromPort: 443,
        ToPort: 443,
        IpProtocol: 'tcp',
      }),
    ]);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      DefaultActions: [
        Match.objectLike({
          Type: 'fixed-response',
          FixedResponseConfig: Match.objectLike({ StatusCode: '403' }),
        }),
      ],
    });
    const rules = resources('AWS::ElasticLoadBalancingV2::ListenerRule').map(
      ([, r]) => r.Properties as { Conditions: Record<string, unknown>[]; Actions: unknown },
    );
    const routed = rules.map((rule) => {
      const header = rule.Conditions.find((c) => c.Field === 'http-header') as {
        HttpHeaderConfig: { HttpHeaderName: string };
      };
      expect(header.HttpHeaderConfig.HttpHeaderName).toBe(ORIGIN_VERIFY_HEADER);
      const paths = (
        rule.Conditions.find((c) => c.Field === 'path-pattern') as { PathPatternConfig: { Values: string[] } }
      ).PathPatternConfig.Values;
      return `${paths.join(',')} -> ${refs(rule.Actions)[0]!.replace(/Targets.*/, '')}`;
    });
    expect(routed.sort()).toEqual([
      '/* -> Gateway',
      '/webhooks/carriers/* -> Shipping',
      '/webhooks/stripe -> Orders',
    ]);
  });

  it('When the services are synthesised, then the six run on Fargate in private subnets, reach each other by Service Connect and scale on CPU, the gateway also on requests', () => {
    const services = resources('AWS::ECS::Service');
    expect(services.map(([, s]) => s.Properties.ServiceName).sort()).toEqual(
      SERVICES.map((s) => s.name).sort(),
    );
    const privateSubnets = subnetsOf('services');
    expect(privateSubnets).toHaveLength(2);
    for (const [, service] of services) {
      const network = (
        service.Properties.NetworkConfiguration as {
          AwsvpcConfiguration: { AssignPublicIp: string; Subnets: unknown };
        }
      ).AwsvpcConfiguration;
      expect(network.AssignPublicIp).toBe('DISABLED');
      expect(refs(network.Subnets).sort()).toEqual(privateSubnets.sort());
      expect(service.Properties.LaunchType).toBe('FARGATE');
      const name = service.Properties.ServiceName as string;
      const port = SERVICES.find((s) => s.name === name)!.port;
      expect(service.Properties.ServiceConnectConfiguration).toEqual({
        Enabled: true,
        Namespace: 'shop.internal',
        Services: [{ PortName: name, ClientAliases: [{ DnsName: name, Port: port }] }],
      });
    }
    const cpu = resources('AWS::ApplicationAutoScaling::ScalingPolicy').filter(([, p]) =>
      JSON.stringify(p.Properties).includes('ECSServiceAverageCPUUtilization'),
    );
    expect(cpu).toHaveLength(6);
    const requests = resources('AWS::ApplicationAutoScaling::ScalingPolicy').filter(([, p]) =>
      JSON.stringify(p.Properties).includes('ALBRequestCountPerTarget'),
    );
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests[0]![1].Properties.ScalingTargetId)).toContain('GatewayService');
  });

  it("When the gateway's task is synthesised, then it carries the partner edge settings: the safelist logged, cost published, buckets on", () => {
    const [, gateway] = resources('AWS::ECS::TaskDefinition').find(([id]) => id.startsWith('GatewayTask'))!;
    const [container] = gateway.Properties.ContainerDefinitions as {
      Environment: { Name: string; Value: unknown }[];
    }[];
    const env = Object.fromEntries(container!.Environment.map((e) => [e.Name, e.Value]));
    expect(env).toMatchObject(gatewayEdgeEnvironment());
    expect(gatewayEdgeEnvironment()).toEqual({
      SAFELIST_MODE: 'log',
      MAX_QUERY_COST: '20000',
      COST_EXTENSION: 'true',
      THROTTLE: 'true',
      THROTTLE_ANONYMOUS_COST_PER_SECOND: '1000',
      THROTTLE_SHOPPER_COST_PER_SECOND: '2000',
      THROTTLE_PARTNER_COST_PER_SECOND: '1000',
      THROTTLE_BUCKET_SECONDS: '20',
    });
    // No other task is given them.
    for (const [, task] of resources('AWS::ECS::TaskDefinition').filter(
      ([i]) => !i.startsWith('GatewayTask'),
    ))
      expect(JSON.stringify(task.Properties.ContainerDefinitions)).not.toContain('SAFELIST_MODE');
    expect(gatewayEdgeEnvironment({ safelistMode: 'enforce', partnerCostPerSecond: 300 })).toMatchObject({
      SAFELIST_MODE: 'enforce',
      THROTTLE_PARTNER_COST_PER_SECOND: '300',
    });
    expect(() => gatewayEdgeEnvironment({ safelistMode: 'strict' as 'enforce' })).toThrow(
      /off, log or enforce/,
    );
  });

  it('When the task definitions are synthesised, then each service gets the ARNs of the secrets it reads and no secret value in its environment', () => {
    for (const name of APP_SECRETS)
      template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: `shop/${name}` });
    const tasks = resources('AWS::ECS::TaskDefinition').filter(([id]) => !id.startsWith('DatabaseInit'));
    expect(tasks).toHaveLength(6);
    for (const [, task] of tasks) {
      const [container] = task.Properties.ContainerDefinitions as {
        ReadonlyRootFilesystem?: boolean;
        MountPoints?: unknown[];
        Environment: { Name: string; Value: unknown }[];
        Secrets?: { Name: string; ValueFrom: unknown }[];
      }[];
      const env = Object.fromEntries(container!.Environment.map((e) => [e.Name, e.Value]));
      expect(refs(env.INTERNAL_AUTH_SECRET_ARN)[0]).toMatch(/^InternalAuthSecret/);
      expect(
        Object.keys(env).filter((k) => /SECRET|PASSWORD|TOKEN|_KEY$/.test(k) && !k.endsWith('_ARN')),
      ).toEqual([]);
      expect(JSON.stringify(env)).not.toContain('{{resolve:');
      // The image is read-only at run time but for the data and temporary directories.
      expect(container).toMatchObject({
        ReadonlyRootFilesystem: true,
        MountPoints: [
          { ContainerPath: '/app/.data', SourceVolume: 'data' },
          { ContainerPath: '/tmp', SourceVolume: 'tmp' },
        ],
      });
    }
    const users = tasks.find(([id]) => id.startsWith('UsersTask'))![1];
    const orders = tasks.find(([id]) => id.startsWith('OrdersTask'))![1];
    expect(JSON.stringify(users.Properties.ContainerDefinitions)).toContain('MFA_ENCRYPTION_KEY_ARN');
    expect(JSON.stringify(orders.Properties.ContainerDefinitions)).toContain('STRIPE_SECRET_KEY_ARN');
    expect(
      JSON.stringify(tasks.find(([id]) => id.startsWith('CatalogTask'))![1].Properties.ContainerDefinitions),
    ).not.toContain('STRIPE_SECRET_KEY_ARN');
  });

  it('When RDS is synthesised, then Postgres is Multi-AZ, encrypted, private, with TLS required and its credentials in Secrets Manager', () => {
    const db = only('AWS::RDS::DBInstance').Properties;
    expect(db).toMatchObject({
      Engine: 'postgres',
      MultiAZ: true,
      StorageEncrypted: true,
      PubliclyAccessible: false,
      DeletionProtection: true,
    });
    expect(JSON.stringify(db.MasterUserPassword)).toContain('{{resolve:secretsmanager:');
    const subnetGroup = only('AWS::RDS::DBSubnetGroup').Properties;
    expect(refs(subnetGroup.SubnetIds).sort()).toEqual(subnetsOf('data').sort());
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    // A database per service: each service's DATABASE_URL names its own.
    const urls = resources('AWS::ECS::TaskDefinition')
      .filter(([id]) => !id.startsWith('DatabaseInit'))
      .flatMap(([, t]) =>
        (
          t.Properties.ContainerDefinitions as { Environment: { Name: string; Value: unknown }[] }[]
        )[0]!.Environment.filter((e) => e.Name === 'DATABASE_URL').map((e) => JSON.stringify(e.Value)),
      );
    expect(urls.map((u) => /\/(\w+)\?sslmode/.exec(u)?.[1]).sort()).toEqual([
      'catalog',
      'orders',
      'shipping',
      'users',
    ]);
    // The one-off task that creates them before the first start.
    const init = only('AWS::ECS::TaskDefinition', { Family: 'shop-db-init' }).Properties;
    const command = (init.ContainerDefinitions as { Command: string[] }[])[0]!.Command.join(' ');
    expect(command).toContain('for db in users catalog orders shipping;');
    expect(command).toContain('CREATE DATABASE $db');
  });

  it('When DynamoDB is synthesised, then it has exactly the tables the services create locally, on demand, with their keys, indexes, TTL and point-in-time recovery', () => {
    const definitions = allTables(TABLE_PREFIX);
    const tables = resources('AWS::DynamoDB::Table');
    expect(tables.map(([, t]) => t.Properties.TableName).sort()).toEqual(
      definitions.map((d) => d.name).sort(),
    );
    for (const definition of definitions) {
      const key = [
        { AttributeName: definition.partitionKey, KeyType: 'HASH' },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey, KeyType: 'RANGE' }] : []),
      ];
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: definition.name,
        KeySchema: key,
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        ...(definition.ttlAttribute
          ? { TimeToLiveSpecification: { AttributeName: definition.ttlAttribute, Enabled: true } }
          : {}),
        ...(definition.indexes
          ? {
              GlobalSecondaryIndexes: definition.indexes.map((i) =>
                Match.objectLike({
                  IndexName: i.name,
                  KeySchema: [
                    Match.objectLike({ AttributeName: i.partitionKey, KeyType: 'HASH' }),
                    ...(i.sortKey ? [Match.objectLike({ AttributeName: i.sortKey, KeyType: 'RANGE' })] : []),
                  ],
                }),
              ),
            }
          : {}),
      });
    }
  });

  it('When ElastiCache and OpenSearch are synthesised, then Redis has TLS and AUTH and OpenSearch sits in the VPC, encrypted, HTTPS only, with fine-grained access', () => {
    const redis = only('AWS::ElastiCache::ReplicationGroup').Properties;
    expect(redis).toMatchObject({
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
    });
    expect(JSON.stringify(redis.AuthToken)).toContain('{{resolve:secretsmanager:');
    expect(refs(only('AWS::ElastiCache::SubnetGroup').Properties.SubnetIds).sort()).toEqual(
      subnetsOf('data').sort(),
    );
    const search = only('AWS::OpenSearchService::Domain').Properties;
    expect(search).toMatchObject({
      EncryptionAtRestOptions: { Enabled: true },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true },
    });
    expect(refs((search.VPCOptions as { SubnetIds: unknown }).SubnetIds).sort()).toEqual(
      subnetsOf('data').sort(),
    );
    // The task environment carries the endpoint; the password is injected by ECS from Secrets Manager.
    const catalog = resources('AWS::ECS::TaskDefinition').find(([id]) => id.startsWith('CatalogTask'))![1];
    expect(JSON.stringify(catalog.Properties.ContainerDefinitions)).toContain('OPENSEARCH_PASSWORD');
  });

  it('When the event bus is synthesised, then one topic feeds a queue with a dead-letter queue per consumer, the services use them as made, and the notification queue triggers the Lambda with batch item failures', () => {
    const topic = only('AWS::SNS::Topic', { TopicName: EVENT_TOPIC_NAME });
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const [topicId] = resources('AWS::SNS::Topic', { TopicName: EVENT_TOPIC_NAME })[0]!;
    const queues = new Map(resources('AWS::SQS::Queue').map(([id, q]) => [id, q.Properties]));
    const idOf = (name: string) => [...queues].find(([, q]) => q.QueueName === name)?.[0];
    // The queues the SNS/SQS adapter reads: `shop-<group>-events` for each group the services subscribe with.
    const consumers = EVENT_CONSUMERS.map((c) => `shop-${c.group}-events`);
    expect(consumers).toEqual([
      'shop-cart-events',
      'shop-cart-cancellations-events',
      'shop-catalog-events',
      'shop-catalog-indexer-events',
      'shop-orders-notifications-events',
      'shop-orders-shipments-events',
      'shop-shipping-events',
      'shop-shipping-webhooks-events',
    ]);
    expect(queues.size).toBe(consumers.length * 2);
    const subscriptions = resources('AWS::SNS::Subscription').map(([, s]) => s.Properties);
    for (const name of consumers) {
      const queue = queues.get(idOf(name)!)!;
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [idOf(`${name}-dlq`), 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(queue.KmsMasterKeyId).toBeDefined();
      expect(subscriptions).toContainEqual(
        expect.objectContaining({
          Protocol: 'sqs',
          RawMessageDelivery: true,
          TopicArn: { Ref: topicId },
          Endpoint: { 'Fn::GetAtt': [idOf(name), 'Arn'] },
        }),
      );
    }
    expect(subscriptions).toHaveLength(consumers.length);
    // Every service publishes to that topic and looks its queues up instead of making them.
    for (const [, task] of resources('AWS::ECS::TaskDefinition').filter(
      ([id]) => !id.startsWith('DatabaseInit'),
    )) {
      const env = Object.fromEntries(
        (
          task.Properties.ContainerDefinitions as { Environment: { Name: string; Value: unknown }[] }[]
        )[0]!.Environment.map((e) => [e.Name, e.Value]),
      );
      expect(env).toMatchObject({
        EVENT_BUS: 'aws',
        EVENT_TOPIC: { Ref: topicId },
        EVENT_PROVISION: 'false',
        EVENT_QUEUE_PREFIX: 'shop-',
      });
    }
    const fn = only('AWS::Lambda::Function', { FunctionName: 'shop-notifications' }).Properties;
    expect(fn.Handler).toBe('index.handler');
    expect(JSON.stringify(fn.Code)).toContain('S3Key');
    // In the VPC, to record its emails in the orders database, whose URL it reads from Secrets Manager.
    expect(refs((fn.VpcConfig as { SubnetIds: unknown }).SubnetIds).sort()).toEqual(
      subnetsOf('services').sort(),
    );
    expect(
      refs((fn.Environment as { Variables: { DATABASE_URL_ARN: unknown } }).Variables.DATABASE_URL_ARN)[0],
    ).toMatch(/^OrdersDatabaseUrl/);
    const mappings = resources('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toEqual([
      expect.objectContaining({
        EventSourceArn: { 'Fn::GetAtt': [idOf(NOTIFICATIONS_QUEUE), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
    ]);
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
  });

  it('When the alarms are synthesised, then the load balancer 5xx, the p99 latency and the age of every queue raise them', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map(
      ([, a]) =>
        a.Properties as {
          MetricName: string;
          ExtendedStatistic?: string;
          Dimensions?: { Value: unknown }[];
          AlarmActions: unknown[];
        },
    );
    expect(alarms.filter((a) => a.MetricName === 'HTTPCode_ELB_5XX_Count')).toHaveLength(1);
    expect(alarms.filter((a) => a.MetricName === 'HTTPCode_Target_5XX_Count')).toHaveLength(1);
    expect(
      alarms.filter((a) => a.MetricName === 'TargetResponseTime' && a.ExtendedStatistic === 'p99'),
    ).toHaveLength(1);
    const ages = alarms.filter((a) => a.MetricName === 'ApproximateAgeOfOldestMessage');
    expect(ages).toHaveLength(EVENT_CONSUMERS.length);
    expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(
      EVENT_CONSUMERS.length,
    );
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });
});
