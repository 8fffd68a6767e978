// MFA enrolment: a pending secret, confirmed by a first code, which turns MFA on, issues recovery codes
// and replaces every session.
import { userError, type UserError } from '@shop/common';
import type { Context } from '../context';
import { customersRepo } from '../data/customers';
import { acceptTotp, checkCurrentPassword, currentCustomer } from './accounts';
import { rotateSessions } from './account-settings';
import {
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  otpauthUrl,
  sealSecret,
} from './mfa';
import type { Customer } from './types';

export async function enrollMfa(
  ctx: Context,
  currentPassword: string | null | undefined,
): Promise<{ secret: string | null; otpauthUrl: string | null; userErrors: UserError[] }> {
  const customer = await currentCustomer(ctx);
  if (customer.mfaSecretEnc) {
    return {
      secret: null,
      otpauthUrl: null,
      userErrors: [userError('MFA_ALREADY_ENABLED', 'Two-step verification is already on.')],
    };
  }
  const denied = await checkCurrentPassword(ctx, customer, currentPassword, ['currentPassword']);
  if (denied) return { secret: null, otpauthUrl: null, userErrors: [denied] };
  const secret = newTotpSecret();
  await customersRepo.setPendingMfaSecret(
    ctx.deps.db,
    customer.id,
    sealSecret(ctx.deps.mfaKey, secret, customer.id),
  );
  return { secret, otpauthUrl: otpauthUrl(secret, customer.email, ctx.deps.mfaIssuer), userErrors: [] };
}

export interface MfaConfirmPayload {
  customer: Customer | null;
  recoveryCodes: string[] | null;
  accessToken: string | null;
  expiresAt: string | null;
  userErrors: UserError[];
}

const failed = (error: UserError): MfaConfirmPayload => ({
  customer: null,
  recoveryCodes: null,
  accessToken: null,
  expiresAt: null,
  userErrors: [error],
});

export async function confirmMfa(ctx: Context, code: string): Promise<MfaConfirmPayload> {
  const customer = await currentCustomer(ctx);
  const pending = customer.mfaPendingSecretEnc;
  if (!pending)
    return failed(userError('MFA_NOT_ENROLLED', 'Start the set-up of two-step verification first.'));
  const wrong = failed(userError('INVALID_MFA_CODE', 'The verification code is wrong.', ['code']));
  const attempt = await ctx.deps.throttle.begin(customer.email, ctx.clientIp);
  let step: number | null;
  try {
    if (attempt.blocked) return wrong;
    step = matchTotpStep(openSecret(ctx.deps.mfaKey, pending, customer.id), code.trim(), ctx.deps.now());
    if (step === null) {
      await ctx.deps.throttle.recordFailure(customer.email, ctx.clientIp);
      return wrong;
    }
  } finally {
    await attempt.done();
  }
  const recoveryCodes = newRecoveryCodes();
  const enabled = await ctx.deps.db.transaction(async (tx) => {
    const updated = await customersRepo.enableMfa(tx, customer.id, pending, step);
    if (updated)
      await customersRepo.replaceRecoveryCodes(tx, customer.id, recoveryCodes.map(hashRecoveryCode));
    return updated;
  });
  // A concurrent re-enrolment replaced the pending secret: this code no longer belongs to it.
  if (!enabled)
    return failed(userError('MFA_NOT_ENROLLED', 'Start the set-up of two-step verification again.'));
  const { accessToken, expiresAt } = await rotateSessions(ctx, enabled);
  return { customer: enabled, recoveryCodes, accessToken, expiresAt, userErrors: [] };
}

export async function disableMfa(
  ctx: Context,
  currentPassword: string,
  code: string,
): Promise<MfaConfirmPayload> {
  const customer = await currentCustomer(ctx);
  if (!customer.mfaSecretEnc) return failed(userError('MFA_NOT_ENABLED', 'Two-step verification is off.'));
  const denied = await checkCurrentPassword(ctx, customer, currentPassword, ['currentPassword']);
  if (denied) return failed(denied);
  const codeOk =
    (await acceptTotp(ctx, customer, code.trim())) ||
    (await customersRepo.useRecoveryCode(ctx.deps.db, customer.id, hashRecoveryCode(code.slice(0, 64))));
  if (!codeOk) {
    // A wrong code counts as a failed login: a stolen session and password cannot guess codes without limit.
    await ctx.deps.throttle.recordFailure(customer.email, ctx.clientIp);
    return failed(
      userError('INVALID_MFA_CODE', 'The verification code is wrong or was already used.', ['code']),
    );
  }
  await customersRepo.disableMfa(ctx.deps.db, customer.id);
  const updated = (await customersRepo.byId(ctx.deps.db, customer.id))!;
  const { accessToken, expiresAt } = await rotateSessions(ctx, updated);
  return { customer: updated, recoveryCodes: null, accessToken, expiresAt, userErrors: [] };
}
