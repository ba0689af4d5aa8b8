// An accessible on/off switch: a button with role="switch" and aria-checked, named by its visible label.
// Used by the popup (category switches) and the options page.
import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  /** The accessible name, exactly (e.g. "Places"). */
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  /** Shown beside the switch, outside its accessible name (e.g. a count). */
  children?: ComponentChildren;
  /** Extra class for the row (e.g. the category colour). */
  class?: string;
  describedBy?: string;
}

export function Switch({ label, checked, onChange, disabled, children, class: cls, describedBy }: SwitchProps) {
  return (
    <div class={`fm-switch-row${cls ? ` ${cls}` : ''}`}>
      <button
        type="button"
        role="switch"
        class="fm-switch"
        aria-checked={checked ? 'true' : 'false'}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="fm-switch-track" aria-hidden="true">
          <span class="fm-switch-thumb" />
        </span>
        <span class="fm-switch-label">{label}</span>
      </button>
      {children}
    </div>
  );
}
