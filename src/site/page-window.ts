// Which page numbers a pagination shows: the first, the last, and the current page with
// its neighbours; a gap stands for the pages left out. A list of every page would grow
// with the blog (as many links on each page as there are pages: quadratic in posts, and
// a wall of links on a phone).

export type PageLink = number | "gap";

/** 1-based page numbers around `current` (1-based) among `count` pages, e.g. 1 … 4 5 6 7 8 … 400. */
export function pageWindow(current: number, count: number, neighbours = 2): PageLink[] {
  const shown = new Set<number>([1, count]);
  for (let page = current - neighbours; page <= current + neighbours; page++)
    if (page >= 1 && page <= count) shown.add(page);
  const pages = [...shown].filter((page) => page >= 1).sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const [index, page] of pages.entries()) {
    const previous = pages[index - 1];
    // A gap of one page shows that page rather than "…", which would hide no less space.
    if (previous !== undefined && page - previous === 2) links.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) links.push("gap");
    links.push(page);
  }
  return links;
}
