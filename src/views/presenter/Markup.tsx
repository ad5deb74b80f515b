/**
 * Renders a caption's light markup (see markup.ts) as React elements: text stays text, so React
 * escapes it. There is no HTML path here, by design.
 */
import { Fragment, useMemo } from 'react';
import { parseMarkup, type Segment } from './markup.ts';

function render(segment: Segment, key: number) {
  switch (segment.kind) {
    case 'break':
      return <br key={key} />;
    case 'strong':
      return <strong key={key}>{segment.text}</strong>;
    case 'em':
      return <em key={key}>{segment.text}</em>;
    case 'code':
      return <code key={key}>{segment.text}</code>;
    default:
      return <Fragment key={key}>{segment.text}</Fragment>;
  }
}

export function Markup({ text }: { text: string }) {
  const segments = useMemo(() => parseMarkup(text), [text]);
  return <>{segments.map(render)}</>;
}
