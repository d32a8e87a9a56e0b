// Eleventy 3.1 makes the collection of each tag (collections.<tag>) by sorting every page
// of the site again and keeping those with that tag: once per tag, each build. A site of
// 4,000 posts and 37 tags sorted its 4,000 pages 37 times. Here the pages of every tag
// are found in one pass over the pages sorted once, and found again only once pages have
// been added: Eleventy adds them between two tags' collections (a tag's collection is
// made once the pages tagged with it are in), never removes one, and reads a page's tags
// from its data, which is set before it is added.

/**
 * @typedef {{ items: unknown[], getAllSorted(): unknown[], getFilteredByTag(tag?: string): unknown[] }} Collection
 * @typedef {{ items: unknown[], count: number, pagesByTag: Map<string, unknown[]> }} TagIndex
 */

/** @type {WeakMap<object, TagIndex>} */
const indexes = new WeakMap();

/**
 * @param {Collection} collection
 * @param {(data: unknown) => string[]} includedTagNames Eleventy's TemplateData.getIncludedTagNames
 * @returns {TagIndex}
 */
function tagIndex(collection, includedTagNames) {
  const known = indexes.get(collection);
  if (known && known.items === collection.items && known.count === collection.items.length) return known;
  /** @type {Map<string, unknown[]>} */
  const pagesByTag = new Map();
  for (const page of collection.getAllSorted()) {
    // Eleventy's own list of the page's tags: without duplicates, "all" and excluded ones left out.
    for (const tag of includedTagNames(/** @type {{ data: unknown }} */ (page).data)) {
      const pages = pagesByTag.get(tag);
      if (pages) pages.push(page);
      else pagesByTag.set(tag, [page]);
    }
  }
  const index = { items: collection.items, count: collection.items.length, pagesByTag };
  indexes.set(collection, index);
  return index;
}

/**
 * Finds the pages of each tag in one pass (Eleventy's `TemplateCollection.getFilteredByTag`,
 * src/TemplateCollection.js); true if patched, false, changing nothing, if Eleventy's
 * classes have no such methods.
 * @param {any} TemplateCollection Eleventy's class, untyped
 * @param {any} TemplateData Eleventy's class, untyped
 * @returns {boolean}
 */
export function indexTagCollections(TemplateCollection, TemplateData) {
  const original = TemplateCollection?.prototype?.getFilteredByTag;
  const includedTagNames = TemplateData?.getIncludedTagNames;
  if (typeof original !== "function" || typeof includedTagNames !== "function") return false;
  /** @param {unknown} data */
  const tagsOf = (data) => includedTagNames.call(TemplateData, data);
  /**
   * @this {Collection}
   * @param {string | undefined} tagName
   */
  TemplateCollection.prototype.getFilteredByTag = function (tagName) {
    // No tag: every page, as Eleventy gives them.
    if (!tagName) return original.call(this, tagName);
    // A new array each time, as Eleventy's filter makes: a caller may change it.
    return [...(tagIndex(this, tagsOf).pagesByTag.get(tagName) ?? [])];
  };
  return true;
}
