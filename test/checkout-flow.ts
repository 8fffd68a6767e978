// One shopper's checkout through the gateway, as named operations: the path the traces and metrics tests follow.
import { randomUUID } from 'node:crypto';
import { gql } from '@shop/testkit';

export const ADDRESS = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Main Street',
  city: 'Springfield',
  province: 'CA',
  zip: '94105',
  countryCode: 'US',
};

/** The data of a GraphQL answer through the gateway at `url`; any error in it throws. */
export async function call<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const { body } = await gql<T>(url, query, variables, headers);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Fills a cart with one unit in stock, checks out with the first rate, and pays by card: the paid order's id. */
export async function checkoutOnce(
  url: string,
  headers: Record<string, string>,
  email: string,
): Promise<string> {
  const { products } = await call<{
    products: { nodes: { variants: { id: string; quantityAvailable: number }[] }[] };
  }>(
    url,
    'query ProductList { products(first: 20) { nodes { variants { id quantityAvailable } } } }',
    {},
    headers,
  );
  const variant = products.nodes.flatMap((p) => p.variants).find((v) => v.quantityAvailable > 0);
  if (!variant) throw new Error('no variant in stock');
  const { cartCreate } = await call<{ cartCreate: { cart: { id: string } } }>(
    url,
    'mutation CartCreate($input: CartInput) { cartCreate(input: $input) { cart { id } } }',
    { input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] } },
    headers,
  );
  const { checkoutCreate } = await call<{
    checkoutCreate: { checkout: { id: string; availableShippingRates: { handle: string }[] } };
  }>(
    url,
    `mutation CheckoutCreate($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
       checkout { id availableShippingRates { handle } } userErrors { code } } }`,
    { input: { cartId: cartCreate.cart.id, email, shippingAddress: ADDRESS } },
    headers,
  );
  const checkoutId = checkoutCreate.checkout.id;
  await call(
    url,
    'mutation RateSelect($id: ID!, $h: String!) { checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) { userErrors { code } } }',
    { id: checkoutId, h: checkoutCreate.checkout.availableShippingRates[0]!.handle },
    headers,
  );
  const { checkoutComplete } = await call<{
    checkoutComplete: { order: { id: string; status: string } | null; userErrors: unknown[] };
  }>(
    url,
    `mutation CheckoutComplete($id: ID!, $pm: String!, $key: String!) {
       checkoutComplete(checkoutId: $id, payment: { paymentMethodId: $pm }, idempotencyKey: $key) {
         order { id status } userErrors { code message } } }`,
    { id: checkoutId, pm: 'pm_card_visa', key: randomUUID() },
    headers,
  );
  if (checkoutComplete.order?.status !== 'PAID')
    throw new Error(`checkout not paid: ${JSON.stringify(checkoutComplete)}`);
  return checkoutComplete.order.id;
}

/** Registers a new shopper and signs them in: their email and the headers carrying their session. */
export async function newSignedInShopper(
  url: string,
  prefix: string,
): Promise<{ email: string; password: string; headers: Record<string, string> }> {
  const email = `${prefix}.${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery staple';
  await gql(
    url,
    'mutation($i: CustomerRegisterInput!) { customerRegister(input: $i) { userErrors { code } } }',
    {
      i: { email, password, firstName: 'Ada', lastName: 'Lovelace' },
    },
  );
  const login = await gql<{ customerLogin: { accessToken: string } }>(
    url,
    'mutation Login($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }',
    { i: { email, password } },
  );
  return {
    email,
    password,
    headers: { authorization: `Bearer ${login.body.data!.customerLogin.accessToken}` },
  };
}
