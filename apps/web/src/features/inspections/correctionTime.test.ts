import { describe, expect, it } from 'vitest';
import { correctionInstant, endOfBeijingDayInput, fromBeijingInput, toBeijingInput } from './correctionTime';

// The tests run in America/Los_Angeles (vitest.config.ts): the input is Beijing time regardless.
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-12-02T06:30:40.500Z'); // 14:30:40 in Beijing
const FOUND = at('2026-12-02T06:05:30Z'); // 14:05:30 in Beijing

describe('correction time as a datetime-local value (Beijing time)', () => {
  it('shows an instant as its Beijing minute, and reads a minute back as Beijing time', () => {
    expect(toBeijingInput(NOW)).toBe('2026-12-02T14:30');
    expect(toBeijingInput(at('2026-12-01T16:10:00Z'))).toBe('2026-12-02T00:10');
    expect(fromBeijingInput('2026-12-02T14:30')).toBe(at('2026-12-02T06:30:00Z'));
    expect(fromBeijingInput('2026-12-02T00:10:59')).toBe(at('2026-12-01T16:10:00Z'));
    expect(endOfBeijingDayInput(NOW)).toBe('2026-12-02T23:59');
  });

  it.each(['', '2026-12-02', '2026-12-02 14:30', 'abc', '2026-13-40T25:99'])('reads %j as no time', (v) => {
    expect(fromBeijingInput(v)).toBeNull();
  });
});

describe('correctionInstant', () => {
  it('sends now for the current minute (the default), so it is neither in the future nor before a finding of this minute', () => {
    expect(correctionInstant('2026-12-02T14:30', NOW, FOUND)).toEqual({ at: NOW });
    expect(correctionInstant('2026-12-02T14:30', NOW, at('2026-12-02T06:30:10Z'))).toEqual({ at: NOW });
  });

  it('sends the picked minute for an earlier time, and the finding\'s own time for the minute it was found in', () => {
    expect(correctionInstant('2026-12-02T14:20', NOW, FOUND)).toEqual({ at: at('2026-12-02T06:20:00Z') });
    expect(correctionInstant('2026-12-02T14:05', NOW, FOUND)).toEqual({ at: FOUND });
    // a correction made before midnight, entered after it: a day back
    expect(correctionInstant('2026-12-01T23:50', at('2026-12-01T16:20:00Z'), at('2026-12-01T15:00:00Z'))).toEqual({ at: at('2026-12-01T15:50:00Z') });
  });

  it('refuses what the server refuses, with its words', () => {
    expect(correctionInstant('', NOW, FOUND)).toEqual({ error: '请选择纠正时间' });
    expect(correctionInstant(undefined, NOW, FOUND)).toEqual({ error: '请选择纠正时间' });
    expect(correctionInstant('2026-12-02 14:30', NOW, FOUND)).toEqual({ error: '纠正时间无效' });
    expect(correctionInstant('2026-12-02T14:31', NOW, FOUND)).toEqual({ error: '纠正时间晚于当前时间' });
    expect(correctionInstant('2026-12-03T09:00', NOW, FOUND)).toEqual({ error: '纠正时间晚于当前时间' });
    expect(correctionInstant('2026-12-02T14:04', NOW, FOUND)).toEqual({ error: '纠正时间不能早于发现时间' });
  });

  it('without the finding\'s time, leaves that check to the server', () => {
    expect(correctionInstant('2026-11-30T08:00', NOW, null)).toEqual({ at: at('2026-11-30T00:00:00Z') });
  });
});
