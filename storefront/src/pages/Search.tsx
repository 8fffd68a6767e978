// Search and category browse: one page whose whole state (query, filters, sort, page) is in the URL.
import { CategoriesDocument, SearchDocument, type SearchFilter, type SearchSortKey } from '../gql/graphql';
import { Link, navigate, useLocation, withParams } from '../router';
import { formatMoney } from '../format';
import { Empty, Failure, Loading, ProductGrid, useQuery } from '../ui';

const SORTS: { value: SearchSortKey; label: string }[] = [
  { value: 'RELEVANCE', label: 'Relevance' },
  { value: 'PRICE_ASC', label: 'Price, low to high' },
  { value: 'PRICE_DESC', label: 'Price, high to low' },
  { value: 'NEWEST', label: 'Newest' },
];

/** Facet name -> the filter it sets and the URL parameter that holds it. */
const FACETS: Record<string, { param: string; label: string }> = {
  brand: { param: 'brand', label: 'Brand' },
  category: { param: 'category', label: 'Category' },
};

export function Categories() {
  const { data } = useQuery(CategoriesDocument, {});
  if (!data) return null;
  const top = data.categories.filter((c) => !c.parent);
  return (
    <nav aria-label="Categories" className="categories">
      <ul>
        {top.map((c) => (
          <li key={c.id}>
            <Link href={`/collections/${encodeURIComponent(c.handle)}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function filtersOf(params: URLSearchParams, category: string | undefined): SearchFilter[] {
  const filters: SearchFilter[] = [];
  const cat = category && category !== 'all' ? category : params.get('category');
  if (cat) filters.push({ category: cat });
  const brand = params.get('brand');
  if (brand) filters.push({ brand });
  if (params.get('available') === '1') filters.push({ available: true });
  const min = params.get('min');
  const max = params.get('max');
  if (min || max) filters.push({ priceMin: min || null, priceMax: max || null });
  return filters;
}

export function SearchPage({ category }: { category?: string }) {
  const { path, params } = useLocation();
  const q = params.get('q') ?? '';
  const sort = (params.get('sort') as SearchSortKey | null) ?? (q ? 'RELEVANCE' : 'NEWEST');
  const after = params.get('after');
  const filters = filtersOf(params, category);
  const skip = !category && !q;
  const { data, error, loading, reload } = useQuery(
    SearchDocument,
    { query: q, first: 24, after, filters, sortKey: sort },
    skip,
  );
  const cats = useQuery(CategoriesDocument, {});
  const categoryName = (handle: string) =>
    cats.data?.categories.find((c) => c.handle === handle)?.name ?? handle;
  const title = category
    ? category === 'all'
      ? 'All products'
      : categoryName(category)
    : q
      ? `Results for “${q}”`
      : 'Search';
  const set = (change: Record<string, string | null>) =>
    navigate(path + withParams(params, { after: null, ...change }));

  return (
    <section className="search-page">
      <h1>{title}</h1>
      {skip && <Empty>Type what you are looking for in the search box above.</Empty>}
      {error && <Failure error={error} retry={reload} />}
      {!skip && (
        <div className="results-layout">
          <aside aria-label="Filters" className="facets">
            <div className="field">
              <label htmlFor="sort">Sort by</label>
              <select id="sort" value={sort} onChange={(e) => set({ sort: e.target.value })}>
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={params.get('available') === '1'}
                onChange={(e) => set({ available: e.target.checked ? '1' : null })}
              />
              In stock only
            </label>
            {data?.search.facets
              .filter(
                (f) =>
                  Object.hasOwn(FACETS, f.name) && !(category && category !== 'all' && f.name === 'category'),
              )
              .map((facet) => {
                const { param, label } = FACETS[facet.name]!;
                const chosen = params.get(param);
                return (
                  <fieldset key={facet.name}>
                    <legend>{label}</legend>
                    {chosen && (
                      <button type="button" className="link" onClick={() => set({ [param]: null })}>
                        Clear {label.toLowerCase()}
                      </button>
                    )}
                    <ul>
                      {facet.values.slice(0, 12).map((v) => (
                        <li key={v.value}>
                          <label className="check">
                            <input
                              type="radio"
                              name={param}
                              checked={chosen === v.value}
                              onChange={() => set({ [param]: v.value })}
                            />
                            {facet.name === 'category' ? categoryName(v.value) : v.value}{' '}
                            <span className="count">({v.count})</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
            {data && (
              <PriceFacet
                values={data.search.facets.find((f) => f.name === 'price')?.values ?? []}
                currencyCode={data.search.nodes[0]?.priceRange.minVariantPrice.currencyCode ?? 'USD'}
                params={params}
                set={set}
              />
            )}
          </aside>
          <div>
            {loading && <Loading label="Searching…" />}
            {data && (
              <>
                <p role="status" className="result-count">
                  {data.search.totalCount === 1 ? '1 product' : `${data.search.totalCount} products`}
                </p>
                {data.search.nodes.length === 0 ? (
                  <Empty>
                    Nothing matches. Try fewer filters or{' '}
                    <Link href="/collections/all">browse everything</Link>.
                  </Empty>
                ) : (
                  <ProductGrid products={data.search.nodes} label="Products" />
                )}
                <div className="pager">
                  {after && (
                    <button type="button" onClick={() => history.back()}>
                      Previous page
                    </button>
                  )}
                  {data.search.pageInfo.hasNextPage && data.search.pageInfo.endCursor && (
                    <button
                      type="button"
                      onClick={() => set({ after: data.search.pageInfo.endCursor ?? null })}
                    >
                      Next page
                    </button>
                  )}
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** A price bucket of the facet ("5000-10000", in minor units) as the decimal bounds the filter takes. */
function bucketBounds(value: string): { min: string; max: string } | null {
  const m = /^(\d+)-(\d*)$/.exec(value);
  if (!m) return null;
  const dec = (minor: string) => (Number(minor) / 100).toFixed(2);
  return { min: dec(m[1]!), max: m[2] ? dec(m[2]) : '' };
}

function PriceFacet({
  values,
  currencyCode,
  params,
  set,
}: {
  values: readonly { value: string; count: number }[];
  currencyCode: string;
  params: URLSearchParams;
  set: (c: Record<string, string | null>) => void;
}) {
  const chosen = params.get('min') || params.get('max');
  const buckets = values.map((v) => ({ ...v, bounds: bucketBounds(v.value) })).filter((v) => v.bounds);
  if (buckets.length === 0 && !chosen) return null;
  return (
    <fieldset>
      <legend>Price</legend>
      {chosen && (
        <button type="button" className="link" onClick={() => set({ min: null, max: null })}>
          Clear price
        </button>
      )}
      <ul>
        {buckets.map(({ value, count, bounds }) => (
          <li key={value}>
            <label className="check">
              <input
                type="radio"
                name="price"
                checked={params.get('min') === bounds!.min && (params.get('max') ?? '') === bounds!.max}
                onChange={() => set({ min: bounds!.min, max: bounds!.max })}
              />
              {formatMoney({ amount: bounds!.min, currencyCode })}
              {bounds!.max ? ` – ${formatMoney({ amount: bounds!.max, currencyCode })}` : ' and up'}{' '}
              <span className="count">({count})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
