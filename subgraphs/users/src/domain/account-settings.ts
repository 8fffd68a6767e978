// What a signed-in shopper does to their own account: password change, sessions, data export, deletion.
import { assertCanAccessOwned, requireCustomer, userError, type UserError } from '@shop/common';
import type { Session } from '@shop/auth';
import { enqueueEvents } from '@shop/datastores';
import { customerDeleted, eventOf } from '@shop/contracts';
import type { Context } from '../context';
import { addressesRepo, customersRepo, EmailTakenError } from '../data/customers';
import { sendVerificationEmail } from './account-tokens';
import { checkCurrentPassword, checkEmail, currentCustomer } from './accounts';
import { checkPasswordPolicy } from './passwords';
import type { Customer } from './types';
import { TOO_MANY_ATTEMPTS } from './throttle';

export interface TokenPayload {
  customer: Customer | null;
  accessToken: string | null;
  expiresAt: string | null;
  userErrors: UserError[];
}

/**
 * Replaces every session of the customer by one new session (OWASP: a new token after a privilege
 * change), keeping the current session's "remember me" and device.
 */
export async function rotateSessions(
  ctx: Context,
  customer: Customer,
): Promise<{ accessToken: string; expiresAt: string }> {
  const principal = requireCustomer(ctx.principal);
  const current = await ctx.deps.sessions.get(principal.sessionId);
  await ctx.deps.sessions.revokeAllForCustomer(customer.id);
  const { token, session } = await ctx.deps.sessions.create({
    customerId: customer.id,
    role: customer.role,
    rememberMe: current?.rememberMe ?? false,
    device: current?.device ?? null,
  });
  return { accessToken: token, expiresAt: session.idleExpiresAt };
}

export async function changePassword(
  ctx: Context,
  currentPassword: string,
  newPassword: string,
): Promise<TokenPayload> {
  const customer = await currentCustomer(ctx);
  const denied = await checkCurrentPassword(ctx, customer, currentPassword, ['currentPassword']);
  if (denied) return { customer: null, accessToken: null, expiresAt: null, userErrors: [denied] };
  const policy = checkPasswordPolicy(newPassword, ['newPassword'], { email: customer.email });
  if (policy.length) return { customer: null, accessToken: null, expiresAt: null, userErrors: policy };
  await customersRepo.setPasswordHash(ctx.deps.db, customer.id, await ctx.deps.hasher.hash(newPassword));
  const { accessToken, expiresAt } = await rotateSessions(ctx, customer);
  return { customer, accessToken, expiresAt, userErrors: [] };
}

/**
 * Changes the sign-in email: needs the current password; the new address must be confirmed again, the old
 * one is told of the change, and every session is replaced.
 */
export async function changeEmail(
  ctx: Context,
  currentPassword: string,
  rawEmail: string,
): Promise<TokenPayload> {
  const customer = await currentCustomer(ctx);
  const denied = await checkCurrentPassword(ctx, customer, currentPassword, ['currentPassword']);
  if (denied) return { customer: null, accessToken: null, expiresAt: null, userErrors: [denied] };
  const errors: UserError[] = [];
  const email = checkEmail(rawEmail, ['email'], errors);
  if (!email) return { customer: null, accessToken: null, expiresAt: null, userErrors: errors };
  if (email === customer.email) return { customer, accessToken: null, expiresAt: null, userErrors: [] };
  if (!(await ctx.deps.limits.allowEmailChange(customer.id, email, ctx.clientIp))) {
    return { customer: null, accessToken: null, expiresAt: null, userErrors: [TOO_MANY_ATTEMPTS()] };
  }
  let updated: Customer | null;
  try {
    updated = await customersRepo.updateEmail(ctx.deps.db, customer.id, email);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    const taken = userError('EMAIL_TAKEN', 'Another account uses this email.', ['email']);
    return { customer: null, accessToken: null, expiresAt: null, userErrors: [taken] };
  }
  if (!updated) throw new Error('customer vanished during an email change');
  await Promise.all([
    sendVerificationEmail(ctx, updated),
    ctx.deps.email.send({
      to: customer.email,
      subject: 'Your sign-in email was changed',
      text: `The sign-in email of your account was changed to ${email}. If you did not do this, reset your password and contact us.`,
      html: `<p>The sign-in email of your account was changed to ${email}. If you did not do this, reset your password and contact us.</p>`,
      idempotencyKey: `email-changed-${customer.id}-${ctx.deps.now()}`,
    }),
  ]).catch((error: unknown) => ctx.deps.logger.warn({ err: error }, 'cannot send the email change messages'));
  const { accessToken, expiresAt } = await rotateSessions(ctx, updated);
  return { customer: updated, accessToken, expiresAt, userErrors: [] };
}

export interface SessionView {
  id: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

function toView(ctx: Context, session: Session): SessionView {
  const currentId = ctx.principal.kind === 'customer' ? ctx.principal.sessionId : null;
  return {
    id: session.id,
    device: session.device,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt:
      session.idleExpiresAt < session.absoluteExpiresAt ? session.idleExpiresAt : session.absoluteExpiresAt,
    current: session.id === currentId,
  };
}

export async function listSessions(ctx: Context): Promise<SessionView[]> {
  const principal = requireCustomer(ctx.principal);
  const sessions = await ctx.deps.sessions.listForCustomer(principal.customerId);
  return sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((s) => toView(ctx, s));
}

export async function revokeSession(
  ctx: Context,
  id: string,
): Promise<{ revokedSessionId: string | null; userErrors: UserError[] }> {
  requireCustomer(ctx.principal);
  const session = /^[0-9a-f]{64}$/.test(id) ? await ctx.deps.sessions.get(id) : null;
  assertCanAccessOwned(ctx.principal, session?.customerId);
  await ctx.deps.sessions.revoke(id);
  return { revokedSessionId: id, userErrors: [] };
}

/** Everything this subgraph holds on the shopper, as one JSON document (GDPR art. 15 and 20). */
export async function exportData(ctx: Context): Promise<{ generatedAt: string; json: string }> {
  const customer = await currentCustomer(ctx);
  const [addresses, sessions, recoveryCodesLeft] = await Promise.all([
    addressesRepo.forCustomers(ctx.deps.db, [customer.id]),
    ctx.deps.sessions.listForCustomer(customer.id),
    customersRepo.unusedRecoveryCodeCount(ctx.deps.db, customer.id),
  ]);
  const generatedAt = new Date(ctx.deps.now()).toISOString();
  const document = {
    generatedAt,
    customer: {
      id: customer.id,
      email: customer.email,
      emailVerifiedAt: customer.emailVerifiedAt,
      firstName: customer.firstName,
      lastName: customer.lastName,
      role: customer.role,
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
      mfa: { enabled: customer.mfaSecretEnc !== null, enabledAt: customer.mfaEnabledAt, recoveryCodesLeft },
    },
    addresses: addresses.map(({ customerId: _c, ...address }) => address),
    sessions: sessions.map(({ device, createdAt, lastSeenAt, idleExpiresAt, rememberMe }) => ({
      device,
      createdAt,
      lastSeenAt,
      expiresAt: idleExpiresAt,
      rememberMe,
    })),
  };
  return { generatedAt, json: JSON.stringify(document) };
}

/**
 * Erases the account (addresses, tokens and recovery codes go with it by cascade) and its sessions.
 * `customer.deleted` lets the services that keep orders anonymise what the law makes them keep.
 */
export async function deleteAccount(
  ctx: Context,
  currentPassword: string,
): Promise<{ deletedCustomerId: string | null; userErrors: UserError[] }> {
  const customer = await currentCustomer(ctx);
  const denied = await checkCurrentPassword(ctx, customer, currentPassword, ['currentPassword']);
  if (denied) return { deletedCustomerId: null, userErrors: [denied] };
  await ctx.deps.db.transaction(async (tx) => {
    await customersRepo.delete(tx, customer.id);
    await enqueueEvents(tx, [eventOf(customerDeleted, { customerId: customer.id })]);
  });
  ctx.deps.kickOutbox();
  await ctx.deps.sessions.revokeAllForCustomer(customer.id);
  return { deletedCustomerId: customer.id, userErrors: [] };
}
