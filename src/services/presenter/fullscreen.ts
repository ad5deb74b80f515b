/**
 * The Fullscreen API, for the F key and the presenter's buttons. Browsers may refuse (no user
 * gesture, a headless browser, an iframe without permission): that is not an error.
 */

export function enterFullscreen(doc: Document = document): void {
  if (doc.fullscreenElement) return;
  doc.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function exitFullscreen(doc: Document = document): void {
  if (!doc.fullscreenElement) return;
  doc.exitFullscreen?.().catch(() => undefined);
}

export function toggleFullscreen(doc: Document = document): void {
  if (doc.fullscreenElement) exitFullscreen(doc);
  else enterFullscreen(doc);
}
