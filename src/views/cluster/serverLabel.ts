/**
 * The accessible name of a server on the ring. A screen reader says it, and speech-input users
 * say what they see to press it ("click S2"), so the name starts with the words drawn on the
 * server, in the order they are drawn (WCAG 2.5.3 Label in Name): the name "S2", the term
 * caption and number, then any badge or pill. What is only shown by shape or colour (the role,
 * a crash, being outside the cluster) follows.
 */
export interface ServerLabelParts {
  /** "S2": the label beside the circle, drawn first. */
  name: string;
  /** "term" (translated), drawn above the number. */
  termCaption: string;
  term: number;
  /** Badge and pill texts in drawing order: "G1", "→ S3", "learner", "catching up". */
  badges: readonly string[];
  /** What the drawing says without words: the role or "crashed", "outside the cluster". */
  states: readonly string[];
}

/** The texts drawn on the server, in order: what its accessible name must start with. */
export function serverVisibleTexts(parts: ServerLabelParts): string[] {
  return [parts.name, parts.termCaption, String(parts.term), ...parts.badges];
}

/** "S2 term 3, leader": the visible words first, then the states, comma separated. */
export function serverAccessibleName(parts: ServerLabelParts): string {
  const visible = serverVisibleTexts(parts).join(' ');
  return [visible, ...parts.states].join(', ');
}
