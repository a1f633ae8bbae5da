import { devices, expect, test, type Page, type Route } from '@playwright/test';
import { LoginPage } from '../pages/LoginPage';
import { gql, InspectionScreen } from '../pages/OnsitePages';
import { journey } from '../support/test-modes';

test.use(journey);

/**
 * In progress in the demo, and ended (its 总结 is due): a check sent now is answered with a refusal, which
 * shows it was opened and sent; it adds nothing to the activity (onsite.spec.ts closes it).
 */
const ACTIVITY = '红海滩湿地音乐会';
const phone = { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };

/** Everything the device's outbox holds, as any script in the page can read it (ciphertexts as text). */
const rawOutbox = (m: Page) =>
  m.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('evs-onsite');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('inspections')) return resolve('');
          const all = db.transaction('inspections').objectStore('inspections').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as Record<string, unknown>[])
                .map((r) => JSON.stringify(r) + (r.ciphertext instanceof ArrayBuffer ? new TextDecoder().decode(r.ciphertext) : ''))
                .join('\n'),
            );
        };
      }),
  );

/** The outbox keys kept on the device (whose, which version, whether they could be exported) and whether the device salt is there. */
const keptKeys = (m: Page) =>
  m.evaluate(
    () =>
      new Promise<{ keys: { userId: string; version: number; extractable: boolean; type: string }[]; salt: boolean }>((resolve, reject) => {
        const req = indexedDB.open('evs-outbox-keys');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('keys')) return resolve({ keys: [], salt: false });
          const t = db.transaction(['keys', 'device']);
          const keys = t.objectStore('keys').getAll();
          const salt = t.objectStore('device').get('salt');
          t.oncomplete = () =>
            resolve({
              keys: (keys.result as { userId: string; version: number; key: CryptoKey }[]).map((k) => ({
                userId: k.userId,
                version: k.version,
                extractable: k.key.extractable,
                type: Object.prototype.toString.call(k.key),
              })),
              salt: !!salt.result,
            });
        };
      }),
  );

/**
 * Review 11-B F1 on a shared phone: an officer's check that could not be sent is kept sealed on the
 * device under a key that cannot be exported; the logout warns of it, keeps it and forgets the key; the
 * next account (the very company inspected) sees only that another account's check waits, nothing of
 * it; the officer back on the phone derives the same key, opens and sends it.
 */
test('a shared phone: the officer’s unsent check is sealed, survives the logout with a warning, is only counted for the next account, and is opened and sent when the officer is back', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ ...phone });
  const m = await context.newPage();
  const login = new LoginPage(m);
  const screen = new InspectionScreen(m);

  await login.goto();
  await login.login('baoan');
  await expect(m).not.toHaveURL(/\/login$/);
  const { me } = await gql(m.request, `{ me { id } }`);
  // the key was fetched at login: only a derived, non-extractable CryptoKey, nothing in localStorage
  expect(await keptKeys(m)).toEqual({ keys: [{ userId: me.id, version: 1, extractable: false, type: '[object CryptoKey]' }], salt: true });
  expect(await m.evaluate(() => Object.keys(localStorage).filter((k) => /key/i.test(k)))).toEqual([]);

  const { activities } = await gql(m.request, `{ activities(filter: { search: "${ACTIVITY}" }) { items { id status } } }`);
  const activity = activities.items[0];
  // onsite.spec.ts closes this activity late in its journey (minutes after this spec, which sorts before
  // it, has started); only a retry after that could find it closed: nothing left to check on it then.
  test.skip(activity.status === 'CLOSED', 'onsite.spec.ts has already closed the demo’s ended activity');
  expect(activity.status).toBe('IN_PROGRESS');
  const { onDutyRoster } = await gql(m.request, `query ($id: ID!) { onDutyRoster(activityId: $id) { name } }`, { id: activity.id });
  const guard: string = onDutyRoster[onDutyRoster.length - 1].name;

  // A dead zone for the check alone (the rest of the app still reaches the server).
  const deadZone = (route: Route) => (/RecordInspection/.test(route.request().postData() ?? '') ? route.abort('internetdisconnected') : route.fallback());
  await m.route('**/graphql', deadZone);
  await screen.goto(activity.id);
  await screen.openChecklist(guard, []);
  await screen.submit();
  await expect(screen.pending).toHaveText('待发送 1');
  await expect(m.getByTestId('outbox-no-key')).toHaveCount(0);
  await expect.poll(() => rawOutbox(m)).toContain('"recordedBy"');
  const raw = await rawOutbox(m);
  for (const secret of [guard, '符合要求', activity.id, '刘宝军']) expect(raw).not.toContain(secret);

  // 退出登录 warns; 仍然退出 keeps the check, forgets the key, and loads the login page as a new document.
  await m.evaluate(() => ((window as unknown as { lastUserPage?: boolean }).lastUserPage = true));
  await m.getByRole('button', { name: '退出登录' }).click();
  await expect(m.getByTestId('unsent-warning')).toHaveText('有1条现场检查记录尚未发送，加密保存在本机。退出后须您本人再次登录并联网后才能发送。');
  await m.getByRole('button', { name: '仍然退出' }).click();
  await expect(m).toHaveURL(/\/login$/);
  await expect(m.getByRole('heading', { name: '用户登录' })).toBeVisible();
  expect(await m.evaluate(() => (window as unknown as { lastUserPage?: boolean }).lastUserPage ?? false)).toBe(false);
  expect(await m.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('evs.')))).toEqual([]);
  expect(await keptKeys(m)).toEqual({ keys: [], salt: true });
  expect(await rawOutbox(m)).toContain('"recordedBy"');

  // The company inspected, on the same phone: one check of another account, nothing of it, and no key.
  await login.login('company2');
  await expect(m).not.toHaveURL(/\/login$/);
  expect((await keptKeys(m)).keys).toEqual([]);
  await screen.goto(activity.id);
  await screen.tab('待发送');
  await expect(m.getByTestId('queued-by-other')).toHaveText('本机有1条其他账号离线登记的检查记录（已加密），须登记人本人登录后发送');
  await expect(m.getByTestId('queued')).toHaveCount(0);
  await expect(m.locator('.onsite-list')).not.toContainText('刘宝军');
  await expect(m.locator('.onsite-list')).not.toContainText(guard);
  await expect(screen.pending).toBeHidden();
  await m.getByRole('button', { name: '退出登录' }).click(); // nothing of its own waits: no warning
  await expect(m).toHaveURL(/\/login$/);

  // The officer back, with a connection: the same key derived on this phone, the check opened and sent.
  // (The demo's activity has ended, so the server answers with its refusal: a check after the end is not recorded.)
  await m.unroute('**/graphql', deadZone);
  await login.login('baoan');
  await expect(m).not.toHaveURL(/\/login$/);
  await screen.goto(activity.id);
  await expect(screen.pending).toBeHidden({ timeout: 30_000 });
  await screen.tab('待发送');
  const queued = m.getByTestId('queued');
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText(`${guard}：符合要求`);
  await expect(queued).toContainText('服务器未接受');
  await expect(queued.getByRole('alert')).toContainText('晚于活动结束时间');
  await expect(m.getByTestId('queued-by-other')).toHaveCount(0);
  await expect(m.getByTestId('queued-locked')).toHaveCount(0);
  // written back sealed: the refusal is not readable on the device either
  expect(await rawOutbox(m)).not.toContain('晚于活动结束时间');
  await context.close();
});
