import type { Resolvers } from '../generated/resolvers-types';
import { Cart } from './Cart';
import { CartLine } from './CartLine';
import { InventoryLevel } from './InventoryLevel';
import { Mutation } from './Mutation';
import { ProductVariant } from './ProductVariant';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Cart, CartLine, ProductVariant, InventoryLevel };
