import type { AppliedGiftCardResolvers, GiftCardResolvers } from '../generated/resolvers-types';
import { money } from './money';

export const GiftCard: GiftCardResolvers = {
  balance: (g) => money(g.balanceMinor, g.currency),
  initialValue: (g) => money(g.initialMinor, g.currency),
  customer: (g) => (g.customerId ? { id: g.customerId } : null),
};

export const AppliedGiftCard: AppliedGiftCardResolvers = {
  id: (a) => a.card.id,
  lastCharacters: (a) => a.card.lastCharacters,
  balance: (a) => money(a.card.balanceMinor, a.card.currency),
  amountUsed: (a) => money(a.amountUsedMinor, a.card.currency),
};
