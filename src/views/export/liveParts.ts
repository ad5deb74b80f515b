/**
 * Parts of a picture drawn outside its SVG. What glides while the lab plays (messages in flight,
 * timer rings) is drawn in HTML layers over the cluster's SVG, moved by the compositor, so a
 * copy of the SVG alone would miss them. Each such layer registers here what it draws, placed
 * from the store's state at the display time (not from where an animation has got to), and the
 * exporter adds it to its copy of the SVG (domExport.ts).
 */

export interface LivePart {
  /** The element to copy (its computed styles travel with it). */
  readonly source: Element;
  /** Where it goes in the SVG's coordinates: an SVG transform. */
  readonly transform: string;
  /** Its opacity, when not 1. */
  readonly opacity?: string | undefined;
  /** Attributes to set on the copy of `source` itself (a ring's dash offset). */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

interface Provider {
  /** The element the parts are drawn over (the SVG's parent); null when not on screen. */
  readonly over: () => Element | null;
  readonly parts: () => LivePart[];
}

const providers = new Set<Provider>();

/** Registers a layer's parts; returns the unregister function. */
export function registerLiveParts(provider: Provider): () => void {
  providers.add(provider);
  return () => providers.delete(provider);
}

/** The parts drawn over `svg` (over its parent element), in registration order. */
export function livePartsOver(svg: Element): LivePart[] {
  const parent = svg.parentElement;
  if (parent === null) return [];
  return [...providers].filter((p) => p.over() === parent).flatMap((p) => p.parts());
}
