// The cart subgraph's DynamoDB tables, created idempotently at start; defined with the shop's other tables.
export {
  cartTables,
  cartTableNames as tableNames,
  type CartTableNames as TableNames,
} from '@shop/datastores';
