// The gateway's edge settings as the stack passes them (the names and defaults of gateway/src/config.ts):
// whether callers are held to published documents, the published cost, and the per-caller cost buckets.

export interface GatewayEdgeSettings {
  /**
   * `off` runs any document, `log` runs any and logs those no client published, `enforce` runs only published
   * ones (admins' sessions and the built-in sign-in excepted). `log` by default: the storefront still registers
   * its documents on first use, which `enforce` refuses.
   */
  safelistMode?: 'off' | 'log' | 'enforce';
  /** The most one request may cost. */
  maxQueryCost?: number;
  /** `extensions.cost` on every answer. */
  costExtension?: boolean;
  /** Leaky-bucket throttling of cost per caller (in the shared Redis). */
  throttle?: boolean;
  /** What each kind of caller's bucket regains per second; a partner key's costPerSecond overrides its own. */
  anonymousCostPerSecond?: number;
  shopperCostPerSecond?: number;
  partnerCostPerSecond?: number;
  /** Seconds of its rate a bucket holds. */
  bucketSeconds?: number;
}

/** The gateway task's environment for these settings. */
export function gatewayEdgeEnvironment(settings: GatewayEdgeSettings = {}): Record<string, string> {
  const mode = settings.safelistMode;
  if (mode !== undefined && !['off', 'log', 'enforce'].includes(mode))
    throw new Error(`safelistMode is off, log or enforce, not ${String(mode)}`);
  return {
    SAFELIST_MODE: settings.safelistMode ?? 'log',
    MAX_QUERY_COST: String(settings.maxQueryCost ?? 20_000),
    COST_EXTENSION: String(settings.costExtension ?? true),
    THROTTLE: String(settings.throttle ?? true),
    THROTTLE_ANONYMOUS_COST_PER_SECOND: String(settings.anonymousCostPerSecond ?? 1000),
    THROTTLE_SHOPPER_COST_PER_SECOND: String(settings.shopperCostPerSecond ?? 2000),
    THROTTLE_PARTNER_COST_PER_SECOND: String(settings.partnerCostPerSecond ?? 1000),
    THROTTLE_BUCKET_SECONDS: String(settings.bucketSeconds ?? 20),
  };
}
