// The gateway's partner-edge settings as every deployment must pass them: the names the gateway reads
// (its config schema) and the values the deployments give by default.
import { configSchema } from '../gateway/src/config';

export const edgeSettings = configSchema.pick({
  SAFELIST_MODE: true,
  MAX_QUERY_COST: true,
  COST_EXTENSION: true,
  THROTTLE: true,
  THROTTLE_ANONYMOUS_COST_PER_SECOND: true,
  THROTTLE_SHOPPER_COST_PER_SECOND: true,
  THROTTLE_PARTNER_COST_PER_SECOND: true,
  THROTTLE_BUCKET_SECONDS: true,
});

export const DEPLOYED_EDGE = {
  SAFELIST_MODE: 'log',
  MAX_QUERY_COST: 20_000,
  COST_EXTENSION: true,
  THROTTLE: true,
  THROTTLE_ANONYMOUS_COST_PER_SECOND: 1000,
  THROTTLE_SHOPPER_COST_PER_SECOND: 2000,
  THROTTLE_PARTNER_COST_PER_SECOND: 1000,
  THROTTLE_BUCKET_SECONDS: 20,
};
