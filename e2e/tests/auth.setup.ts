import { test as setup } from '@playwright/test';
import { apiLogin, authFile } from '../support/api';

/** Sessions for the journeys that start logged in (the login journey itself goes through the form). */
for (const username of ['baoan', 'office', 'admin', 'auditor', 'panshan', 'company1']) {
  setup(`session: ${username}`, async ({ request }) => {
    const { me, error } = await apiLogin(request, username);
    if (!me) {
      setup.skip(username.startsWith('company'), `${username} not seeded yet: ${error}`);
      throw new Error(`login ${username}: ${error}`);
    }
    await request.storageState({ path: authFile(username) });
  });
}
