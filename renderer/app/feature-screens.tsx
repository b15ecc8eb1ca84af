import type { Route } from './router';
import { NotFoundScreen } from './system-screens';

/**
 * The work screens, one line per route. Each feature folder owns its screens; add a case here when a
 * feature adds a screen.
 */
export function FeatureScreen({ route }: { route: Route }) {
  switch (route.screen) {
    default:
      return <NotFoundScreen />;
  }
}
