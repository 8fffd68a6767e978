import type { MutationResolvers } from '../generated/resolvers-types';
import { login, logout, register } from '../domain/accounts';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '../domain/addresses';
import { changeEmail, changePassword, deleteAccount, revokeSession } from '../domain/account-settings';
import {
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from '../domain/account-tokens';
import { confirmMfa, disableMfa, enrollMfa } from '../domain/multifactor';
import { createApiKey, revokeApiKey, updateApiKey } from '../domain/api-keys';
import { publishPersistedDocuments } from '../domain/persisted-documents';
import { currentCustomer } from '../domain/accounts';

export const Mutation: MutationResolvers = {
  customerRegister: (_p, { input }, ctx) => register(ctx, input),
  customerLogin: (_p, { input }, ctx) => login(ctx, input),
  customerLogout: (_p, _a, ctx) => logout(ctx),
  customerAddressCreate: (_p, { address, setDefault }, ctx) =>
    createAddress(ctx, address, setDefault === true),
  customerAddressUpdate: (_p, { id, address, setDefault }, ctx) =>
    updateAddress(ctx, id, address, setDefault === true),
  customerAddressDelete: (_p, { id }, ctx) => deleteAddress(ctx, id),
  customerDefaultAddressUpdate: (_p, { addressId }, ctx) => setDefaultAddress(ctx, addressId),
  customerMfaEnroll: (_p, { currentPassword }, ctx) => enrollMfa(ctx, currentPassword),
  customerMfaConfirm: (_p, { code }, ctx) => confirmMfa(ctx, code),
  customerMfaDisable: (_p, { currentPassword, code }, ctx) => disableMfa(ctx, currentPassword, code),
  customerPasswordChange: (_p, { currentPassword, newPassword }, ctx) =>
    changePassword(ctx, currentPassword, newPassword),
  customerEmailUpdate: (_p, { currentPassword, email }, ctx) => changeEmail(ctx, currentPassword, email),
  customerEmailVerificationSend: async (_p, _a, ctx) =>
    requestEmailVerification(ctx, await currentCustomer(ctx)),
  customerEmailVerify: (_p, { token }, ctx) => verifyEmail(ctx, token),
  customerPasswordResetRequest: (_p, { email }, ctx) => requestPasswordReset(ctx, email),
  customerPasswordReset: (_p, { token, newPassword }, ctx) => resetPassword(ctx, token, newPassword),
  customerSessionRevoke: (_p, { id }, ctx) => revokeSession(ctx, id),
  customerDelete: (_p, { currentPassword }, ctx) => deleteAccount(ctx, currentPassword),
  apiKeyCreate: (_p, args, ctx) => createApiKey(ctx, args),
  persistedDocumentsPublish: (_p, { input }, ctx) => publishPersistedDocuments(ctx, input),
  apiKeyRevoke: (_p, { id }, ctx) => revokeApiKey(ctx, id),
  apiKeyUpdate: (_p, args, ctx) => updateApiKey(ctx, args),
};
