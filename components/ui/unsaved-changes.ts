'use client';
import { useEffect, useMemo, useRef } from 'react';

export const LEAVE_QUESTION = 'You have unsaved changes. Leave this page and lose them?';

/** A link click that navigates away from this page in this tab (not a new tab, a download or an anchor here). */
function leavingLink(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return false;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return false;
  if (link.target && link.target !== '_self') return false;
  const url = new URL(link.href, window.location.href);
  const here = window.location;
  return !(url.origin === here.origin && url.pathname === here.pathname && url.search === here.search && url.hash);
}

/**
 * Asks before what a person typed in a form is lost: the browser's own question when the page is
 * closed or reloaded (beforeunload), and a confirm before an in-app link (the tabs, the header)
 * navigates away, since Next's client navigation fires no beforeunload. Spread the returned
 * handlers on the <form>: typing marks it changed, submitting it clears that.
 */
export function useUnsavedChanges() {
  const dirty = useRef(false);
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      // The browser asks in its own words (none shows a page's text any more).
      event.preventDefault();
    };
    // Capturing on the document runs before React's listeners on its root, so stopping the
    // event here keeps Next's <Link> from navigating.
    const click = (event: MouseEvent) => {
      if (!dirty.current || !leavingLink(event)) return;
      if (window.confirm(LEAVE_QUESTION)) {
        dirty.current = false;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, []);
  return useMemo(
    () => ({
      onInput: () => {
        dirty.current = true;
      },
      onSubmit: () => {
        dirty.current = false;
      },
    }),
    [],
  );
}
