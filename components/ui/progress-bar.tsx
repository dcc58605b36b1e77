/** A progress bar with its value in words for assistive technology ("2 of 3 answered"). */
export function ProgressBar({ value, max, label, valueText }: { value: number; max: number; label: string; valueText: string }) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
    >
      {/* An SVG bar rather than a style attribute: the Content-Security-Policy allows no inline styles. */}
      <svg aria-hidden="true" focusable="false" className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none">
        <rect width={share} height={1} className="fill-accent" />
      </svg>
    </div>
  );
}
