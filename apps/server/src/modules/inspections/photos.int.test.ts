import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, inMigrationTransaction, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, PNG, PNG_BYTES, trainAll } from '../../../test/onsite-fixtures';
import { dataUrl, gpsExif, JFIF, jpeg } from '../../../test/images';
import { PhotoMetadata1769250000000 } from '../../database/migrations/1769250000000-PhotoMetadata';

/**
 * The on-site screen's photos (the on-duty roster's, the findings'): the lists carry each photo's
 * address, not the picture; the address answers the picture with the list's own roles and record
 * rules, revalidated on every use.
 */
const ROSTER = /* GraphQL */ `query ($id: ID!) { onDutyRoster(activityId: $id) { rosterEntryId guardId photoUrl photo } }`;
const RECORD = /* GraphQL */ `
  mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id findings { id photoUrl photo } } }
`;
const FINDINGS = /* GraphQL */ `query ($id: ID!) { findings(activityId: $id) { items { id photoUrl photo } } }`;
const INSPECTIONS = /* GraphQL */ `query ($id: ID!) { inspections(activityId: $id) { items { id findings { id photoUrl photo } } } }`;
const START = `mutation ($id: ID!) { startActivity(id: $id) { id status } }`;

/** A JPEG's signature and a few bytes: what is stored is served, byte for byte. */
const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const JPEG = `data:image/jpeg;base64,${JPEG_BYTES.toString('base64')}`;

describe('on-site photos: addresses in the lists, pictures behind the same rules', () => {
  let t: TestApp;
  let baoan: TestClient;
  let activityId: string;
  let withPhoto: { entryId: string; guardId: string };
  let withoutPhoto: { entryId: string; guardId: string };
  let failedEntryId: string;

  const get = (client: TestClient | null, url: string, headers: Record<string, string> = {}) => {
    const session = client?.cookie('evs_session');
    return fetch(`${t.url}${url}`, { headers: { ...headers, ...(session ? { cookie: `evs_session=${session}` } : {}) } });
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2031-04-01T10:00:00+08:00');
    baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '照片测试保安服务有限公司', 4, { username: 'photo_co' });
    await createCompanyWithGuards(t, '照片测试其他保安服务有限公司', 1, { username: 'photo_other_co' });
    // Photos as the register stores them, before the roster (a photo is locked while on an open roster):
    // the first cleared guard and the guard who fails vetting have one (the fixture's order).
    const [first, , third] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 ORDER BY certificate_no, id LIMIT 3`, [companyId]);
    await t.sql(`UPDATE guards SET photo = $2 WHERE id = $1`, [first.id, JPEG]);
    await t.sql(`UPDATE guards SET photo = $2 WHERE id = $1`, [third.id, PNG]);
    const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 2, cleared: 2, failed: 1 });
    await trainAll(t, a.id);
    activityId = a.id;
    [withPhoto, withoutPhoto] = a.cleared;
    expect(withPhoto.guardId).toBe(first.id);
    [{ id: failedEntryId }] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [a.id]);
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('the roster carries an address for a guard with a photo, none without; the photo itself is still read when asked for', async () => {
    const roster = expectData(await baoan.gql(ROSTER, { id: activityId })).onDutyRoster;
    const byEntry = new Map(roster.map((g: { rosterEntryId: string }) => [g.rosterEntryId, g]));
    expect(byEntry.get(withPhoto.entryId)).toMatchObject({ photoUrl: `/photos/roster/${withPhoto.entryId}`, photo: JPEG });
    expect(byEntry.get(withoutPhoto.entryId)).toMatchObject({ photoUrl: null, photo: null });
  });

  it('the address answers the picture: its type, inline, revalidated on each use (304 when unchanged)', async () => {
    const res = await get(baoan, `/photos/roster/${withPhoto.entryId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG_BYTES);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    // As a browser revalidates (fetch() alone would add `cache-control: no-cache` to a conditional request).
    const again = await get(baoan, `/photos/roster/${withPhoto.entryId}`, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
  });

  it('refuses the roster photo as the roster is refused: no session 401, a role outside the activity 403, a party who cannot see it 404', async () => {
    const url = `/photos/roster/${withPhoto.entryId}`;
    expect((await get(null, url)).status).toBe(401);
    expect((await get(await t.login('admin'), url)).status).toBe(403);
    // Not the selected company, another district's bureau, an organizer of other activities: the same answer as no photo at all.
    const missing = await (await get(baoan, `/photos/roster/${randomUUID()}`)).json();
    for (const username of ['photo_other_co', 'panshan', 'organizer2']) {
      const res = await get(await t.login(username), url);
      expect({ username, status: res.status, body: await res.json() }).toEqual({ username, status: 404, body: missing });
    }
    expect(missing).toEqual({ error: { code: 'NOT_FOUND', message: '照片不存在或无权查看' } });
    // The selected company and the district's bureau see their activity's roster, and so its photos.
    for (const username of ['photo_co', 'xinglongtai', 'office', 'leader']) expect({ username, status: (await get(await t.login(username), url)).status }).toEqual({ username, status: 200 });
  });

  it('serves only photos of guards on duty: not one without a photo, not one off the on-duty roster, not a malformed address', async () => {
    expect((await get(baoan, `/photos/roster/${withoutPhoto.entryId}`)).status).toBe(404);
    expect((await get(baoan, `/photos/roster/${failedEntryId}`)).status).toBe(404);
    expect((await get(baoan, `/photos/roster/not-an-id`)).status).toBe(404);
    expect((await get(baoan, `/photos/roster/${withPhoto.guardId}`)).status).toBe(404);
  });

  it('the photo of a guard on duty cannot be removed or swapped (the on-site identity check reads it); the address keeps answering', async () => {
    const url = `/photos/roster/${withPhoto.entryId}`;
    const cached = (await get(baoan, url)).headers.get('etag')!;
    await expect(t.sql(`UPDATE guards SET photo = NULL WHERE id = $1`, [withPhoto.guardId])).rejects.toMatchObject({ code: 'EV001' });
    await expect(t.sql(`UPDATE guards SET photo = $2 WHERE id = $1`, [withPhoto.guardId, PNG])).rejects.toMatchObject({ code: 'EV001' });
    const roster = expectData(await baoan.gql(ROSTER, { id: activityId })).onDutyRoster;
    expect(roster.find((g: { rosterEntryId: string }) => g.rosterEntryId === withPhoto.entryId)).toMatchObject({ photoUrl: url, photo: JPEG });
    expect((await get(baoan, url, { 'if-none-match': cached, 'cache-control': 'max-age=0' })).status).toBe(304);
  });

  describe('findings', () => {
    let findingId: string;
    let plainFindingId: string;

    beforeAll(async () => {
      t.clock.set('2031-04-11T08:00:00+08:00');
      expectData(await baoan.gql(START, { id: activityId }));
      const recordedAt = t.clock.now().toISOString();
      const shot = expectData(
        await baoan.gql(RECORD, {
          input: { id: randomUUID(), activityId, guardId: withPhoto.guardId, results: checklist(['UNIFORM']), note: '未着制式服装', photo: PNG, recordedAt },
        }),
      ).recordInspection;
      findingId = shot.findings[0].id;
      expect(shot.findings[0]).toEqual({ id: findingId, photoUrl: `/photos/findings/${findingId}`, photo: PNG });
      const plain = expectData(
        await baoan.gql(RECORD, {
          input: { id: randomUUID(), activityId, guardId: withoutPhoto.guardId, results: checklist(['DUTY']), note: '脱岗', recordedAt },
        }),
      ).recordInspection;
      plainFindingId = plain.findings[0].id;
      expect(plain.findings[0]).toEqual({ id: plainFindingId, photoUrl: null, photo: null });
    });

    it('every list of findings carries the address, and the photo when asked for', async () => {
      const listed = expectData(await baoan.gql(FINDINGS, { id: activityId })).findings.items;
      const nested = expectData(await baoan.gql(INSPECTIONS, { id: activityId })).inspections.items.flatMap((i: { findings: unknown[] }) => i.findings);
      for (const items of [listed, nested]) {
        expect(items).toEqual(
          expect.arrayContaining([
            { id: findingId, photoUrl: `/photos/findings/${findingId}`, photo: PNG },
            { id: plainFindingId, photoUrl: null, photo: null },
          ]),
        );
      }
    });

    it('the address answers the picture to whoever reads the findings, and refuses the rest', async () => {
      const url = `/photos/findings/${findingId}`;
      for (const username of ['baoan', 'photo_co', 'xinglongtai']) {
        const res = await get(await t.login(username), url);
        expect({ username, status: res.status, type: res.headers.get('content-type') }).toEqual({ username, status: 200, type: 'image/png' });
        expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG_BYTES);
      }
      expect((await get(null, url)).status).toBe(401);
      expect((await get(await t.login('admin'), url)).status).toBe(403);
      for (const username of ['photo_other_co', 'panshan', 'organizer2']) expect({ username, status: (await get(await t.login(username), url)).status }).toEqual({ username, status: 404 });
      expect((await get(baoan, `/photos/findings/${plainFindingId}`)).status).toBe(404);
      expect((await get(baoan, `/photos/findings/${randomUUID()}`)).status).toBe(404);
    });

    // Red team 3 H5: a phone's photo carries where and with what device it was taken.
    it('a photo sent with Exif (GPS, make) is stored and served without it, to the company and everyone else', async () => {
      const sent = jpeg(64, 48, { head: [JFIF, gpsExif(1)] });
      const plain = jpeg(64, 48);
      const recorded = expectData(
        await baoan.gql(RECORD, {
          input: { id: randomUUID(), activityId, guardId: withPhoto.guardId, results: checklist(['BEARING']), note: '仪容不整', photo: dataUrl(sent), recordedAt: t.clock.now().toISOString() },
        }),
      ).recordInspection.findings[0];
      expect(recorded.photo).toBe(dataUrl(plain));
      expect((await t.sql(`SELECT photo FROM findings WHERE id = $1`, [recorded.id]))[0].photo).toBe(dataUrl(plain));
      for (const username of ['baoan', 'photo_co', 'xinglongtai']) {
        const res = await get(await t.login(username), `/photos/findings/${recorded.id}`);
        const body = Buffer.from(await res.arrayBuffer());
        expect({ username, status: res.status, type: res.headers.get('content-type'), gps: body.includes('RedTeamPhone') }).toEqual({ username, status: 200, type: 'image/jpeg', gps: false });
        expect(body).toEqual(plain);
      }
    });

    it('a photo of more than 4096×4096 pixels is refused on the field, in words (red team 3 H4)', async () => {
      const bomb = Buffer.from(jpeg(30000, 30000));
      const res = await baoan.gql(RECORD, {
        input: { id: randomUUID(), activityId, guardId: withPhoto.guardId, results: checklist(['BEARING']), note: '仪容不整', photo: dataUrl(bomb), recordedAt: t.clock.now().toISOString() },
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'photo', message: '照片尺寸过大（30000×30000像素），请使用不超过4096×4096像素（约1678万像素）的照片' }],
      });
    });
  });

  it('migration PhotoMetadata strips the photos stored before it, a locked guard’s too, and leaves the lock on', async () => {
    const withExif = dataUrl(jpeg(32, 32, { head: [JFIF, gpsExif(1)] }));
    const stripped = dataUrl(jpeg(32, 32));
    // Stored before the change: a guard on the open roster (locked), and a finding.
    const [finding] = await t.sql(`SELECT id FROM findings ORDER BY id LIMIT 1`);
    expect(finding).toBeDefined();
    await inMigrationTransaction(t.ds, async (q) => {
      await q.query(`ALTER TABLE guards DISABLE TRIGGER trg_guards_credentials`);
      await q.query(`UPDATE guards SET photo = $2 WHERE id = $1`, [withoutPhoto.guardId, withExif]);
      await q.query(`SET CONSTRAINTS ALL IMMEDIATE`);
      await q.query(`ALTER TABLE guards ENABLE TRIGGER trg_guards_credentials`);
      await q.query(`UPDATE findings SET photo = $2 WHERE id = $1`, [finding.id, withExif]);
    });
    await inMigrationTransaction(t.ds, (q) => new PhotoMetadata1769250000000().up(q));
    expect((await t.sql(`SELECT photo FROM guards WHERE id = $1`, [withoutPhoto.guardId]))[0].photo).toBe(stripped);
    expect((await t.sql(`SELECT photo FROM findings WHERE id = $1`, [finding.id]))[0].photo).toBe(stripped);
    // A stored photo it cannot read (the 14-byte JPEG above) is left as it was; the lock holds again.
    expect((await t.sql(`SELECT photo FROM guards WHERE id = $1`, [withPhoto.guardId]))[0].photo).toBe(JPEG);
    await expect(t.sql(`UPDATE guards SET photo = NULL WHERE id = $1`, [withoutPhoto.guardId])).rejects.toMatchObject({ code: 'EV001' });
    const res = await get(baoan, `/photos/roster/${withoutPhoto.entryId}`);
    expect(Buffer.from(await res.arrayBuffer()).includes('RedTeamPhone')).toBe(false);
  });
});
