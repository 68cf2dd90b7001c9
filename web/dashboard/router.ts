// Client-side routes under /moderate with history.pushState. Links marked data-link navigate
// without a reload; every navigation unmounts the current page and mounts the next.
import { clearToasts } from './toast.js';
import { COMMON } from './strings.js';

export interface Page {
  unmount(): void;
  /** Page shortcuts; true when the key was handled. */
  onKey?(e: KeyboardEvent): boolean;
}

export interface Route {
  path: string;
  title: string;
  adminOnly?: boolean;
  mount(main: HTMLElement): Page;
}

let routes: Route[] = [];
let main: HTMLElement | null = null;
let current: Page | null = null;
let afterRoute: (route: Route) => void = () => {};

export function currentPage(): Page | null {
  return current;
}

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/moderate';
  return routes.find((r) => r.path === path) ?? routes[0]!;
}

export function render(): void {
  if (!main) return;
  current?.unmount();
  clearToasts();
  const route = routeFor(location.pathname);
  document.title = COMMON.pageTitle(route.title);
  main.scrollTop = 0;
  current = route.mount(main);
  afterRoute(route);
}

export function startRouter(opts: {
  routes: Route[];
  main: HTMLElement;
  afterRoute: (route: Route) => void;
}): () => void {
  routes = opts.routes;
  main = opts.main;
  afterRoute = opts.afterRoute;
  const onPop = () => render();
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const a = (e.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!a || a.origin !== location.origin) return;
    e.preventDefault();
    if (a.pathname + a.search !== location.pathname + location.search)
      navigate(a.pathname + a.search);
  };
  window.addEventListener('popstate', onPop);
  document.addEventListener('click', onClick);
  render();
  return () => {
    window.removeEventListener('popstate', onPop);
    document.removeEventListener('click', onClick);
    current?.unmount();
    current = null;
  };
}
