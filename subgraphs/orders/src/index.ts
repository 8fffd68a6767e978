// Entry point of the orders subgraph when it runs as its own process.
import '@shop/common/src/tracing-start';
import { runService } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { createService, type OrdersServiceHandle } from './service';
export { loadConfig, configSchema, type Config } from './config';

if (require.main === module) runService('orders', loadConfig, createService);
