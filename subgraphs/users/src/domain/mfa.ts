// TOTP (RFC 6238: 30 s steps, one step of drift either way) with secrets sealed by AES-256-GCM, and recovery codes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** Seals a secret; the customer id is bound as associated data so a sealed secret cannot be moved to another row. */
export function sealSecret(key: Buffer, secret: string, customerId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(customerId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function openSecret(key: Buffer, sealed: string, customerId: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(customerId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function otpauthUrl(secret: string, accountName: string, issuer: string): string {
  return authenticator.keyuri(accountName, issuer, secret);
}

/**
 * The time step a code belongs to, or null when it matches none within the window. The caller accepts
 * the code only if it can record this step as newer than the last one used.
 */
export function matchTotpStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = authenticator.clone({ window: TOTP_WINDOW, step: TOTP_STEP_SECONDS, epoch: now });
  const delta = totp.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS) + delta;
}

/** A code for a given moment; tests and the seed use it. */
export function totpCodeAt(secret: string, now: number): string {
  return authenticator.clone({ step: TOTP_STEP_SECONDS, epoch: now }).generate(secret);
}

/** Ten codes of 10 base32 characters (50 bits each), shown once, stored as SHA-256 hashes. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, ''),
    )
    .digest('hex');
}
