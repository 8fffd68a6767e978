import { startDynamoLocal } from '@shop/datastores';
async function main() {
  const d = await startDynamoLocal({ port: 18765 });
  console.log('dynamo up', d.endpoint);
  await new Promise((r) => setTimeout(r, 60_000));
  await d.stop();
}
void main();
