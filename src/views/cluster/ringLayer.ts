/**
 * The HTML layer over the cluster's SVG that the timer rings are drawn in (TimerArc.tsx): the
 * cluster provides it, each server's timer puts its ring there through a portal.
 */
import { createContext } from 'react';

export const RingLayerContext = createContext<HTMLDivElement | null>(null);
