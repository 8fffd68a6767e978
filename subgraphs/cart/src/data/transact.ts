// TransactWriteItems with the retry policy every stock change shares: conflicts are retried with
// backoff and jitter, failed conditions are not (they are answers, not accidents).
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Dynamo } from '@shop/datastores';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface CancellationReason {
  Code?: string;
  Item?: Record<string, { N?: string; S?: string }>;
}

/** A transaction refused because a condition did not hold; `reasons` is in the order of the items. */
export class ConditionFailed extends Error {
  constructor(readonly reasons: CancellationReason[]) {
    super('transaction condition failed');
  }

  failedAt(index: number): boolean {
    // eslint-disable-next-line security/detect-object-injection -- index is the position of an item in the transaction the service built
    return this.reasons[index]?.Code === 'ConditionalCheckFailed';
  }
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap, so contending writers spread out. */
export function backoffMs(attempt: number, baseMs = 15, capMs = 800): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export async function transactWrite(
  dynamo: Dynamo,
  items: TransactItem[],
  options: { clientRequestToken?: string; maxAttempts?: number } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 12;
  // The same input object on every attempt: with a ClientRequestToken, a changed input would be a mismatch.
  const input: TransactWriteCommandInput = {
    TransactItems: items,
    ClientRequestToken: options.clientRequestToken,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamo.doc.send(new TransactWriteCommand(input));
      return;
    } catch (error) {
      const name = errorName(error);
      if (name === 'TransactionCanceledException') {
        const reasons = (
          (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []
        ).map((r) => ({
          Code: r.Code,
          Item: r.Item,
        }));
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new ConditionFailed(reasons);
        const retryable =
          reasons.length === 0 ||
          reasons.every(
            (r) => r.Code === 'None' || r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError',
          );
        if (!retryable || attempt + 1 >= maxAttempts) throw error;
      } else if (
        name === 'TransactionConflictException' ||
        name === 'TransactionInProgressException' ||
        name === 'ThrottlingException'
      ) {
        if (attempt + 1 >= maxAttempts) throw error;
      } else {
        throw error;
      }
      await sleep(backoffMs(attempt));
    }
  }
}

export function isIdempotencyMismatch(error: unknown): boolean {
  return errorName(error) === 'IdempotentParameterMismatchException';
}

export { sleep };
