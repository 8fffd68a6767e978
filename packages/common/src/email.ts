// The email port: files under a folder locally (open them to read what a shopper would get), Amazon SES in production.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { awsClientOptions } from './aws';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Makes a send idempotent: the same key twice is one email. */
  idempotencyKey?: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Writes each email as a JSON file named by its idempotency key, so a duplicate send overwrites, never doubles. */
export class FileEmailSender implements EmailSender {
  constructor(private readonly dir: string) {}

  async send(message: EmailMessage): Promise<void> {
    const partialDir = join(this.dir, '.partial');
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the mail directory is DATA_DIR configuration
    await mkdir(partialDir, { recursive: true });
    const name = (message.idempotencyKey ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(
      /[^\w.-]/g,
      '_',
    );
    // Written aside, then renamed into place: whoever watches the folder never sees half an email.
    const partial = join(partialDir, `${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file name is a random UUID under the configured mail directory
    await writeFile(partial, JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2));
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file name is a random UUID under the configured mail directory
    await rename(partial, join(this.dir, `${name}.json`));
  }
}

/** Amazon SES (v2 API): the production sender. Credentials come from the AWS default chain. */
export class SesEmailSender implements EmailSender {
  private readonly client: import('@aws-sdk/client-sesv2').SESv2Client;

  constructor(
    region: string,
    private readonly from: string,
    endpoint?: string,
  ) {
    // Loaded lazily so services that never send through SES do not load the SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SESv2Client } = require('@aws-sdk/client-sesv2') as typeof import('@aws-sdk/client-sesv2');
    this.client = new SESv2Client(awsClientOptions(region, endpoint));
  }

  async send(message: EmailMessage): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SendEmailCommand } = require('@aws-sdk/client-sesv2') as typeof import('@aws-sdk/client-sesv2');
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              Html: { Data: message.html, Charset: 'UTF-8' },
            },
          },
        },
        // Lets SES events be matched back to the notification that sent them.
        EmailTags: message.idempotencyKey
          ? [{ Name: 'notification', Value: message.idempotencyKey.replace(/[^\w-]/g, '_').slice(0, 256) }]
          : undefined,
      }),
    );
  }
}

/** SES when a region is configured, otherwise files under `<dataDir>/mail` to open and read. */
export function createEmailSender(options: {
  sesRegion?: string;
  sesEndpoint?: string;
  from: string;
  dataDir: string;
}): EmailSender {
  if (options.sesRegion) return new SesEmailSender(options.sesRegion, options.from, options.sesEndpoint);
  return new FileEmailSender(join(options.dataDir, 'mail'));
}

/** The sender a service's config asks for (SES_REGION, SES_ENDPOINT or AWS_ENDPOINT_URL, EMAIL_FROM, DATA_DIR). */
export function emailSenderFor(config: {
  SES_REGION?: string;
  SES_ENDPOINT?: string;
  AWS_ENDPOINT_URL?: string;
  EMAIL_FROM: string;
  DATA_DIR: string;
}): EmailSender {
  return createEmailSender({
    sesRegion: config.SES_REGION,
    sesEndpoint: config.SES_ENDPOINT ?? config.AWS_ENDPOINT_URL,
    from: config.EMAIL_FROM,
    dataDir: config.DATA_DIR,
  });
}
