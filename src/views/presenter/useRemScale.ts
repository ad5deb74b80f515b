/**
 * How much larger than the default 16 px the root type is (presenter mode sizes it with the
 * screen's height), so the cluster can be drawn larger in step with the text.
 */
import { useEffect, useState } from 'react';
import { remPx } from '../panels/remPx.ts';

export function useRemScale(): number {
  const [scale, setScale] = useState(() => remPx() / 16);
  useEffect(() => {
    const update = (): void => setScale(remPx() / 16);
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return scale;
}
