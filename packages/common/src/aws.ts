// What every AWS SDK client of the shop is built from: a region and, for a local stand-in (moto,
// DynamoDB Local), an endpoint. A stand-in accepts any key, so one is given; on AWS the default
// credential chain (task role, Lambda role, environment) applies.
export interface AwsClientOptions {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function awsClientOptions(region: string, endpoint?: string): AwsClientOptions {
  return endpoint
    ? { region, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : { region };
}
