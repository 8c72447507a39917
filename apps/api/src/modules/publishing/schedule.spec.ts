import { resolveScheduledAt } from './schedule';

describe('resolveScheduledAt', () => {
  it('keeps an explicit offset', () => {
    expect(resolveScheduledAt('2026-03-02T09:30:00-05:00', 'Europe/Paris').toISOString()).toBe('2026-03-02T14:30:00.000Z');
    expect(resolveScheduledAt('2026-03-02T09:30Z', 'America/New_York').toISOString()).toBe('2026-03-02T09:30:00.000Z');
  });
  it("reads a local time in the advisor's time zone, across DST", () => {
    expect(resolveScheduledAt('2026-01-15T09:00', 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(resolveScheduledAt('2026-07-15T09:00', 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(resolveScheduledAt('2026-07-15T09:00', 'Asia/Kolkata').toISOString()).toBe('2026-07-15T03:30:00.000Z');
  });
});
