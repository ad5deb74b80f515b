/**
 * The log panel's "What the marks mean": each mark of a log row drawn as the row draws it, with
 * what it means. Loaded when first opened, or ahead on hover, on focus or once the page is idle.
 */
import { useMemo } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { Legend } from './Legend.tsx';
import { logLegend } from './legends.ts';

export function LogLegend() {
  const t = useLabT();
  const items = useMemo(() => logLegend(t), [t]);
  return <Legend items={items} />;
}
