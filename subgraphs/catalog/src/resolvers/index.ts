import type { Resolvers } from '../generated/resolvers-types';
import { Category } from './category';
import { Mutation } from './mutation';
import { Product } from './product';
import { ProductVariant } from './product-variant';
import { Query } from './query';

export const resolvers: Resolvers = { Query, Mutation, Product, ProductVariant, Category };
