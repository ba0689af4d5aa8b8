// V8's code log (node --prof or --log-code, with --logfile): the compiled code by address, for tools that name
// the function a sampled or logged program counter lies in (scripts/v8-ticks.mjs, scripts/ic-sites.mjs).

/**
 * The code objects of a log's lines, each at every address it had (its creation and each `code-move` after it,
 * moves of moved code followed), and `codeAt(pc)`: the `{ type, name }` of the code holding pc, or undefined.
 * `type` is the log's kind (JS, Builtin, RegExp, ...); `name` the rest of its code-creation line.
 */
export function codeIndex(lines) {
  const ranges = [];
  // the entries by the address they are at now
  const current = new Map();
  for (const l of lines) {
    if (l.startsWith('code-creation,')) {
      const f = l.split(',');
      const at = parseInt(f[4], 16);
      const entry = { type: f[1], name: f.slice(6).join(','), size: parseInt(f[5], 10) };
      ranges.push([at, entry]);
      current.set(at, entry);
    } else if (l.startsWith('code-move,')) {
      const f = l.split(',');
      const from = parseInt(f[1], 16);
      const entry = current.get(from);
      if (!entry) continue;
      const to = parseInt(f[2], 16);
      current.delete(from);
      current.set(to, entry);
      ranges.push([to, entry]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return {
    codeAt(pc) {
      const r = floorEntry(ranges, pc);
      return r && pc < r[0] + r[1].size ? r[1] : undefined;
    },
  };
}

/** The last entry of a list of [address, ...] sorted by address that is at or before pc. */
export function floorEntry(list, pc) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (list[m][0] <= pc) lo = m + 1;
    else hi = m;
  }
  return list[lo - 1];
}
