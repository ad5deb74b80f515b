/**
 * User-timing marks the app leaves on the page's performance timeline (DevTools shows them; the
 * browser benchmark reads them).
 */

/** Set in the animation frame that first paints the lab, after index.html's boot shell. */
export const LAB_DRAWN_MARK = 'raft-lab:drawn';
