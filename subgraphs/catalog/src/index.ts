// Entry point of the catalog subgraph when it runs as its own process.
import '@shop/common/src/tracing-start';
import { runService } from '@shop/datastores';
import { loadConfig } from './config';
import { createService } from './service';

export { createService } from './service';
export { loadConfig, configSchema, type Config } from './config';
export { reindexCatalog } from './reindex';

if (require.main === module) runService('catalog', loadConfig, createService);
