// The cdk-nag AwsSolutions findings this architecture accepts, each with its reason. Anything else fails the tests.
import type { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';

export function suppressNagFindings(stack: Stack): void {
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The app secrets (HMAC key, MFA key, Stripe keys, origin header, Redis token, OpenSearch user) and the database credentials are rotated by the operator with a coordinated redeploy: every service must switch at once.',
    },
    {
      id: 'AwsSolutions-RDS11',
      reason:
        'The default port: access is by security group from the services only; another port would hide nothing.',
    },
    {
      id: 'AwsSolutions-AEC5',
      reason:
        'The default port: access is by security group from the services only; another port would hide nothing.',
    },
    {
      id: 'AwsSolutions-OS4',
      reason:
        'Two data nodes for a small shop; dedicated master nodes would triple the domain cost. Add them past ten data nodes.',
    },
    {
      id: 'AwsSolutions-OS5',
      reason:
        'The domain is in isolated subnets and fine-grained access control authenticates every request with its internal user database.',
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Wildcards that CDK grants generate within one resource each: the indexes of a DynamoDB table, KMS data-key actions, and log streams of one log group.',
      appliesTo: [
        { regex: '/^Resource::<Table.*\\.Arn>\\/index\\/\\*$/g' },
        { regex: '/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g' },
        { regex: '/^Resource::.*:log-stream:\\*$/g' },
      ],
    },
    {
      id: 'AwsSolutions-IAM4',
      reason:
        'AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole only let the notification Lambda write its own logs and attach to the VPC.',
      appliesTo: [
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
      ],
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'The notification Lambda runs the Node.js major the services are built for (Node.js 20).',
    },
    {
      id: 'AwsSolutions-ECS2',
      reason:
        'The environment holds no secret: addresses, ARNs of Secrets Manager secrets and settings; the secrets themselves are injected by ECS from Secrets Manager.',
    },
    { id: 'AwsSolutions-CFR1', reason: 'The shop sells worldwide: no geographic restriction.' },
    {
      id: 'AwsSolutions-S1',
      reason: 'This bucket holds the access logs; logging access to it would recurse.',
    },
  ]);
}

/** Accepts one finding on one construct (and what it contains), with its reason. */
export function acknowledge(construct: IConstruct, id: string, reason: string, appliesTo?: string[]): void {
  NagSuppressions.addResourceSuppressions(
    construct,
    [{ id, reason, ...(appliesTo ? { appliesTo } : {}) }],
    true,
  );
}
