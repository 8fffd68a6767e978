// The order emails as an AWS Lambda on the `orders-notifications` SQS queue. The queue is subscribed to
// the event topic with raw message delivery, so each record's body is one event as the outbox published it.
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createLogger, emailSenderFor, parseConfig, resolveSecrets, type Logger } from '@shop/common';
import { openSqlDatabase, parseEventMessage, type DomainEvent } from '@shop/datastores';
import { notificationsConfigSchema } from '../config';
import { createNotifier } from '../notifications';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/**
 * Handles a batch record by record. A record that fails (a body that is no event, a database or SES
 * error) is reported alone in `batchItemFailures`: SQS deletes the others and delivers it again, until
 * the queue's redrive moves it to the dead-letter queue. A record seen before sends nothing again.
 */
export function createSqsNotificationHandler(
  notify: (event: DomainEvent) => Promise<void>,
  logger: Logger,
): SqsHandler {
  return async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await notify(parseEventMessage(record.body));
      } catch (error) {
        logger.warn(
          { err: error, messageId: record.messageId, receives: record.attributes.ApproximateReceiveCount },
          'order notification failed; SQS will deliver it again',
        );
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

let container: Promise<SqsHandler> | undefined;

/** Opened once per Lambda container: secrets, config, the database pool and the SES client. */
async function start(): Promise<SqsHandler> {
  const config = parseConfig(notificationsConfigSchema, await resolveSecrets());
  const logger = createLogger('orders-notifications', config.LOG_LEVEL);
  const db = await openSqlDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'orders', 'pglite'),
  });
  return createSqsNotificationHandler(createNotifier({ db, email: emailSenderFor(config) }), logger);
}

export const handler: SqsHandler = async (event) => {
  container ??= start();
  // A container that could not start tries again on its next invocation; this batch is retried whole.
  container.catch(() => (container = undefined));
  return (await container)(event);
};
