/**
 * Loads `path` as a new document (not a route change inside the app): after a logout nothing of the
 * last user's page may stay in the DOM (review 11-B F5: a hidden chart tooltip of the dashboard stayed
 * on the login page), nor in memory. Only once the server has ended the session: a new document
 * could not load without a connection. A module of its own so that tests can replace it.
 */
export function loadFreshPage(path: string): void {
  window.location.replace(path);
}
