/** The current hash route, kept in step with the address bar (back and forward work). */
import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './router.js';

export function useRoute(): Route | null {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
