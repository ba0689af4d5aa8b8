// Stage timestamps for investigating speed: only in a build made with WXT_FM_TRACE=1 (dead code otherwise).
export function trace(name: string): void {
  if (!import.meta.env.WXT_FM_TRACE) return;
  try {
    const g = globalThis as unknown as { __fmTrace?: { name: string; t: number }[] };
    (g.__fmTrace ??= []).push({ name, t: performance.timeOrigin + performance.now() });
    performance.mark(`factmark:${name}`);
  } catch { /* ignore */ }
}
