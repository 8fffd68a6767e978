// Login throttling (OWASP Authentication cheat sheet): per account, a lock whose length doubles with each failure
// past the limit (brute force); per client address, a cap on failures in a window (password spraying).
import { createHash } from 'node:crypto';
import { clientAddressKey, loginFailures, throttledRequests, userError, type Logger } from '@shop/common';
import type { CounterStore } from '../data/counters';

export interface ThrottlePolicy {
  accountMaxFailures: number;
  accountBaseLockSeconds: number;
  accountMaxLockSeconds: number;
  ipMaxFailures: number;
  windowSeconds: number;
  /** When the counters cannot be read: let the attempt through (`open`, the default) or refuse it (`closed`). */
  failMode?: 'open' | 'closed';
}

/** The lock after the nth failure: none below the limit, then base, 2 x base, 4 x base... up to the cap. */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.accountMaxFailures) return 0;
  const doublings = Math.min(failures - policy.accountMaxFailures, 30);
  return Math.min(policy.accountBaseLockSeconds * 2 ** doublings, policy.accountMaxLockSeconds);
}

/** Emails never reach Redis in clear. */
export const accountKey = (normalisedEmail: string) =>
  createHash('sha256').update(normalisedEmail).digest('hex').slice(0, 32);

/** How long a place taken by an attempt lasts if its process dies before giving it back. */
const IN_FLIGHT_SECONDS = 60;

export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly policy: ThrottlePolicy,
    private readonly logger: Logger,
  ) {}

  /**
   * Takes a place for one credential check of this account from this client address, to be given back by
   * `done` once its failure (if any) is recorded. Attempts in progress count against what is left before the
   * lock, so checks sent at once cannot all pass before the first failure is counted; `blocked` attempts must
   * be refused unseen. A store failure lets the attempt through unless `failMode` is closed: the password check
   * still stands, and a cache outage must not lock every shopper out.
   */
  async begin(
    normalisedEmail: string,
    clientIp: string | null,
  ): Promise<{ blocked: boolean; done: () => Promise<void> }> {
    const key = accountKey(normalisedEmail);
    const held: string[] = [];
    const done = async () => {
      try {
        await Promise.all(held.map((k) => this.store.decr(k)));
      } catch (error) {
        this.logger.warn({ err: error }, 'cannot give back a login attempt');
      }
    };
    try {
      const inFlight = await this.store.incr(`login:inflight:${key}`, IN_FLIGHT_SECONDS);
      held.push(`login:inflight:${key}`);
      const ipInFlight = clientIp
        ? await this.store.incr(`login:inflight-ip:${clientAddressKey(clientIp)}`, IN_FLIGHT_SECONDS)
        : 0;
      if (clientIp) held.push(`login:inflight-ip:${clientAddressKey(clientIp)}`);
      const [locked, failures, ipFailures] = await Promise.all([
        this.store.hasFlag(`login:lock:${key}`),
        this.store.get(`login:fails:${key}`),
        clientIp ? this.store.get(`login:ip:${clientAddressKey(clientIp)}`) : Promise.resolve(0),
      ]);
      // Past the limit, each attempt after a lock runs out is let through alone.
      const accountRoom =
        failures >= this.policy.accountMaxFailures ? 1 : this.policy.accountMaxFailures - failures;
      const ipRoom = this.policy.ipMaxFailures - ipFailures;
      const blocked = locked || inFlight > accountRoom || (clientIp !== null && ipInFlight > ipRoom);
      if (blocked) throttledRequests.inc({ limit: 'login' });
      return { blocked, done };
    } catch (error) {
      const closed = this.policy.failMode === 'closed';
      this.logger.warn(
        { err: error },
        `login throttle unavailable; ${closed ? 'refusing' : 'allowing'} the attempt`,
      );
      return { blocked: closed, done };
    }
  }

  async recordFailure(normalisedEmail: string, clientIp: string | null): Promise<void> {
    loginFailures.inc();
    try {
      const key = accountKey(normalisedEmail);
      const failures = await this.store.incr(`login:fails:${key}`, this.policy.windowSeconds);
      const lock = lockSeconds(failures, this.policy);
      if (lock > 0) await this.store.setFlag(`login:lock:${key}`, lock);
      if (clientIp)
        await this.store.incr(`login:ip:${clientAddressKey(clientIp)}`, this.policy.windowSeconds);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot record a failed login');
    }
  }

  async recordSuccess(normalisedEmail: string): Promise<void> {
    try {
      const key = accountKey(normalisedEmail);
      await this.store.del(`login:fails:${key}`, `login:lock:${key}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot reset login failures');
    }
  }
}

/** A refusal counts on `throttled_requests_total{limit}`. */
async function counted(limit: string, allowed: Promise<boolean>): Promise<boolean> {
  const ok = await allowed;
  if (!ok) throttledRequests.inc({ limit });
  return ok;
}

/** Too many registrations or emails from one client address, or emails to one address. */
export const TOO_MANY_ATTEMPTS = () =>
  userError('THROTTLED', 'Too many attempts. Wait a while and try again.');

export interface SendPolicy {
  /** Registrations from one client address per window. */
  registerIpMax: number;
  /** Account emails (verification, password reset, "you already have an account") to one address per window. */
  emailAddressMax: number;
  /** Account emails asked for from one client address per window. */
  emailIpMax: number;
  windowSeconds: number;
  /** As ThrottlePolicy.failMode. */
  failMode?: 'open' | 'closed';
}

/**
 * Caps on what makes the shop do costly or visible work for whoever asks: registrations (an argon2id hash each)
 * per client address, and emails per address and per client address (so the shop cannot be made to flood a
 * mailbox). Each attempt counts, allowed or not. A store failure allows it unless `failMode` is closed, as the login throttle.
 */
export class SendLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly policy: SendPolicy,
    private readonly logger: Logger,
  ) {}

  allowRegistration(clientIp: string | null): Promise<boolean> {
    return counted(
      'registration',
      this.within([clientIp && [`register:ip:${clientAddressKey(clientIp)}`, this.policy.registerIpMax]]),
    );
  }

  allowEmail(normalisedEmail: string, clientIp: string | null): Promise<boolean> {
    return counted(
      'email',
      this.within([
        [`email:to:${accountKey(normalisedEmail)}`, this.policy.emailAddressMax],
        clientIp && [`email:ip:${clientAddressKey(clientIp)}`, this.policy.emailIpMax],
      ]),
    );
  }

  /**
   * An email change (mail to the new address): capped per account as well, since its EMAIL_TAKEN answer tells
   * whether an address has an account, and a shopper's own password is all it takes to ask.
   */
  allowEmailChange(customerId: string, normalisedEmail: string, clientIp: string | null): Promise<boolean> {
    return counted(
      'email',
      this.within([
        [`email:change:${customerId}`, this.policy.emailAddressMax],
        [`email:to:${accountKey(normalisedEmail)}`, this.policy.emailAddressMax],
        clientIp && [`email:ip:${clientAddressKey(clientIp)}`, this.policy.emailIpMax],
      ]),
    );
  }

  private async within(limits: (readonly [string, number] | null | '')[]): Promise<boolean> {
    try {
      const counts = await Promise.all(
        limits.map(async (limit) =>
          limit ? (await this.store.incr(limit[0], this.policy.windowSeconds)) <= limit[1] : true,
        ),
      );
      return counts.every(Boolean);
    } catch (error) {
      const closed = this.policy.failMode === 'closed';
      this.logger.warn({ err: error }, `send limits unavailable; ${closed ? 'refusing' : 'allowing'}`);
      return !closed;
    }
  }
}
