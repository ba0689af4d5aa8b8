// A small verdict label (consistent, spelling variant, differs...) with its summary as a tooltip;
// the kind is written out, never shown by colour alone.
import type { Verdict } from '../types';
import { VERDICT_LABEL, verdictText } from './describe';

export function VerdictBadge({ verdict }: { verdict: Verdict | undefined }) {
  if (!verdict) return null;
  return (
    <span class={`fm-verdict fm-verdict-${verdict.kind}`} title={verdictText(verdict)}>
      {VERDICT_LABEL[verdict.kind]}
    </span>
  );
}
