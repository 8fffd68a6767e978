// Overload protection: past an event-loop delay or an in-flight bound a service answers 503 at once, with
// Retry-After, instead of queueing without bound. The delay is Node's own monitorEventLoopDelay histogram.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface LoadLimits {
  /** The largest event-loop delay (ms) seen in the last sampling window past which requests are refused; 0: off. */
  maxEventLoopDelayMs: number;
  /** Requests in progress at once past which new ones are refused; 0: off. */
  maxInFlight: number;
}

/** What an app gets when it is given no limits (a service's config gives them through loadLimitsOf). */
export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxEventLoopDelayMs: 0, maxInFlight: 2000 };

/** Seconds an overloaded service asks a client to wait. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;

const SAMPLE_MS = 100;

export class LoadShedder {
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refuseUntil = 0;
  inFlight = 0;

  constructor(private readonly limits: LoadLimits) {
    if (limits.maxEventLoopDelayMs > 0) {
      const histogram = (this.histogram = monitorEventLoopDelay({ resolution: 10 }));
      histogram.enable();
      let last = performance.now();
      // Each window's worst delay (the histogram's, or this timer's own lateness): a loop that stalled for N ms
      // past the bound turns requests away for the next N ms, while it works off what queued up meanwhile.
      this.timer = setInterval(() => {
        const now = performance.now();
        const delayMs = Math.max(histogram.max / 1e6, now - last - SAMPLE_MS);
        last = now;
        histogram.reset();
        if (delayMs > limits.maxEventLoopDelayMs) this.refuseUntil = Date.now() + delayMs;
      }, SAMPLE_MS);
      this.timer.unref();
    }
  }

  /** Why a new request should be refused now, or null to take it. */
  refusal(): 'event loop delay' | 'in-flight requests' | null {
    if (this.refuseUntil > Date.now()) return 'event loop delay';
    if (this.limits.maxInFlight > 0 && this.inFlight >= this.limits.maxInFlight) return 'in-flight requests';
    return null;
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram?.disable();
  }
}
