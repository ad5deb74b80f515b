/** Where a server's right-click menu (ServerMenu.tsx) opens. */
export interface MenuAnchor {
  server: number;
  /** Where it opens, in viewport px (the menu is fixed, kept inside the window). */
  x: number;
  y: number;
}
