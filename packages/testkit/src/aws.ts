// The AWS services of a test: moto (started by the global setup), a name prefix per suite, and what
// moto's SES recorded as sent.
import { randomBytes } from 'node:crypto';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { awsClientOptions } from '@shop/common';

export const TEST_AWS_REGION = 'us-east-1';

export interface TestAws {
  endpoint: string;
  region: string;
  /** A resource-name prefix no other suite uses (topics, queues, secrets). */
  prefix: string;
}

export function testAws(): TestAws {
  const endpoint = process.env.TEST_AWS_ENDPOINT;
  if (!endpoint)
    throw new Error('TEST_AWS_ENDPOINT is not set: run tests through jest (global setup starts moto)');
  return { endpoint, region: TEST_AWS_REGION, prefix: `t${randomBytes(5).toString('hex')}-` };
}

/** SES sends only from a verified identity; moto verifies one at once. */
export async function verifySesSender(endpoint: string, address: string): Promise<void> {
  const ses = new SESv2Client(awsClientOptions(TEST_AWS_REGION, endpoint));
  try {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'AlreadyExistsException') throw error;
  } finally {
    ses.destroy();
  }
}

export interface SentEmail {
  id: string;
  source: string;
  subject: string;
  body: string;
  destinations: { ToAddresses?: string[] };
}

/** The emails moto's SES accepted for `to`, from its state dump. */
export async function sesSentTo(endpoint: string, to: string): Promise<SentEmail[]> {
  const response = await fetch(`${endpoint}/moto-api/data.json`);
  if (!response.ok) throw new Error(`moto state: HTTP ${response.status}`);
  const state = (await response.json()) as { ses?: { Message?: SentEmail[] } };
  return (state.ses?.Message ?? []).filter((m) => m.destinations.ToAddresses?.includes(to));
}
