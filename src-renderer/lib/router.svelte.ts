// Owns the current hash route as reactive state, and moving between routes.
import { hrefFor, parseHash, type Route } from './routes';

export { hrefFor, parseHash, type Route };

class Router {
  route = $state<Route>(parseHash(window.location.hash));
  /** True while the app still shows the route-less start page (so the last document may be
   *  restored); false once a route was given or the user has gone somewhere. */
  get atStart(): boolean {
    return window.location.hash === '' || window.location.hash === '#';
  }

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(window.location.hash);
    });
  }

  go(route: Route, options: { replace?: boolean } = {}): void {
    const href = hrefFor(route);
    if (options.replace) window.history.replaceState(null, '', href);
    else if (window.location.hash !== href) window.history.pushState(null, '', href);
    this.route = route;
  }
}

export const router = new Router();
