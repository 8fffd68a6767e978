// The resolver map, typed by the generated resolver types.
import { GraphQLJSON } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './Customer';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Customer, JSON: GraphQLJSON };
