// Accounts: registration, login (password, then TOTP or a recovery code), logout, reading a customer.
import {
  assertCanAccessOwned,
  readsAll,
  requireCustomer,
  userError,
  type Principal,
  type UserError,
} from '@shop/common';
import { enqueueEvents } from '@shop/datastores';
import { customerRegistered, eventOf } from '@shop/contracts';
import type { Context } from '../context';
import { customersRepo, EmailTakenError } from '../data/customers';
import { hashRecoveryCode, matchTotpStep, openSecret } from './mfa';
import { checkPasswordPolicy, MAX_PASSWORD } from './passwords';
import { TOO_MANY_ATTEMPTS } from './throttle';
import { sendAccountExistsEmail, sendVerificationEmail } from './account-tokens';
import type { Customer } from './types';
import { boundedText, isValidEmail, MAX_EMAIL, MAX_NAME, normaliseEmail } from './validation';

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface RegisterPayload {
  customer: Customer | null;
  userErrors: UserError[];
}

/** Checks an email field; returns the normalised address or pushes a userError. */
export function checkEmail(raw: string, field: string[], errors: UserError[]): string | null {
  const email = normaliseEmail(raw);
  if (email.length > MAX_EMAIL) {
    errors.push(userError('TOO_LONG', `Email must be at most ${MAX_EMAIL} characters.`, field));
    return null;
  }
  if (!isValidEmail(email)) {
    errors.push(userError('INVALID_EMAIL', 'Enter a valid email address.', field));
    return null;
  }
  return email;
}

/**
 * Answers the same for a new and a taken address (no customer, no userError, the same work: an argon2id hash
 * and an insert), so registration cannot tell who has an account; the address's owner learns which by email:
 * a confirmation link for a new account, a note that one exists for a taken address.
 */
export async function register(ctx: Context, input: RegisterInput): Promise<RegisterPayload> {
  const errors: UserError[] = [];
  const email = checkEmail(input.email, ['input', 'email'], errors);
  const firstName = boundedText(
    input.firstName,
    { field: ['input', 'firstName'], max: MAX_NAME, label: 'First name' },
    errors,
  );
  const lastName = boundedText(
    input.lastName,
    { field: ['input', 'lastName'], max: MAX_NAME, label: 'Last name' },
    errors,
  );
  errors.push(...checkPasswordPolicy(input.password, ['input', 'password'], { email: email ?? undefined }));
  if (errors.length || !email) return { customer: null, userErrors: errors };
  if (!(await ctx.deps.limits.allowRegistration(ctx.clientIp))) {
    return { customer: null, userErrors: [TOO_MANY_ATTEMPTS()] };
  }

  const passwordHash = await ctx.deps.hasher.hash(input.password);
  let created: Customer | null = null;
  try {
    created = await ctx.deps.db.transaction(async (tx) => {
      const inserted = await customersRepo.insert(tx, {
        email,
        passwordHash,
        firstName,
        lastName,
        role: 'CUSTOMER',
      });
      await enqueueEvents(tx, [
        eventOf(customerRegistered, { customerId: inserted.id, email: inserted.email }),
      ]);
      return inserted;
    });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
  }
  if (created) ctx.deps.kickOutbox();
  const customer = created;
  sendInBackground(ctx, email, 'cannot send the registration email', async () => {
    if (customer) return sendVerificationEmail(ctx, customer);
    const owner = await customersRepo.byEmail(ctx.deps.db, email);
    if (owner) await sendAccountExistsEmail(ctx, owner);
  });
  return { customer: null, userErrors: [] };
}

/**
 * Email work done after the answer, so its time does not tell whether the address has an account; dropped,
 * silently, past the address's email limit.
 */
function sendInBackground(ctx: Context, email: string, failure: string, work: () => Promise<void>): void {
  const job = (async () => {
    if (await ctx.deps.limits.allowEmail(email, null)) await work();
  })();
  ctx.deps.track(job.catch((error: unknown) => ctx.deps.logger.warn({ err: error }, failure)));
}

export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string | null;
  recoveryCode?: string | null;
  rememberMe?: boolean | null;
  deviceName?: string | null;
}

export interface LoginPayload {
  accessToken: string | null;
  expiresAt: string | null;
  mfaRequired: boolean;
  customer: Customer | null;
  userErrors: UserError[];
}

/** One answer for an unknown email, a wrong password and a throttled account, so none can be told apart. */
const LOGIN_FAILED = (): LoginPayload => ({
  accessToken: null,
  expiresAt: null,
  mfaRequired: false,
  customer: null,
  userErrors: [userError('INVALID_CREDENTIALS', 'Incorrect email or password.')],
});

const MFA_FAILED = (): LoginPayload => ({
  accessToken: null,
  expiresAt: null,
  mfaRequired: true,
  customer: null,
  userErrors: [
    userError('INVALID_MFA_CODE', 'The verification code is wrong or was already used.', [
      'input',
      'totpCode',
    ]),
  ],
});

/** The password (and second factor) check of a login: the customer when both pass, else the answer to give. */
async function checkLogin(
  ctx: Context,
  email: string,
  password: string,
  input: LoginInput,
  blocked: boolean,
): Promise<LoginPayload | { customer: Customer }> {
  const { deps } = ctx;
  // A throttled attempt computes no hash: it waits as long as one takes, so it looks like any wrong password.
  if (blocked) {
    await deps.hasher.waitLikeVerify();
    return LOGIN_FAILED();
  }
  const customer = isValidEmail(email) ? await customersRepo.byEmail(deps.db, email) : null;
  const passwordOk = customer && password ? await deps.hasher.verify(customer.passwordHash, password) : false;
  if (!customer || !password) await deps.hasher.verifyDummy(input.password.slice(0, MAX_PASSWORD));
  if (!customer || !passwordOk) {
    await deps.throttle.recordFailure(email, ctx.clientIp);
    return LOGIN_FAILED();
  }

  if (customer.mfaSecretEnc) {
    const totpCode = input.totpCode?.trim();
    const recoveryCode = input.recoveryCode?.trim();
    if (!totpCode && !recoveryCode) {
      return { accessToken: null, expiresAt: null, mfaRequired: true, customer: null, userErrors: [] };
    }
    const accepted = totpCode
      ? await acceptTotp(ctx, customer, totpCode)
      : await customersRepo.useRecoveryCode(
          deps.db,
          customer.id,
          hashRecoveryCode(recoveryCode!.slice(0, 64)),
        );
    if (!accepted) {
      await deps.throttle.recordFailure(email, ctx.clientIp);
      return MFA_FAILED();
    }
  }

  return { customer };
}

export async function login(ctx: Context, input: LoginInput): Promise<LoginPayload> {
  const { deps } = ctx;
  const email = normaliseEmail(input.email).slice(0, MAX_EMAIL + 1);
  // Longer than any accepted password: checked against the dummy hash like any other miss, but bounded.
  const password = input.password.length > MAX_PASSWORD * 4 ? '' : input.password;

  const attempt = await deps.throttle.begin(email, ctx.clientIp);
  let customer: Customer;
  try {
    const checked = await checkLogin(ctx, email, password, input, attempt.blocked);
    if ('userErrors' in checked) return checked;
    customer = checked.customer;
  } finally {
    await attempt.done();
  }
  await deps.throttle.recordSuccess(email);
  const { token, session } = await deps.sessions.create({
    customerId: customer.id,
    role: customer.role,
    rememberMe: input.rememberMe === true,
    device: input.deviceName?.trim().slice(0, 256) || null,
  });
  return {
    accessToken: token,
    expiresAt: session.idleExpiresAt,
    mfaRequired: false,
    customer,
    userErrors: [],
  };
}

/** A code is accepted once: its time step must be newer than the last one this customer used. */
export async function acceptTotp(ctx: Context, customer: Customer, code: string): Promise<boolean> {
  if (!customer.mfaSecretEnc) return false;
  const secret = openSecret(ctx.deps.mfaKey, customer.mfaSecretEnc, customer.id);
  const step = matchTotpStep(secret, code, ctx.deps.now());
  if (step === null) return false;
  return customersRepo.consumeTotpStep(ctx.deps.db, customer.id, step);
}

export async function logout(ctx: Context): Promise<{ success: boolean; userErrors: UserError[] }> {
  const principal = requireCustomer(ctx.principal);
  await ctx.deps.sessions.revoke(principal.sessionId);
  return { success: true, userErrors: [] };
}

export async function me(ctx: Context): Promise<Customer | null> {
  if (ctx.principal.kind !== 'customer') return null;
  return ctx.loaders.customerById.load(ctx.principal.customerId);
}

/** The signed-in customer's own record; the session may outlive a deleted account. */
export async function currentCustomer(ctx: Context): Promise<Customer> {
  const principal = requireCustomer(ctx.principal);
  const customer = await ctx.loaders.customerById.load(principal.customerId);
  assertCanAccessOwned(principal, customer?.id);
  return customer!;
}

/**
 * A Customer reference from another subgraph: the customer themselves, an admin or a service may read it;
 * anyone else is refused the same whether it exists or not.
 */
export async function resolveCustomerReference(ctx: Context, id: string): Promise<Customer | null> {
  const customer = await ctx.loaders.customerById.load(id);
  if (privileged(ctx.principal)) return customer;
  assertCanAccessOwned(ctx.principal, customer?.id);
  return customer;
}

function privileged(principal: Principal): boolean {
  return readsAll(principal, 'customers:read');
}

/**
 * Checks the current password: required for every change of email, password or MFA and for account
 * deletion, so a stolen session alone cannot take the account over. Failures count towards the same
 * throttle as logins, so a stolen session cannot be used to guess the password either.
 */
export async function checkCurrentPassword(
  ctx: Context,
  customer: Customer,
  currentPassword: string | null | undefined,
  field: string[],
): Promise<UserError | null> {
  if (!currentPassword) {
    return userError('CURRENT_PASSWORD_REQUIRED', 'Enter your current password to make this change.', field);
  }
  const wrong = userError('INVALID_CURRENT_PASSWORD', 'Your current password is not correct.', field);
  const attempt = await ctx.deps.throttle.begin(customer.email, ctx.clientIp);
  try {
    if (attempt.blocked) {
      await ctx.deps.hasher.waitLikeVerify();
      return wrong;
    }
    const ok =
      currentPassword.length <= MAX_PASSWORD * 4 &&
      (await ctx.deps.hasher.verify(customer.passwordHash, currentPassword));
    if (ok) return null;
    await ctx.deps.throttle.recordFailure(customer.email, ctx.clientIp);
    return wrong;
  } finally {
    await attempt.done();
  }
}
