// Secrets from AWS Secrets Manager. In production a variable `<NAME>_ARN` holding a secret's ARN stands
// for `<NAME>` (INTERNAL_AUTH_SECRET_ARN for INTERNAL_AUTH_SECRET, STRIPE_SECRET_KEY_ARN, …): the
// secrets are read once, at start, before the config is parsed, so the parsed config holds the values
// and the task definition holds no secret. Errors name the variable and the ARN, never a value.
import { z } from 'zod';
import { awsClientOptions } from './aws';
import { ConfigError, optionalUrl, parseConfig } from './config';

export type Env = Record<string, string | undefined>;

const SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:.+$/;

const sourceSchema = z.object({
  /** Secrets Manager elsewhere than AWS's (moto in tests); falls back to AWS_ENDPOINT_URL. */
  SECRETS_MANAGER_ENDPOINT: optionalUrl,
  AWS_ENDPOINT_URL: optionalUrl,
});

/** `env` with every `<NAME>_ARN` that names a Secrets Manager secret replaced by `<NAME>` = the secret's string. */
export async function resolveSecrets(env: Env = process.env): Promise<Env> {
  const named = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[0].endsWith('_ARN') && SECRET_ARN.test(entry[1] ?? ''),
  );
  if (!named.length) return env;
  const source = parseConfig(sourceSchema, env);
  const endpoint = source.SECRETS_MANAGER_ENDPOINT ?? source.AWS_ENDPOINT_URL;
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  // A secret's region is the one in its ARN.
  const clients = new Map<string, InstanceType<typeof SecretsManagerClient>>();
  const client = (region: string) => {
    let found = clients.get(region);
    if (!found) clients.set(region, (found = new SecretsManagerClient(awsClientOptions(region, endpoint))));
    return found;
  };
  const resolved: Env = { ...env };
  const problems: string[] = [];
  await Promise.all(
    named.map(async ([key, arn]) => {
      const name = key.slice(0, -'_ARN'.length);
      // eslint-disable-next-line security/detect-object-injection -- name is an environment variable's own name, ending in _ARN
      if (env[name] !== undefined && env[name] !== '') {
        problems.push(`${name}: set both directly and through ${key}; keep one`);
        return;
      }
      try {
        const secret = await client(SECRET_ARN.exec(arn)![1]!).send(
          new GetSecretValueCommand({ SecretId: arn }),
        );
        if (secret.SecretString === undefined) problems.push(`${key}: the secret ${arn} has no string value`);
        // eslint-disable-next-line security/detect-object-injection -- name is an environment variable's own name, ending in _ARN
        else resolved[name] = secret.SecretString;
      } catch (error) {
        problems.push(`${key}: cannot read the secret ${arn} (${(error as Error).name})`);
      }
    }),
  );
  for (const c of clients.values()) c.destroy();
  if (problems.length) throw new ConfigError(problems.sort());
  return resolved;
}
