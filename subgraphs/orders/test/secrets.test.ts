import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientOptions, ConfigError, resolveSecrets } from '@shop/common';
import { testAws } from '@shop/testkit';
import { loadConfig } from '../src/config';

const aws = testAws();
const client = new SecretsManagerClient(awsClientOptions(aws.region, aws.endpoint));

async function secret(name: string, value: string): Promise<string> {
  const out = await client.send(
    new CreateSecretCommand({ Name: `${aws.prefix}${name}`, SecretString: value }),
  );
  return out.ARN!;
}

afterAll(() => client.destroy());

describe('Secrets from AWS Secrets Manager (on moto)', () => {
  it('When production names its secrets by ARN, then they are read before the config is parsed and the config holds them', async () => {
    const internal = 'internal-secret-from-secrets-manager-0123456789';
    const env = {
      NODE_ENV: 'production',
      SECRETS_MANAGER_ENDPOINT: aws.endpoint,
      INTERNAL_AUTH_SECRET_ARN: await secret('internal', internal),
      STRIPE_SECRET_KEY_ARN: await secret('stripe', 'sk_live_from_secrets_manager'),
      STRIPE_WEBHOOK_SECRET_ARN: await secret('webhook', 'whsec_from_secrets_manager'),
      // An ARN that is no secret (the SDK's web identity role) is left alone.
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/orders',
    };
    // Without the secrets the production config is refused.
    expect(() => loadConfig(env)).toThrow(ConfigError);
    const config = loadConfig(await resolveSecrets(env));
    expect(config.INTERNAL_AUTH_SECRET).toBe(internal);
    expect(config.STRIPE_SECRET_KEY).toBe('sk_live_from_secrets_manager');
    expect(config.STRIPE_WEBHOOK_SECRET).toBe('whsec_from_secrets_manager');
    expect((await resolveSecrets(env)).AWS_ROLE_ARN).toBe(env.AWS_ROLE_ARN);
    // The environment it was given is not changed (nothing else, a child process included, sees the values).
    expect('INTERNAL_AUTH_SECRET' in env).toBe(false);
  });

  it('When a named secret cannot be read or is set twice, then start stops naming the variables and no value', async () => {
    const value = 'a-value-that-must-not-be-repeated-0123456789';
    const env = {
      AWS_ENDPOINT_URL: aws.endpoint,
      INTERNAL_AUTH_SECRET: value,
      INTERNAL_AUTH_SECRET_ARN: await secret('twice', value),
      STRIPE_SECRET_KEY_ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${aws.prefix}missing-AbCdEf`,
    };
    const error = await resolveSecrets(env).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      'INTERNAL_AUTH_SECRET: set both directly and through INTERNAL_AUTH_SECRET_ARN; keep one',
      expect.stringMatching(
        /^STRIPE_SECRET_KEY_ARN: cannot read the secret arn:.*missing-AbCdEf \(ResourceNotFoundException\)$/,
      ),
    ]);
    expect((error as Error).message).not.toContain(value);
  });

  it('When no variable names a secret, then nothing is read and the environment is used as it is', async () => {
    const env = { INTERNAL_AUTH_SECRET: 'x'.repeat(32) };
    expect(await resolveSecrets(env)).toBe(env);
  });
});
