/**
 * Inline SVG icons: media-control characters (⏮ ⏭) are missing from many system fonts and show
 * up as empty boxes, so the step buttons draw their own.
 */
export function StepBackIcon() {
  return (
    <svg className="rl-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="2" y="3" width="2.2" height="10" rx="0.5" />
      <path d="M14 3v10L5.5 8z" />
    </svg>
  );
}

export function StepForwardIcon() {
  return (
    <svg className="rl-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2 3v10l8.5-5z" />
      <rect x="11.8" y="3" width="2.2" height="10" rx="0.5" />
    </svg>
  );
}
