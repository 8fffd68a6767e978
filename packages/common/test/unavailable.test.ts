// Which failures are an outage (503 with Retry-After) rather than a bug (500).
import { isDatastoreUnavailable, isUnavailableAnswer } from '../src/unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('Datastore outages', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['the AWS SDK timing out', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['DynamoDB throttling', Object.assign(new Error('slow down'), { name: 'ThrottlingException' })],
    ['Postgres shutting down', withCode('57P01')],
    ['a Postgres connection exception', withCode('08006')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['ioredis with no connection', new Error('Connection is closed.')],
    ['a refusal wrapped as the cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
    ['every address refused', Object.assign(new AggregateError([withCode('ECONNREFUSED')]), {})],
    [
      'the AWS SDK wrapping a foreign error',
      new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:8000'),
    ],
  ])('When the error is %s, then it is an outage', (_, error) => {
    expect(isDatastoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a failed condition', Object.assign(new Error('no'), { name: 'ConditionalCheckFailedException' })],
    ['a unique violation', withCode('23505')],
    ['nothing', undefined],
  ])('When the error is %s, then it is not an outage', (_, error) => {
    expect(isDatastoreUnavailable(error)).toBe(false);
  });

  it('When every error is SERVICE_UNAVAILABLE and no data came back, then the answer is an outage, and not otherwise', () => {
    const unavailable = { message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    const internal = { message: 'y', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(isUnavailableAnswer(JSON.stringify({ errors: [unavailable], data: null }))).toBe(true);
    expect(isUnavailableAnswer(JSON.stringify({ errors: [unavailable], data: { cartCreate: null } }))).toBe(
      true,
    );
    expect(isUnavailableAnswer(JSON.stringify({ errors: [unavailable], data: { a: null, b: 1 } }))).toBe(
      false,
    );
    expect(isUnavailableAnswer(JSON.stringify({ errors: [unavailable, internal], data: null }))).toBe(false);
    expect(isUnavailableAnswer(JSON.stringify({ data: { a: 1 } }))).toBe(false);
  });
});
