// A request's allowance of list items: nested lists (related products of related products…) multiply, so each
// list a request resolves draws from one bound, whatever the gateway estimated.
import { CostLimitError } from '@shop/common';

export class ListItemBudget {
  private used = 0;

  constructor(readonly max: number) {}

  /** Counts `items` against the bound; past it the request fails with COST_LIMIT_EXCEEDED. */
  take<T>(items: T[]): T[] {
    this.used += items.length;
    if (this.used > this.max) {
      throw new CostLimitError(
        `This request resolves more than ${this.max} list items; ask for fewer or nest less.`,
      );
    }
    return items;
  }
}
