import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './customer';
import { Mutation } from './mutation';
import { Order } from './order';
import { Query } from './query';
import { Return } from './return';
import { Shipment } from './shipment';
import { ShippingRate } from './shipping-rate';

export const resolvers: Resolvers = { Query, Mutation, Order, Customer, Return, Shipment, ShippingRate };
