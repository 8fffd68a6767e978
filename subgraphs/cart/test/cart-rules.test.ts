// The pure rules of cart lines: bounds, stock, the line cap and the merge on login.
import { addLines, mergeCartLines, removeLines, updateLines, type LineFacts } from '../src/domain/cart-rules';
import { LIMITS, type CartLineRecord } from '../src/domain/types';
import { cartCost } from '../src/domain/carts';
import { makeVariant } from './helpers';

const shoe = makeVariant({ id: 'shoe', productTitle: 'Shoe', title: '42', priceMinor: 1000 });
const hat = makeVariant({ id: 'hat', productTitle: 'Hat', title: 'M', priceMinor: 250 });

function facts(available: Record<string, number>): LineFacts {
  let n = 0;
  return {
    variants: new Map([shoe, hat].map((v) => [v.id, v])),
    available: new Map(Object.entries(available)),
    now: '2026-01-01T00:00:00.000Z',
    newId: () => `line-${++n}`,
  };
}

const line = (variantId: string, quantity: number, id = `l-${variantId}`): CartLineRecord => ({
  id,
  variantId,
  quantity,
  addedAt: '2025-12-31T00:00:00.000Z',
});

describe('cart line rules', () => {
  it('When a quantity is 0, negative, fractional or above 99, then INVALID_QUANTITY names that input line', () => {
    for (const quantity of [0, -1, 1.5, 100]) {
      const out = addLines(
        [],
        [
          { merchandiseId: 'shoe', quantity: 1 },
          { merchandiseId: 'shoe', quantity },
        ],
        facts({ shoe: 500 }),
      );
      expect(out).toEqual({
        ok: false,
        errors: [expect.objectContaining({ code: 'INVALID_QUANTITY', field: ['lines', '1', 'quantity'] })],
      });
    }
  });

  it('When a variant is already in the cart, then adding it raises the quantity of that line, within stock and 99', () => {
    const out = addLines(
      [line('shoe', 2)],
      [{ merchandiseId: 'shoe', quantity: 3 }, { merchandiseId: 'hat' }],
      facts({ shoe: 5, hat: 1 }),
    );
    expect(out).toEqual({
      ok: true,
      lines: [
        line('shoe', 5),
        { id: 'line-1', variantId: 'hat', quantity: 1, addedAt: '2026-01-01T00:00:00.000Z' },
      ],
    });
    expect(addLines([line('shoe', 5)], [{ merchandiseId: 'shoe', quantity: 1 }], facts({ shoe: 5 }))).toEqual(
      {
        ok: false,
        errors: [
          {
            code: 'INSUFFICIENT_STOCK',
            field: ['lines', '0', 'quantity'],
            message: 'Only 5 of Shoe (42) are available.',
          },
        ],
      },
    );
    expect(
      addLines([line('shoe', 98)], [{ merchandiseId: 'shoe', quantity: 2 }], facts({ shoe: 500 })),
    ).toMatchObject({ ok: false, errors: [{ code: 'INVALID_QUANTITY' }] });
    expect(addLines([], [{ merchandiseId: 'hat', quantity: 1 }], facts({}))).toMatchObject({
      ok: false,
      errors: [{ message: 'Hat (M) is out of stock.' }],
    });
  });

  it('When the catalog does not know a variant, then INVALID_MERCHANDISE and nothing is added', () => {
    expect(addLines([], [{ merchandiseId: 'nope', quantity: 1 }], facts({ nope: 5 }))).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ code: 'INVALID_MERCHANDISE', field: ['lines', '0', 'merchandiseId'] }),
      ],
    });
  });

  it('When a cart would exceed the line cap, then TOO_MANY_LINES', () => {
    const full = Array.from({ length: LIMITS.maxLines }, (_, i) => line(`v${i}`, 1));
    expect(addLines(full, [{ merchandiseId: 'hat', quantity: 1 }], facts({ hat: 5 }))).toMatchObject({
      ok: false,
      errors: [{ code: 'TOO_MANY_LINES' }],
    });
  });

  it('When quantities are updated, then raising beyond stock is refused but lowering is always allowed', () => {
    expect(updateLines([line('shoe', 4)], [{ id: 'l-shoe', quantity: 2 }], facts({ shoe: 1 }))).toEqual({
      ok: true,
      lines: [line('shoe', 2)],
    });
    expect(updateLines([line('shoe', 1)], [{ id: 'l-shoe', quantity: 3 }], facts({ shoe: 2 }))).toMatchObject(
      { ok: false, errors: [{ code: 'INSUFFICIENT_STOCK' }] },
    );
    expect(updateLines([line('shoe', 1)], [{ id: 'other', quantity: 1 }], facts({ shoe: 2 }))).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_LINE', field: ['lines', '0', 'id'] }],
    });
    expect(removeLines([line('shoe', 1), line('hat', 1)], ['l-hat'])).toEqual({
      ok: true,
      lines: [line('shoe', 1)],
    });
    expect(removeLines([line('shoe', 1)], ['l-hat'])).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_LINE', field: ['lineIds', '0'] }],
    });
  });

  it('When a guest cart merges into a shopper cart, then quantities are summed, capped by stock and 99, never below what the shopper had', () => {
    let n = 0;
    const merged = mergeCartLines(
      [line('shoe', 3), line('hat', 4)],
      [line('shoe', 5, 'g1'), line('hat', 1, 'g2'), line('sold-out', 2, 'g3'), line('many', 150, 'g4')],
      new Map([
        ['shoe', 6],
        ['hat', 2],
        ['sold-out', 0],
        ['many', 1000],
      ]),
      () => `m${++n}`,
      'now',
    );
    expect(merged.map((l) => [l.variantId, l.quantity])).toEqual([
      ['shoe', 6],
      ['hat', 4],
      ['many', 99],
    ]);
  });

  it('When a cart is costed, then the subtotal is integer minor units of the catalog prices', () => {
    expect(
      cartCost(
        [
          { line: line('shoe', 3), variant: shoe },
          { line: line('hat', 2), variant: hat },
        ],
        'EUR',
      ),
    ).toEqual({ subtotalMinor: 3500, currencyCode: 'USD' });
    expect(cartCost([], 'EUR')).toEqual({ subtotalMinor: 0, currencyCode: 'EUR' });
  });
});
