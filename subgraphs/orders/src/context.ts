import DataLoader from 'dataloader';
import type { SubgraphContext } from '@shop/common';
import { findOrders, refundsForOrders } from './data/orders';
import type { Deps } from './domain/deps';
import type { Order, Refund } from './domain/types';

export interface Context extends SubgraphContext {
  deps: Deps;
  loaders: {
    order: DataLoader<string, Order | null>;
    refunds: DataLoader<string, Refund[]>;
  };
}

export function buildContext(base: SubgraphContext, deps: Deps): Context {
  return {
    ...base,
    deps,
    loaders: {
      order: new DataLoader(async (ids) => {
        const found = new Map((await findOrders(deps.db, ids)).map((o) => [o.id, o]));
        return ids.map((id) => found.get(id) ?? null);
      }),
      refunds: new DataLoader(async (ids) => {
        const all = await refundsForOrders(deps.db, ids);
        return ids.map((id) => all.filter((r) => r.orderId === id));
      }),
    },
  };
}
