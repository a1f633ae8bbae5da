import { onUnauthenticated } from './apollo';
import { router } from './router';

// A lapsed or missing session on any request: the login page, which comes back here after signing in.
onUnauthenticated(() => {
  const { pathname, search } = router.state.location;
  if (pathname !== '/login') void router.navigate('/login', { replace: true, state: { from: pathname + search } });
});
