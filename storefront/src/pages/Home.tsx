import { HomeDocument } from '../gql/graphql';
import { Link } from '../router';
import { Empty, Failure, Loading, ProductGrid, useQuery } from '../ui';
import { Categories } from './Search';

export function Home() {
  const { data, error, loading, reload } = useQuery(HomeDocument, {});
  return (
    <>
      <section className="hero">
        <h1>Find what you came for</h1>
        <p>
          Search the whole catalog above, or <Link href="/collections/all">browse every product</Link>.
        </p>
      </section>
      <Categories />
      <section aria-labelledby="recommended">
        <h2 id="recommended">Recommended for you</h2>
        {loading && <Loading />}
        {error && <Failure error={error} retry={reload} />}
        {data &&
          (data.recommendedProducts.length ? (
            <ProductGrid products={data.recommendedProducts} label="Recommended" />
          ) : (
            <Empty>Nothing to recommend yet.</Empty>
          ))}
      </section>
      <section aria-labelledby="new">
        <h2 id="new">New in</h2>
        {data &&
          (data.products.nodes.length ? (
            <ProductGrid products={data.products.nodes} label="New in" />
          ) : (
            <Empty>No products yet.</Empty>
          ))}
      </section>
    </>
  );
}
