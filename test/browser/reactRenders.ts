/**
 * Counts the React components the page renders, by where their DOM is: installed before the app
 * loads as the hook React DevTools would be (react-dom calls `onCommitFiberRoot` after every
 * commit, production builds included). After a commit, the fibers React worked on are those whose
 * parent's child list is not the one of its previous tree; among them a component rendered when
 * its props or its hooks are new objects (a bail-out keeps both). Each rendered component is
 * counted under the first area (a CSS selector of AREAS) that holds its first DOM node.
 *
 * `window.__renders` holds the counts so far: `{ commits, byArea: { [area]: n }, names }`, where
 * `names` counts the components by name (minified in a production build, still told apart).
 */
export const REACT_RENDER_COUNTER = `
(() => {
  const AREAS = { cluster: '.rl-cluster-svg', clock: '.rl-time', timeline: '.rl-timeline' };
  const renders = { commits: 0, byArea: { cluster: 0, clock: 0, timeline: 0, other: 0 }, names: {} };
  window.__renders = renders;
  // Function, class, forwardRef and simple memo components. A memo with a comparison of its own
  // (tag 14) is left out: its props are new whenever its parent renders, even when it bails out;
  // when it does render, its inner function component is counted.
  const COMPONENT = new Set([0, 1, 11, 15]);
  const firstDom = (fiber) => {
    for (let f = fiber; f; f = f.child) {
      if (f.tag === 5) return f.stateNode;
      if (f.tag === 6) return f.stateNode.parentElement;
    }
    return null;
  };
  const areaOf = (fiber) => {
    const el = firstDom(fiber);
    if (!el || !el.closest) return 'other';
    for (const [area, selector] of Object.entries(AREAS)) if (el.closest(selector)) return area;
    return 'other';
  };
  const visit = (first) => {
    for (let f = first; f; f = f.sibling) {
      const old = f.alternate;
      if (
        COMPONENT.has(f.tag) &&
        (old === null || f.memoizedProps !== old.memoizedProps || f.memoizedState !== old.memoizedState)
      ) {
        const area = areaOf(f);
        renders.byArea[area]++;
        const type = f.type && (f.type.type || f.type.render || f.type);
        const name = area + ':' + ((type && (type.displayName || type.name)) || '?');
        renders.names[name] = (renders.names[name] || 0) + 1;
      }
      if (f.child && (old === null || f.child !== old.child)) visit(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) {
      this.renderers.set(1, renderer);
      return 1;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      renders.commits++;
      visit(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})();
`;
