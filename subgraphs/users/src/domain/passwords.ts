// The password policy (NIST SP 800-63B 5.1.1.2) and the argon2id hasher (OWASP Password Storage cheat sheet).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { userError, type UserError } from '@shop/common';

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;

let common: Set<string> | undefined;

/** The bundled list (data/common-passwords.txt, see scripts/generate-common-passwords.ts), loaded once. */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
    readFileSync(join(__dirname, '..', '..', 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
}

/**
 * Length 12..128 counted in code points, no composition rules, and not a known common password nor
 * built from the account's own email. Returns the problems as userErrors on `field`.
 */
export function checkPasswordPolicy(
  password: string,
  field: string[],
  context: { email?: string } = {},
): UserError[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD) {
    return [userError('PASSWORD_TOO_SHORT', `Use at least ${MIN_PASSWORD} characters.`, field)];
  }
  if (length > MAX_PASSWORD) {
    return [userError('PASSWORD_TOO_LONG', `Use at most ${MAX_PASSWORD} characters.`, field)];
  }
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered)) {
    return [
      userError(
        'PASSWORD_TOO_COMMON',
        'This password is too common. Choose another, such as a few unrelated words.',
        field,
      ),
    ];
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (
    context.email &&
    (lowered === context.email.toLowerCase() ||
      (local && local.length >= 4 && lowered.includes(local) && lowered.length - local.length < 6))
  ) {
    return [userError('PASSWORD_TOO_COMMON', 'Do not use your email address in your password.', field)];
  }
  return [];
}

/** OWASP's minimum for argon2id: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Verifies against a fixed hash, so an unknown email costs as much time as a known one. */
  verifyDummy(password: string): Promise<void>;
  /**
   * Waits as long as a verification takes lately, without computing one: a throttled attempt answers no sooner
   * than a wrong password, yet costs no CPU however many arrive.
   */
  waitLikeVerify(): Promise<void>;
}

/** The median of the last verifications' durations (ms), which waitLikeVerify waits. */
class DurationWindow {
  private readonly samples: number[] = [];
  constructor(
    private readonly size: number,
    private readonly fallback: number,
  ) {}
  add(ms: number) {
    this.samples.push(ms);
    if (this.samples.length > this.size) this.samples.shift();
  }
  median(): number {
    if (!this.samples.length) return this.fallback;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }
}

export async function createPasswordHasher(): Promise<PasswordHasher> {
  const started = performance.now();
  const dummyHash = await argon2.hash('dummy password for timing parity', ARGON2_OPTIONS);
  const durations = new DurationWindow(31, performance.now() - started);
  const verify = async (hash: string, password: string) => {
    const t = performance.now();
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    } finally {
      durations.add(performance.now() - t);
    }
  };
  return {
    hash: (password) => argon2.hash(password, ARGON2_OPTIONS),
    verify,
    verifyDummy: async (password) => {
      await verify(dummyHash, password);
    },
    waitLikeVerify: () => new Promise((resolve) => setTimeout(resolve, durations.median())),
  };
}
