import type { ReturnResolvers } from '../generated/resolvers-types';

export const Return: ReturnResolvers = {
  returnLabel: (r) => r.label,
};
