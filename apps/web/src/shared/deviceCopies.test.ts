import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expireDeviceCopies, keepConfirmedUser, noteSessionEnd, PHOTO_CACHE, rememberedUser, SESSION_FALLBACK_MS } from './deviceCopies';

const HOUR = 3600_000;
const T0 = Date.parse('2026-12-02T08:00:00Z');
const officer = { id: 'U1', displayName: '刘宝军' };

/** What an officer's on-site screen left on the phone. */
function onsiteCopies() {
  localStorage.setItem('evs.onsite.roster.A1', JSON.stringify({ savedAt: new Date(T0).toISOString(), value: [{ name: '杜勇', certificateNo: '辽盘保201500172' }] }));
  localStorage.setItem('evs.onsite.activity.A1', JSON.stringify({ savedAt: new Date(T0).toISOString(), value: {} }));
}
const evsKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('evs.')).sort();

let photoCache: { delete: ReturnType<typeof vi.fn> };
beforeEach(() => {
  localStorage.clear();
  photoCache = { delete: vi.fn(async () => true) };
  vi.stubGlobal('caches', photoCache);
});
afterEach(() => vi.unstubAllGlobals());

describe('the remembered user and the on-site copies last as long as the session', () => {
  it('within 12 h of the last confirmation (end not known): the remembered user, copies kept', () => {
    keepConfirmedUser(officer, T0);
    onsiteCopies();
    expect(rememberedUser(T0 + 11 * HOUR)).toEqual({ me: officer, until: T0 + SESSION_FALLBACK_MS });
    expect(expireDeviceCopies(T0 + 11 * HOUR)).toBe(false);
    expect(evsKeys()).toContain('evs.onsite.roster.A1');
    expect(photoCache.delete).not.toHaveBeenCalled();
  });

  it('12 h after the last confirmation (end not known): expired, and every copy and the photos are gone', () => {
    keepConfirmedUser(officer, T0);
    onsiteCopies();
    expect(rememberedUser(T0 + 12 * HOUR)).toBe('expired');
    expect(evsKeys()).toEqual([]);
    expect(photoCache.delete).toHaveBeenCalledWith(PHOTO_CACHE);
    expect(rememberedUser(T0 + 12 * HOUR)).toBeNull();
  });

  it('the session’s end, when the server gave it, decides (not the idle timeout: hours offline are fine)', () => {
    keepConfirmedUser(officer, T0);
    noteSessionEnd(T0 + 3 * HOUR);
    onsiteCopies();
    expect(rememberedUser(T0 + 2.5 * HOUR)).toMatchObject({ me: officer, until: T0 + 3 * HOUR });
    expect(expireDeviceCopies(T0 + 3 * HOUR + 1)).toBe(true);
    expect(evsKeys()).toEqual([]);
  });

  it('a clock set back before the confirmation expires them (the end cannot be pushed away)', () => {
    keepConfirmedUser(officer, T0);
    onsiteCopies();
    expect(rememberedUser(T0 - 2 * HOUR)).toBe('expired');
    expect(evsKeys()).toEqual([]);
  });

  it('a user remembered without the time of its confirmation (an earlier version) cannot be dated: expired', () => {
    localStorage.setItem('evs.session.me', JSON.stringify(officer));
    onsiteCopies();
    expect(rememberedUser(T0)).toBe('expired');
    expect(evsKeys()).toEqual([]);
  });

  it('on-site copies without a remembered user belong to no session: gone at start', () => {
    onsiteCopies();
    expect(expireDeviceCopies(T0)).toBe(true);
    expect(evsKeys()).toEqual([]);
    expect(photoCache.delete).toHaveBeenCalledWith(PHOTO_CACHE);
  });

  it('leaves keys outside the app’s prefix alone', () => {
    localStorage.setItem('unrelated', 'kept');
    localStorage.setItem('evs-logout-pending', '{}');
    keepConfirmedUser(officer, T0);
    rememberedUser(T0 + 13 * HOUR);
    expect(localStorage.getItem('unrelated')).toBe('kept');
    expect(localStorage.getItem('evs-logout-pending')).toBe('{}');
  });
});
