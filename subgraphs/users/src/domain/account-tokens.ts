// Email verification and password reset: single-use tokens, 15 minutes by default, stored as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { userError, type UserError } from '@shop/common';
import type { Context } from '../context';
import { customersRepo } from '../data/customers';
import { tokensRepo, type TokenPurpose } from '../data/security';
import { checkPasswordPolicy } from './passwords';
import { TOO_MANY_ATTEMPTS } from './throttle';
import type { Customer } from './types';
import { isValidEmail, normaliseEmail } from './validation';

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function issueToken(ctx: Context, customer: Customer, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date(ctx.deps.now());
  await ctx.deps.db.transaction(async (tx) => {
    await tokensRepo.invalidateAll(tx, customer.id, purpose, now);
    await tokensRepo.insert(tx, {
      tokenHash: hashAccountToken(token),
      customerId: customer.id,
      purpose,
      email: customer.email,
      expiresAt: new Date(now.getTime() + ctx.deps.accountTokenTtlSeconds * 1000),
    });
  });
  return token;
}

function link(ctx: Context, path: string, token: string): string {
  const url = new URL(path, ctx.deps.storefrontUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

export async function sendVerificationEmail(ctx: Context, customer: Customer): Promise<void> {
  const token = await issueToken(ctx, customer, 'VERIFY_EMAIL');
  const url = link(ctx, '/account/verify-email', token);
  const minutes = Math.round(ctx.deps.accountTokenTtlSeconds / 60);
  await ctx.deps.email.send({
    to: customer.email,
    subject: 'Confirm your email address',
    text: `Confirm your email address by opening ${url}\nor enter this code: ${token}\nIt expires in ${minutes} minutes.`,
    html: `<p>Confirm your email address: <a href="${url}">confirm</a>.</p><p>Or enter this code: <code>${token}</code></p><p>It expires in ${minutes} minutes.</p>`,
    idempotencyKey: `verify-email-${hashAccountToken(token).slice(0, 24)}`,
  });
}

/** To the owner of an address someone tried to register again: what they can do instead. */
export async function sendAccountExistsEmail(ctx: Context, customer: Customer): Promise<void> {
  const url = new URL('/account/reset-password', ctx.deps.storefrontUrl).toString();
  await ctx.deps.email.send({
    to: customer.email,
    subject: 'You already have an account',
    text: `Someone tried to create an account with this email address, which already has one. If it was you, sign in, or reset your password at ${url}. If it was not you, ignore this email: nothing changed.`,
    html: `<p>Someone tried to create an account with this email address, which already has one. If it was you, sign in, or <a href="${url}">reset your password</a>.</p><p>If it was not you, ignore this email: nothing changed.</p>`,
    idempotencyKey: `account-exists-${customer.id}-${ctx.deps.now()}`,
  });
}

export async function requestEmailVerification(
  ctx: Context,
  customer: Customer,
): Promise<{ userErrors: UserError[] }> {
  if (customer.emailVerifiedAt) {
    return { userErrors: [userError('ALREADY_VERIFIED', 'Your email address is already confirmed.')] };
  }
  if (!(await ctx.deps.limits.allowEmail(customer.email, ctx.clientIp)))
    return { userErrors: [TOO_MANY_ATTEMPTS()] };
  await sendVerificationEmail(ctx, customer);
  return { userErrors: [] };
}

const BAD_TOKEN = (field: string[]) =>
  userError('INVALID_TOKEN', 'This link is invalid or has expired. Ask for a new one.', field);

export async function verifyEmail(
  ctx: Context,
  token: string,
): Promise<{ customer: Customer | null; userErrors: UserError[] }> {
  if (token.length > 128) return { customer: null, userErrors: [BAD_TOKEN(['token'])] };
  const result = await ctx.deps.db.transaction(async (tx) => {
    const owner = await tokensRepo.consume(
      tx,
      hashAccountToken(token),
      'VERIFY_EMAIL',
      new Date(ctx.deps.now()),
    );
    // The token verifies the address it was sent to, not one the account has since changed to.
    if (!owner || !(await customersRepo.markEmailVerified(tx, owner.customerId, owner.email))) return null;
    return customersRepo.byId(tx, owner.customerId);
  });
  if (!result) return { customer: null, userErrors: [BAD_TOKEN(['token'])] };
  return { customer: result, userErrors: [] };
}

/**
 * Always answers the same, whether the email is registered or not; the email is sent in the background
 * so the response time does not tell either. The limits count the address asked for, registered or not.
 */
export async function requestPasswordReset(
  ctx: Context,
  rawEmail: string,
): Promise<{ userErrors: UserError[] }> {
  const email = normaliseEmail(rawEmail);
  if (!isValidEmail(email)) {
    return { userErrors: [userError('INVALID_EMAIL', 'Enter a valid email address.', ['email'])] };
  }
  if (!(await ctx.deps.limits.allowEmail(email, ctx.clientIp))) return { userErrors: [TOO_MANY_ATTEMPTS()] };
  const work = (async () => {
    const customer = await customersRepo.byEmail(ctx.deps.db, email);
    if (!customer) return;
    const token = await issueToken(ctx, customer, 'RESET_PASSWORD');
    const url = link(ctx, '/account/reset-password', token);
    const minutes = Math.round(ctx.deps.accountTokenTtlSeconds / 60);
    await ctx.deps.email.send({
      to: customer.email,
      subject: 'Reset your password',
      text: `Someone asked to reset the password of your account. If it was you, open ${url}\nor enter this code: ${token}\nIt expires in ${minutes} minutes. If it was not you, ignore this email.`,
      html: `<p>Someone asked to reset the password of your account. If it was you, <a href="${url}">choose a new password</a>, or enter this code: <code>${token}</code></p><p>It expires in ${minutes} minutes. If it was not you, ignore this email.</p>`,
      idempotencyKey: `reset-password-${hashAccountToken(token).slice(0, 24)}`,
    });
  })();
  ctx.deps.track(
    work.catch((error: unknown) =>
      ctx.deps.logger.warn({ err: error }, 'cannot send a password reset email'),
    ),
  );
  return { userErrors: [] };
}

export async function resetPassword(
  ctx: Context,
  token: string,
  newPassword: string,
): Promise<{ customer: Customer | null; userErrors: UserError[] }> {
  const policy = checkPasswordPolicy(newPassword, ['newPassword']);
  if (policy.length) return { customer: null, userErrors: policy };
  if (token.length > 128) return { customer: null, userErrors: [BAD_TOKEN(['token'])] };
  const passwordHash = await ctx.deps.hasher.hash(newPassword);
  const customer = await ctx.deps.db.transaction(async (tx) => {
    const owner = await tokensRepo.consume(
      tx,
      hashAccountToken(token),
      'RESET_PASSWORD',
      new Date(ctx.deps.now()),
    );
    if (!owner) return null;
    await customersRepo.setPasswordHash(tx, owner.customerId, passwordHash);
    return customersRepo.byId(tx, owner.customerId);
  });
  if (!customer) return { customer: null, userErrors: [BAD_TOKEN(['token'])] };
  // Whoever held the old password is signed out, and a locked-out shopper can sign in again at once.
  await ctx.deps.sessions.revokeAllForCustomer(customer.id);
  await ctx.deps.throttle.recordSuccess(customer.email);
  return { customer, userErrors: [] };
}
