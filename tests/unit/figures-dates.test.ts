import { describe, expect, it } from 'vitest';
import { chronoDate, plainDate, resolveDate } from '../../src/recognize/figures/dates';

// plainDate reads the commonest date forms without chrono; it must give what chrono gives for
// every candidate it reads (and leave the others to chrono).
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTH_WORDS = [...MONTHS, ...MONTHS.map((m) => `${m}.`), 'Mays', 'Janu', 'Febr.', 'Septem'];
const DAYS = [...Array.from({ length: 33 }, (_, d) => String(d)), '01', '05', '09', '00', '31'];
const YEARS = ['', '1600', '1999', '2000', '2023', '2024', '2199'];
const REFS = [undefined, new Date('2022-09-10T12:00:00Z'), new Date('2024-02-29T12:00:00Z'), new Date('2021-01-01T12:00:00Z'), new Date('2020-12-31T12:00:00Z')];

function candidates(): string[] {
  const out: string[] = [];
  for (const m of MONTH_WORDS) {
    for (const y of YEARS.slice(1)) out.push(`${m} ${y}`, `${m}, ${y}`);
    for (const d of DAYS) {
      for (const y of YEARS) {
        if (!y) out.push(`${m} ${d}`, `${d} ${m}`);
        else out.push(`${m} ${d} ${y}`, `${m} ${d}, ${y}`, `${m} ${d},${y}`, `${d} ${m} ${y}`, `${d} ${m}, ${y}`);
      }
    }
  }
  return out;
}

describe('plain dates read without chrono', () => {
  it('agree with chrono on every plain form', () => {
    let read = 0;
    const wrong: string[] = [];
    for (const c of candidates()) {
      for (const ref of REFS) {
        const fast = plainDate(c, ref);
        if (fast === null) continue;
        read++;
        const slow = chronoDate(c, ref);
        if (fast !== slow) wrong.push(`${c} @${ref?.toISOString().slice(0, 10)}: ${fast} vs ${slow}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(read).toBeGreaterThan(20_000);
  }, 120_000);

  it('resolve the usual forms', () => {
    expect(resolveDate('February 24', '2022-09-10')).toBe('2022-02-24');
    expect(resolveDate('October 24', '2022-09-10')).toBe('2021-10-24');
    expect(resolveDate('Sept. 11, 2001', '2022-09-10')).toBe('2001-09-11');
    expect(resolveDate('24 February 2022')).toBe('2022-02-24');
    expect(resolveDate('March 5')).toBe('--03-05');
    expect(resolveDate('August 2017')).toBe('2017-08');
    expect(resolveDate('Monday, February 24', '2022-09-10')).toBe('2022-02-24');
  });
});
