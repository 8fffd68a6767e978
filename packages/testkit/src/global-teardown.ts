import { stopTestMoto } from './moto';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamoLocal?: { stop: () => Promise<void> } }).__dynamoLocal?.stop();
  await (globalThis as { __openSearchLocal?: { stop: () => Promise<void> } }).__openSearchLocal?.stop();
  await stopTestMoto();
}
