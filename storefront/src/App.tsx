// The frame of every page (header with search, navigation, cart) and the routes.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, navigate, useLocation } from './router';
import { useSession } from './store';
import { request } from './api';
import { SuggestionsDocument } from './gql/graphql';
import { Home } from './pages/Home';
import { SearchPage } from './pages/Search';
import { ProductPage } from './pages/Product';
import { CartPage } from './pages/Cart';
import { CheckoutPage, PaymentAuthenticationPage } from './pages/Checkout';
import { OrderConfirmationPage } from './pages/OrderConfirmation';
import { AccountPage, SignInPage, RegisterPage } from './pages/Account';
import { AccountOrderPage } from './pages/AccountOrder';

function Route({ path }: { path: string }) {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = segments;
  if (segments.length === 0) return <Home />;
  if (first === 'search' && !second) return <SearchPage />;
  if (first === 'collections' && second) return <SearchPage category={second} />;
  if (first === 'products' && second) return <ProductPage handle={second} />;
  if (first === 'cart') return <CartPage />;
  if (first === 'checkout' && second === 'authenticate') return <PaymentAuthenticationPage />;
  if (first === 'checkout') return <CheckoutPage checkoutId={second} />;
  if (first === 'orders' && second) return <OrderConfirmationPage orderId={second} />;
  if (first === 'account' && second === 'sign-in') return <SignInPage />;
  if (first === 'account' && second === 'register') return <RegisterPage />;
  if (first === 'account' && second === 'orders' && third) return <AccountOrderPage orderId={third} />;
  if (first === 'account' && !second) return <AccountPage />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </section>
  );
}

function SearchBox() {
  const { path, params } = useLocation();
  const urlQuery = path === '/search' ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  useEffect(() => setValue(urlQuery), [urlQuery]);

  useEffect(() => {
    const prefix = value.trim();
    if (!open || prefix.length < 2) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      request(SuggestionsDocument, { prefix }).then(
        (d) => live && (setSuggestions(d.searchSuggestions), setActive(-1)),
        () => live && setSuggestions([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, open]);

  const go = (q: string) => {
    setOpen(false);
    if (q.trim()) navigate(`/search?${new URLSearchParams({ q: q.trim() }).toString()}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(active >= 0 ? (suggestions[active] ?? value) : value);
  };
  const showList = open && suggestions.length > 0;
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (e.key === 'Escape' && showList) {
      // Closes the list, and keeps the text a search field would otherwise clear.
      e.preventDefault();
      setOpen(false);
    }
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder="Search products"
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
        }}
        onKeyDown={keys}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <button type="submit">Search</button>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!showList}>
        {suggestions.map((s, i) => (
          <li
            key={s}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(s);
            }}
          >
            {s}
          </li>
        ))}
      </ul>
    </form>
  );
}

export function App() {
  const { path } = useLocation();
  const { cartCount, token } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page moves focus to its content, as a page load would for a screen reader.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="logo">
          Shop
        </Link>
        <SearchBox />
        <nav aria-label="Shop">
          <Link href="/collections/all">Browse</Link>
          <Link href={token ? '/account' : '/account/sign-in'}>{token ? 'Account' : 'Sign in'}</Link>
          <Link href="/cart" aria-label={`Cart, ${cartCount} ${cartCount === 1 ? 'item' : 'items'}`}>
            Cart <span className="badge">{cartCount}</span>
          </Link>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Route path={path} />
      </main>
      <footer className="site-footer">
        <p>
          A storefront on the shop's public GraphQL API. Payments run on the sandbox: no real money moves.
        </p>
      </footer>
    </>
  );
}
