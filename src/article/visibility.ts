// Is an element rendered? Used to skip hidden subtrees when reading the live page's text.
// Cheap checks first; computed style only where the cheap ones cannot tell.

export function isHiddenElement(el: Element): boolean {
  const h = el as HTMLElement;
  if (h.hidden) return true;
  const view = el.ownerDocument?.defaultView;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  try {
    if (typeof check === 'function') {
      if (check.call(el, { visibilityProperty: true })) return false;
      // display: contents has no box of its own but its children render.
      return view?.getComputedStyle(el).display !== 'contents';
    }
    const cs = view?.getComputedStyle(el);
    return cs ? cs.display === 'none' || cs.visibility === 'hidden' : false;
  } catch {
    return false;
  }
}
