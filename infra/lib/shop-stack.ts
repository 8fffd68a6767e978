// The shop on AWS as drawn: Route 53 -> CloudFront (+ WAF) -> ALB -> ECS Fargate services, with RDS, DynamoDB,
// ElastiCache, OpenSearch, the SNS/SQS event bus, the notification Lambda, SES and Secrets Manager.
import {
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  SecretValue,
  Stack,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { gatewayEdgeEnvironment, type GatewayEdgeSettings } from './gateway-edge';
import type { TableDefinition } from '../../packages/datastores/src/dynamo';
import { allTables, serviceTables } from '../../packages/datastores/src/table-definitions';
import { acknowledge, suppressNagFindings } from './nag';

export interface ShopStackProps extends StackProps {
  /** The shop's public host name, e.g. `shop.example.com`; CloudFront answers there. */
  domainName: string;
  /** The Route 53 hosted zone holding `domainName` (given, not looked up, so synth runs offline). */
  hostedZoneId: string;
  hostedZoneName: string;
  /** The image tag every service runs, as pushed to the `shop-<service>` ECR repositories. */
  imageTag: string;
  /** The built notification handlers (a directory with `index.js` exporting `handler`). */
  notificationsCode: string;
  /** CloudFront's origin-facing managed prefix list in this region (`com.amazonaws.global.cloudfront.origin-facing`). */
  cloudFrontPrefixListId: string;
  /** Requests a client address may send in 5 minutes before WAF blocks it. */
  rateLimitPer5Minutes?: number;
  /** Largest request body WAF lets through, in bytes (at most 16 KB: what CloudFront passes to WAF to inspect). */
  maxBodyBytes?: number;
  /** Where alarms are sent (an email subscribed to the alarm topic); none when unset. */
  alarmEmail?: string;
  dbInstanceType?: string;
  natGateways?: number;
  /**
   * Tasks per service (and the autoscaling floor); 2 by default. The first deploy uses 0: the databases and
   * the Stripe secrets are made ready before any service starts (docs/deploying.md).
   */
  desiredCount?: number;
  /** The two availability zones (given, not looked up); `<region>a` and `<region>b` by default. */
  availabilityZones?: string[];
  /** The gateway's safelist mode, cost and throttling (gateway-edge.ts); `SAFELIST_MODE=log` by default. */
  gatewayEdge?: GatewayEdgeSettings;
}

export interface ServiceSpec {
  name: 'gateway' | 'users' | 'catalog' | 'cart' | 'orders' | 'shipping';
  port: number;
  /** The Postgres database it owns, if any. */
  database?: string;
  cpu: number;
  memoryMiB: number;
}

export const SERVICES: ServiceSpec[] = [
  { name: 'gateway', port: 4000, cpu: 512, memoryMiB: 1024 },
  { name: 'users', port: 4001, database: 'users', cpu: 512, memoryMiB: 1024 },
  { name: 'catalog', port: 4002, database: 'catalog', cpu: 512, memoryMiB: 1024 },
  { name: 'cart', port: 4003, cpu: 256, memoryMiB: 512 },
  { name: 'orders', port: 4004, database: 'orders', cpu: 256, memoryMiB: 512 },
  { name: 'shipping', port: 4005, database: 'shipping', cpu: 256, memoryMiB: 512 },
];

/**
 * The event bus's consumers: each subscription group the code makes (`bus.subscribe(group, …)`) reads its own
 * queue `shop-<group>-events`, as the SNS/SQS adapter names them, and the stack makes them with their
 * dead-letter queues (the services start with EVENT_PROVISION=false). `orders-notifications` is read by the
 * notification Lambda, and by the orders service too where it runs (each email is still sent once).
 */
export const EVENT_CONSUMERS: { group: string; readers: (ServiceSpec['name'] | 'notifications-lambda')[] }[] =
  [
    { group: 'cart', readers: ['cart'] },
    { group: 'cart-cancellations', readers: ['cart'] },
    { group: 'catalog', readers: ['catalog'] },
    { group: 'catalog-indexer', readers: ['catalog'] },
    { group: 'orders-notifications', readers: ['orders', 'notifications-lambda'] },
    { group: 'orders-shipments', readers: ['orders'] },
    { group: 'shipping', readers: ['shipping'] },
    { group: 'shipping-webhooks', readers: ['shipping'] },
  ];
export const EVENT_QUEUE_PREFIX = 'shop-';
export const NOTIFICATIONS_QUEUE = `${EVENT_QUEUE_PREFIX}orders-notifications-events`;

/** The app secrets the services read through `<NAME>_ARN`; the Stripe ones are filled in by the operator. */
export const APP_SECRETS = [
  'INTERNAL_AUTH_SECRET',
  'MFA_ENCRYPTION_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
] as const;
type AppSecret = (typeof APP_SECRETS)[number];

const SECRET_USERS: Record<AppSecret, ServiceSpec['name'][]> = {
  INTERNAL_AUTH_SECRET: ['gateway', 'users', 'catalog', 'cart', 'orders', 'shipping'],
  MFA_ENCRYPTION_KEY: ['users'],
  STRIPE_SECRET_KEY: ['orders'],
  STRIPE_WEBHOOK_SECRET: ['orders'],
};

/** The header CloudFront adds and the load balancer requires: only CloudFront's requests carry its secret value. */
export const ORIGIN_VERIFY_HEADER = 'X-Origin-Verify';
export const TABLE_PREFIX = 'shop_';
export const EVENT_TOPIC_NAME = 'shop-events';

export class ShopStack extends Stack {
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: ShopStackProps) {
    super(scope, id, props);
    this.zones = props.availabilityZones ?? [`${this.region}a`, `${this.region}b`];
    const originDomain = `origin.${props.domainName}`;

    // --- network: public (load balancer, NAT), private (services), isolated (datastores) -----------------
    const vpc = new ec2.Vpc(this, 'Vpc', {
      availabilityZones: this.zones,
      natGateways: props.natGateways ?? 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'services', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, 'FlowLogs', {
              retention: logs.RetentionDays.ONE_MONTH,
              removalPolicy: RemovalPolicy.DESTROY,
            }),
          ),
        },
      },
    });
    Validations.of(vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'The zones are given as parameters so that synth looks nothing up.',
    });
    // DynamoDB without the NAT: a gateway endpoint costs nothing.
    vpc.addGatewayEndpoint('DynamoDbEndpoint', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
    const dataSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const serviceSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    const servicesSg = new ec2.SecurityGroup(this, 'ServicesSg', {
      vpc,
      description: 'The shop services (ECS tasks)',
    });

    // --- secrets ------------------------------------------------------------------------------------------
    const appSecrets = {
      INTERNAL_AUTH_SECRET: new secretsmanager.Secret(this, 'InternalAuthSecret', {
        secretName: 'shop/INTERNAL_AUTH_SECRET',
        description: 'HMAC key of forwarded identities and service calls',
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
      }),
      MFA_ENCRYPTION_KEY: new secretsmanager.Secret(this, 'MfaEncryptionKey', {
        secretName: 'shop/MFA_ENCRYPTION_KEY',
        description: 'AES-256-GCM key of TOTP secrets at rest (64 hex characters)',
        // Only 0-9 and a-f remain: 64 of them are the 32-byte key in hex.
        generateSecretString: {
          passwordLength: 64,
          excludePunctuation: true,
          excludeUppercase: true,
          excludeCharacters: 'ghijklmnopqrstuvwxyz',
        },
      }),
      STRIPE_SECRET_KEY: new secretsmanager.Secret(this, 'StripeSecretKey', {
        secretName: 'shop/STRIPE_SECRET_KEY',
        description:
          "Stripe's secret API key: set it with put-secret-value before the first deploy of the services",
      }),
      STRIPE_WEBHOOK_SECRET: new secretsmanager.Secret(this, 'StripeWebhookSecret', {
        secretName: 'shop/STRIPE_WEBHOOK_SECRET',
        description: "Stripe's webhook signing secret for POST /webhooks/stripe",
      }),
    } satisfies Record<AppSecret, secretsmanager.Secret>;
    const originVerify = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      secretName: 'shop/ORIGIN_VERIFY',
      description: 'The value CloudFront sends in X-Origin-Verify and the load balancer requires',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    const redisAuth = new secretsmanager.Secret(this, 'RedisAuthToken', {
      secretName: 'shop/REDIS_AUTH_TOKEN',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const searchMaster = new secretsmanager.Secret(this, 'OpenSearchMasterUser', {
      secretName: 'shop/OPENSEARCH_MASTER',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: 'shop' }),
        generateStringKey: 'password',
        passwordLength: 32,
        // OpenSearch wants every character class; these symbols are also safe in a URL.
        excludeCharacters: '"\'\\/@:?#[]%&=+ ,;`{}|<>^$!*()',
        requireEachIncludedType: true,
      },
    });

    // --- RDS for PostgreSQL: one instance, a database per service ------------------------------------------
    const dbSg = new ec2.SecurityGroup(this, 'DatabaseSg', { vpc, description: 'RDS for PostgreSQL' });
    const database = new rds.DatabaseInstance(this, 'Postgres', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceType: new ec2.InstanceType(props.dbInstanceType ?? 't4g.small'),
      vpc,
      vpcSubnets: dataSubnets,
      securityGroups: [dbSg],
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      storageType: rds.StorageType.GP3,
      credentials: rds.Credentials.fromGeneratedSecret('shop', { secretName: 'shop/DATABASE' }),
      databaseName: 'shop',
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      enablePerformanceInsights: true,
      parameters: { 'rds.force_ssl': '1' },
    });
    dbSg.addIngressRule(servicesSg, ec2.Port.tcp(5432), 'the services');
    const databaseSecret = database.secret!;

    // --- DynamoDB: the tables the services create locally, from the same definitions -------------------------
    const tables = new Map(
      allTables(TABLE_PREFIX).map((definition) => [definition.name, this.table(definition)]),
    );
    const ownTables = serviceTables(TABLE_PREFIX) as Partial<Record<ServiceSpec['name'], TableDefinition[]>>;

    // --- ElastiCache for Redis: TLS in transit, AUTH, at rest encrypted, a replica in the other zone --------
    const redisSg = new ec2.SecurityGroup(this, 'RedisSg', { vpc, description: 'ElastiCache for Redis' });
    redisSg.addIngressRule(servicesSg, ec2.Port.tcp(6379), 'the services');
    const redisSubnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'Isolated subnets of the shop',
      subnetIds: vpc.selectSubnets(dataSubnets).subnetIds,
    });
    const redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'Shop caches, sessions and login throttling',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.t4g.micro',
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: redisAuth.secretValue.unsafeUnwrap(),
      cacheSubnetGroupName: redisSubnets.ref,
      securityGroupIds: [redisSg.securityGroupId],
      snapshotRetentionLimit: 3,
      port: 6379,
    });

    // --- OpenSearch: in the VPC, encrypted, HTTPS only, fine-grained access with an internal master user ------
    const searchSg = new ec2.SecurityGroup(this, 'OpenSearchSg', { vpc, description: 'OpenSearch domain' });
    searchSg.addIngressRule(servicesSg, ec2.Port.tcp(443), 'the catalog');
    const search = new opensearch.Domain(this, 'Search', {
      version: opensearch.EngineVersion.OPENSEARCH_2_17,
      vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      securityGroups: [searchSg],
      capacity: { dataNodes: 2, dataNodeInstanceType: 't3.small.search', multiAzWithStandbyEnabled: false },
      zoneAwareness: { enabled: true, availabilityZoneCount: 2 },
      ebs: { volumeSize: 10, volumeType: ec2.EbsDeviceVolumeType.GP3 },
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2,
      fineGrainedAccessControl: {
        masterUserName: 'shop',
        masterUserPassword: searchMaster.secretValueFromJson('password'),
      },
      logging: {
        slowSearchLogEnabled: true,
        slowIndexLogEnabled: true,
        appLogEnabled: true,
        auditLogEnabled: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      search,
      'AwsSolutions-OS3',
      'The domain is reachable only inside the VPC, from the services security group; fine-grained access control authenticates each request.',
    );
    acknowledge(
      search,
      'AwsSolutions-IAM5',
      "CDK sets the log groups' resource policy through the CloudWatch Logs API, which has no resource-level permissions.",
      ['Resource::*'],
    );
    // Requests are unsigned; fine-grained access control authenticates each one with the internal user.
    search.addAccessPolicies(
      new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()],
        actions: ['es:ESHttp*'],
        resources: [`${search.domainArn}/*`],
      }),
    );

    // --- the event bus: one topic, a queue (with its dead-letter queue) per consumer ---------------------------
    const busKey = new kms.Key(this, 'EventBusKey', {
      description: 'Shop event topic and queues',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SNS must use the key to deliver to the encrypted queues.
    busKey.grant(new iam.ServicePrincipal('sns.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new sns.Topic(this, 'EventTopic', {
      topicName: EVENT_TOPIC_NAME,
      masterKey: busKey,
      enforceSSL: true,
    });
    const queues = new Map<string, sqs.Queue>();
    const queueWithDlq = (name: string, visibilityTimeout: Duration): sqs.Queue => {
      const dlq = new sqs.Queue(this, `${pascal(name)}Dlq`, {
        queueName: `${name}-dlq`,
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: busKey,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      const queue = new sqs.Queue(this, pascal(name), {
        queueName: name,
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: busKey,
        enforceSSL: true,
        visibilityTimeout,
        deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
      });
      topic.addSubscription(new subscriptions.SqsSubscription(queue, { rawMessageDelivery: true }));
      queues.set(name, queue);
      queues.set(`${name}-dlq`, dlq);
      return queue;
    };
    // The Lambda's queue hides a message for six times the function's timeout, as Lambda advises.
    const consumerQueues = EVENT_CONSUMERS.map((consumer) => ({
      ...consumer,
      queue: queueWithDlq(
        `${EVENT_QUEUE_PREFIX}${consumer.group}-events`,
        Duration.seconds(consumer.readers.includes('notifications-lambda') ? 180 : 60),
      ),
    }));
    const queuesReadBy = (reader: (typeof EVENT_CONSUMERS)[number]['readers'][number]) =>
      consumerQueues.filter((c) => c.readers.includes(reader)).map((c) => c.queue);

    // --- email (SES) and the notification Lambda, fed by its own queue ------------------------------------------
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZoneId,
      zoneName: props.hostedZoneName,
    });
    const emailIdentity = new ses.EmailIdentity(this, 'EmailIdentity', {
      identity: ses.Identity.publicHostedZone(zone),
    });
    const emailFrom = `Shop <no-reply@${props.hostedZoneName}>`;
    // The Lambda records each email it sent in the orders database; it reads the URL through DATABASE_URL_ARN.
    // The secret's value is put together by CloudFormation from the database's own secret (no password here).
    const ordersDatabaseUrl = new secretsmanager.Secret(this, 'OrdersDatabaseUrl', {
      secretName: 'shop/ORDERS_DATABASE_URL',
      description: 'The orders database URL for the notification Lambda',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'postgres://shop:',
          databaseSecret.secretValueFromJson('password').unsafeUnwrap(),
          `@${database.dbInstanceEndpointAddress}:${database.dbInstanceEndpointPort}/orders?sslmode=no-verify`,
        ]),
      ),
    });
    const notifications = new lambda.Function(this, 'Notifications', {
      functionName: 'shop-notifications',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(props.notificationsCode),
      timeout: Duration.seconds(30),
      memorySize: 256,
      vpc,
      vpcSubnets: serviceSubnets,
      securityGroups: [servicesSg],
      environment: {
        NODE_ENV: 'production',
        SES_REGION: this.region,
        EMAIL_FROM: emailFrom,
        DATABASE_URL_ARN: ordersDatabaseUrl.secretArn,
        NODE_OPTIONS: '--enable-source-maps',
      },
      logGroup: new logs.LogGroup(this, 'NotificationsLogs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    for (const queue of queuesReadBy('notifications-lambda'))
      notifications.addEventSource(
        new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }),
      );
    emailIdentity.grantSendEmail(notifications);
    ordersDatabaseUrl.grantRead(notifications);

    // --- ECS Fargate: the gateway and the five subgraphs, reaching each other by Service Connect ---------------
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      clusterName: 'shop',
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: 'shop.internal', useForServiceConnect: true },
    });
    const urlOf = (name: string) => `http://${name}:${SERVICES.find((s) => s.name === name)!.port}`;
    const services = new Map<string, ecs.FargateService>();
    const scalings = new Map<string, ecs.ScalableTaskCount>();
    for (const spec of SERVICES) {
      const task = new ecs.FargateTaskDefinition(this, `${pascal(spec.name)}Task`, {
        family: `shop-${spec.name}`,
        cpu: spec.cpu,
        memoryLimitMiB: spec.memoryMiB,
        runtimePlatform: {
          cpuArchitecture: ecs.CpuArchitecture.X86_64,
          operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        },
      });
      const environment: Record<string, string> = {
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        PORT: String(spec.port),
        LOG_LEVEL: 'info',
        // A real shop: no demo shopper, catalog or stock.
        SEED_DEMO_DATA: 'false',
        AWS_REGION: this.region,
        DYNAMODB_TABLE_PREFIX: TABLE_PREFIX,
        // The SNS/SQS adapter on the stack's topic and queues, which it then does not make itself.
        EVENT_BUS: 'aws',
        EVENT_TOPIC: topic.topicArn,
        EVENT_PROVISION: 'false',
        EVENT_QUEUE_PREFIX,
        USERS_URL: urlOf('users'),
        CATALOG_URL: urlOf('catalog'),
        CART_URL: urlOf('cart'),
        ORDERS_URL: urlOf('orders'),
        SHIPPING_URL: urlOf('shipping'),
        SES_REGION: this.region,
        EMAIL_FROM: emailFrom,
        STOREFRONT_URL: `https://${props.domainName}`,
        PAYMENT_RETURN_URL: `https://${props.domainName}/checkout/return`,
      };
      for (const name of APP_SECRETS) {
        if (!SECRET_USERS[name].includes(spec.name)) continue;
        environment[`${name}_ARN`] = appSecrets[name].secretArn;
        appSecrets[name].grantRead(task.taskRole);
      }
      const secrets: Record<string, ecs.Secret> = {
        REDIS_AUTH_TOKEN: ecs.Secret.fromSecretsManager(redisAuth),
      };
      // The connection strings are completed at start from the injected secrets, so no password is in the template.
      const urls = [
        `REDIS_URL="rediss://:$REDIS_AUTH_TOKEN@${redis.attrPrimaryEndPointAddress}:${redis.attrPrimaryEndPointPort}"`,
      ];
      if (spec.database) {
        // node-postgres takes PGPASSWORD when the URL has none.
        secrets.PGPASSWORD = ecs.Secret.fromSecretsManager(databaseSecret, 'password');
        environment.DATABASE_URL = `postgres://shop@${database.dbInstanceEndpointAddress}:${database.dbInstanceEndpointPort}/${spec.database}?sslmode=no-verify`;
      }
      if (spec.name === 'catalog') {
        secrets.OPENSEARCH_PASSWORD = ecs.Secret.fromSecretsManager(searchMaster, 'password');
        urls.push(`OPENSEARCH_URL="https://shop:$OPENSEARCH_PASSWORD@${search.domainEndpoint}"`);
      }
      if (spec.name === 'gateway') {
        // CloudFront appends the client's address to X-Forwarded-For, the load balancer CloudFront's.
        environment.TRUSTED_PROXY_HOPS = '2';
        Object.assign(environment, gatewayEdgeEnvironment(props.gatewayEdge));
        for (const s of SERVICES.filter((x) => x.name !== 'gateway'))
          environment[`SUBGRAPH_${s.name.toUpperCase()}_URL`] = `${urlOf(s.name)}/graphql`;
      }
      for (const queue of queuesReadBy(spec.name)) queue.grantConsumeMessages(task.taskRole);
      topic.grantPublish(task.taskRole);
      busKey.grantEncryptDecrypt(task.taskRole);
      for (const definition of ownTables[spec.name] ?? [])
        tables.get(definition.name)!.grantReadWriteData(task.taskRole);
      if (['users', 'orders'].includes(spec.name)) emailIdentity.grantSendEmail(task.taskRole);

      task.addContainer('app', {
        containerName: spec.name,
        image: ecs.ContainerImage.fromEcrRepository(
          ecr.Repository.fromRepositoryName(this, `${pascal(spec.name)}Repository`, `shop-${spec.name}`),
          props.imageTag,
        ),
        entryPoint: ['sh', '-c'],
        command: [`export ${urls.join(' ')} && exec node --enable-source-maps dist/${spec.name}/index.js`],
        environment,
        secrets,
        portMappings: [{ name: spec.name, containerPort: spec.port, appProtocol: ecs.AppProtocol.http }],
        logging: ecs.LogDrivers.awsLogs({
          streamPrefix: spec.name,
          logGroup: new logs.LogGroup(this, `${pascal(spec.name)}Logs`, {
            retention: logs.RetentionDays.ONE_MONTH,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        }),
        healthCheck: {
          command: [
            'CMD',
            'node',
            '-e',
            `fetch('http://127.0.0.1:${spec.port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
          ],
          startPeriod: Duration.seconds(60),
        },
        readonlyRootFilesystem: true,
      });
      // The only places a service writes: DATA_DIR (email files when SES is off) and the temporary directory.
      for (const [volume, path] of [
        ['data', '/app/.data'],
        ['tmp', '/tmp'],
      ] as const) {
        task.addVolume({ name: volume });
        task.defaultContainer!.addMountPoints({ sourceVolume: volume, containerPath: path, readOnly: false });
      }
      acknowledge(
        task.executionRole!,
        'AwsSolutions-IAM5',
        'ecr:GetAuthorizationToken has no resource-level permissions.',
        ['Resource::*'],
      );
      const service = new ecs.FargateService(this, `${pascal(spec.name)}Service`, {
        cluster,
        serviceName: spec.name,
        taskDefinition: task,
        desiredCount: props.desiredCount ?? 2,
        minHealthyPercent: 100,
        maxHealthyPercent: 200,
        vpcSubnets: serviceSubnets,
        securityGroups: [servicesSg],
        assignPublicIp: false,
        circuitBreaker: { enable: true, rollback: true },
        serviceConnectConfiguration: {
          services: [{ portMappingName: spec.name, dnsName: spec.name, port: spec.port }],
        },
      });
      const scaling = service.autoScaleTaskCount({ minCapacity: props.desiredCount ?? 2, maxCapacity: 10 });
      scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
      services.set(spec.name, service);
      scalings.set(spec.name, scaling);
    }
    servicesSg.addIngressRule(
      servicesSg,
      ec2.Port.tcpRange(4000, 4005),
      'Service Connect between the services',
    );

    // A one-off task that creates each service's database if missing; the services migrate their own at start.
    const dbInit = new ecs.FargateTaskDefinition(this, 'DatabaseInitTask', {
      family: 'shop-db-init',
      cpu: 256,
      memoryLimitMiB: 512,
    });
    const databases = SERVICES.flatMap((s) => (s.database ? [s.database] : []));
    dbInit.addContainer('psql', {
      containerName: 'psql',
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/postgres:16-alpine'),
      command: [
        'sh',
        '-c',
        `for db in ${databases.join(' ')}; do psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql -c "CREATE DATABASE $db" || exit 1; done`,
      ],
      environment: {
        PGHOST: database.dbInstanceEndpointAddress,
        PGPORT: database.dbInstanceEndpointPort,
        PGUSER: 'shop',
        PGDATABASE: 'shop',
        PGSSLMODE: 'require',
      },
      secrets: { PGPASSWORD: ecs.Secret.fromSecretsManager(databaseSecret, 'password') },
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'db-init',
        logGroup: new logs.LogGroup(this, 'DatabaseInitLogs', {
          retention: logs.RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      }),
    });
    acknowledge(
      dbInit.executionRole!,
      'AwsSolutions-IAM5',
      'ecr:GetAuthorizationToken has no resource-level permissions.',
      ['Resource::*'],
    );
    new CfnOutput(this, 'ClusterName', { value: cluster.clusterName });
    new CfnOutput(this, 'ServicesSubnets', { value: vpc.selectSubnets(serviceSubnets).subnetIds.join(',') });
    new CfnOutput(this, 'ServicesSecurityGroup', { value: servicesSg.securityGroupId });

    // --- the load balancer: HTTPS, reachable only from CloudFront, and only with the origin secret -------------
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      subjectAlternativeNames: [originDomain],
      validation: acm.CertificateValidation.fromDns(zone),
    });
    const albSg = new ec2.SecurityGroup(this, 'LoadBalancerSg', {
      vpc,
      description: 'Load balancer: CloudFront only',
      allowAllOutbound: false,
    });
    albSg.addIngressRule(
      ec2.Peer.prefixList(props.cloudFrontPrefixListId),
      ec2.Port.tcp(443),
      'CloudFront origin-facing addresses',
    );
    // The load balancer's and CloudFront's access logs (CloudFront's standard logging writes with ACLs).
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: albSg,
      dropInvalidHeaderFields: true,
    });
    alb.logAccessLogs(accessLogs, 'alb');
    const listener = alb.addListener('Https', {
      port: 443,
      // Not open to the world: the security group admits CloudFront's prefix list alone.
      open: false,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      defaultAction: elbv2.ListenerAction.fixedResponse(403, {
        contentType: 'text/plain',
        messageBody: 'Forbidden',
      }),
    });
    const originSecret = originVerify.secretValue.unsafeUnwrap();
    const targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();
    // The gateway takes every path; the payment and carrier webhooks go straight to their services.
    const routes: { service: ServiceSpec['name']; paths: string[]; priority: number }[] = [
      { service: 'orders', paths: ['/webhooks/stripe'], priority: 10 },
      { service: 'shipping', paths: ['/webhooks/carriers/*'], priority: 20 },
      { service: 'gateway', paths: ['/*'], priority: 100 },
    ];
    for (const route of routes) {
      const spec = SERVICES.find((s) => s.name === route.service)!;
      const targetGroup = new elbv2.ApplicationTargetGroup(this, `${pascal(spec.name)}Targets`, {
        vpc,
        port: spec.port,
        protocol: elbv2.ApplicationProtocol.HTTP,
        targetType: elbv2.TargetType.IP,
        targets: [services.get(spec.name)!],
        healthCheck: { path: spec.name === 'gateway' ? '/ready' : '/health', healthyHttpCodes: '200' },
        deregistrationDelay: Duration.seconds(30),
      });
      listener.addTargetGroups(`${pascal(spec.name)}Route`, {
        targetGroups: [targetGroup],
        priority: route.priority,
        conditions: [
          elbv2.ListenerCondition.pathPatterns(route.paths),
          elbv2.ListenerCondition.httpHeader(ORIGIN_VERIFY_HEADER, [originSecret]),
        ],
      });
      servicesSg.addIngressRule(albSg, ec2.Port.tcp(spec.port), `load balancer to ${spec.name}`);
      albSg.addEgressRule(servicesSg, ec2.Port.tcp(spec.port), `load balancer to ${spec.name}`);
      targetGroups.set(spec.name, targetGroup);
    }
    const gatewayTargets = targetGroups.get('gateway')!;
    scalings
      .get('gateway')!
      .scaleOnRequestCount('Requests', { requestsPerTarget: 1000, targetGroup: gatewayTargets });
    new route53.ARecord(this, 'OriginRecord', {
      zone,
      recordName: originDomain,
      target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)),
    });

    // --- WAF on CloudFront ----------------------------------------------------------------------------------------
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'shop-web-acl',
        sampledRequestsEnabled: true,
      },
      rules: webAclRules(props.rateLimitPer5Minutes ?? 2000, props.maxBodyBytes ?? 16 * 1024),
    });

    // --- CloudFront: GET persisted queries cached as the answers say, POST passed through, explorer files cached --
    const graphqlCache = new cloudfront.CachePolicy(this, 'GraphqlCachePolicy', {
      cachePolicyName: 'shop-graphql',
      comment:
        'GET /graphql (persisted queries) by query string and caller; the gateway says in Cache-Control what may be kept',
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      // A signed-in or partner answer is keyed apart from the anonymous one (and the gateway marks it private).
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization', 'X-Api-Key'),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // By the origin name the load balancer's certificate covers, not the load balancer's own DNS name.
    const origin = new origins.HttpOrigin(originDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originSecret },
    });
    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Shop GraphQL API',
      domainNames: [props.domainName],
      certificate,
      webAclId: webAcl.attrArn,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
        cachePolicy: graphqlCache,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      additionalBehaviors: {
        '/explorer/*': {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        },
        // Webhooks are never cached and carry their signatures through.
        '/webhooks/*': {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    new route53.ARecord(this, 'ShopRecord', {
      zone,
      recordName: props.domainName,
      target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)),
    });
    new route53.AaaaRecord(this, 'ShopRecordV6', {
      zone,
      recordName: props.domainName,
      target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)),
    });

    // --- alarms ------------------------------------------------------------------------------------------------------
    const alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      topicName: 'shop-alarms',
      masterKey: busKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
    alarm(
      'Alb5xx',
      alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, {
        period: Duration.minutes(1),
        statistic: 'Sum',
      }),
      10,
      'The load balancer answered 5xx',
    );
    alarm(
      'Gateway5xx',
      gatewayTargets.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: Duration.minutes(1),
        statistic: 'Sum',
      }),
      10,
      'The gateway answered 5xx',
    );
    alarm(
      'GatewayP99',
      gatewayTargets.metrics.targetResponseTime({ period: Duration.minutes(1), statistic: 'p99' }),
      2,
      'p99 latency above 2 s',
    );
    for (const [name, queue] of queues) {
      if (name.endsWith('-dlq'))
        alarm(
          `${pascal(name)}Depth`,
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
          0,
          `${name}: events that failed 5 times`,
        );
      else
        alarm(
          `${pascal(name)}Age`,
          queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
          300,
          `${name}: the oldest event waits over 5 minutes`,
        );
    }

    suppressNagFindings(this);
  }

  /** The zones given, so that nothing asks AWS which zones the account has. */
  override get availabilityZones(): string[] {
    return this.zones;
  }

  private table(definition: TableDefinition): dynamodb.Table {
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, `Table${pascal(definition.name)}`, {
      tableName: definition.name,
      partitionKey: key(definition.partitionKey),
      sortKey: definition.sortKey ? key(definition.sortKey) : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: definition.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of definition.indexes ?? [])
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: index.sortKey ? key(index.sortKey) : undefined,
        projectionType: dynamodb.ProjectionType.ALL,
      });
    return table;
  }
}

function webAclRules(rateLimit: number, maxBodyBytes: number): wafv2.CfnWebACL.RuleProperty[] {
  const visibility = (metricName: string) => ({
    cloudWatchMetricsEnabled: true,
    metricName,
    sampledRequestsEnabled: true,
  });
  const managed = (
    name: string,
    priority: number,
    excluded: string[] = [],
  ): wafv2.CfnWebACL.RuleProperty => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        // The body size rule below replaces the group's 8 KB body limit, too small for GraphQL documents.
        ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig: visibility(name),
  });
  return [
    {
      name: 'RatePerClient',
      priority: 0,
      action: { block: {} },
      statement: {
        rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
      },
      visibilityConfig: visibility('RatePerClient'),
    },
    {
      name: 'BodySizeLimit',
      priority: 1,
      action: { block: {} },
      // Webhook bodies (Stripe's events can be larger) are signed and checked by their services instead.
      statement: {
        andStatement: {
          statements: [
            {
              sizeConstraintStatement: {
                fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
                comparisonOperator: 'GT',
                size: maxBodyBytes,
                textTransformations: [{ priority: 0, type: 'NONE' }],
              },
            },
            {
              notStatement: {
                statement: {
                  byteMatchStatement: {
                    fieldToMatch: { uriPath: {} },
                    positionalConstraint: 'STARTS_WITH',
                    searchString: '/webhooks/',
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              },
            },
          ],
        },
      },
      visibilityConfig: visibility('BodySizeLimit'),
    },
    managed('AWSManagedRulesAmazonIpReputationList', 2),
    managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
    managed('AWSManagedRulesCommonRuleSet', 4, ['SizeRestrictions_BODY']),
  ];
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
