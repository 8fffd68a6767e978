// Entry point of the shipping subgraph when it runs as its own process.
import '@shop/common/src/tracing-start';
import { runService } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { loadConfig, configSchema, type Config } from './config';
export { createService } from './service';

if (require.main === module) runService('shipping', loadConfig, createService);
