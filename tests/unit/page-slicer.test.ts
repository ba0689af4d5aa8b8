// The slicer's pauses: short slices yield with scheduler.yield, and a chain of them longer than
// MAX_CHAIN_MS ends with a whole task that lets the page's own due timers run first.
import { describe, expect, test } from 'vitest';
import { createSlicer, MAX_CHAIN_MS } from '../../src/page/slicer';

const busy = (ms: number) => { const t = performance.now(); while (performance.now() - t < ms) { /* work */ } };

describe('slicer', () => {
  test('a chain of yields longer than MAX_CHAIN_MS lets a due page timer run', async () => {
    let yields = 0;
    const win = { scheduler: { yield: () => { yields++; return Promise.resolve(); } } } as unknown as Window & typeof globalThis;
    const s = createSlicer(win, 1);
    let timerRan = false;
    setTimeout(() => { timerRan = true; }, 0);
    const t0 = performance.now();
    // Microtask-only yields never let the timer run; the whole-task break must.
    while (!timerRan && performance.now() - t0 < MAX_CHAIN_MS * 10) {
      busy(2);
      await s.pause();
    }
    expect(timerRan).toBe(true);
    expect(yields).toBeGreaterThan(0);
  });

  test('outOfTime follows the budget and reset starts a new slice', () => {
    const s = createSlicer(null, 5);
    expect(s.outOfTime()).toBe(false);
    busy(7);
    expect(s.outOfTime()).toBe(true);
    s.reset();
    expect(s.outOfTime()).toBe(false);
  });
});

describe('slicer turn', () => {
  test('turn yields a whole task: a page timer already due runs before it resolves', async () => {
    const s = createSlicer(null, 8);
    let timerRan = false;
    setTimeout(() => { timerRan = true; }, 0);
    await s.turn();
    expect(timerRan).toBe(true);
    expect(s.outOfTime()).toBe(false);
  });
});
