import type { Resolvers } from '../generated/resolvers-types';
import { Cart, CartCost } from './Cart';
import { CartLine } from './CartLine';
import { InventoryLevel } from './InventoryLevel';
import { Mutation } from './Mutation';
import { ProductVariant } from './ProductVariant';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Cart,
  CartCost,
  CartLine,
  ProductVariant,
  InventoryLevel,
};
