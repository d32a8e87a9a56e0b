// Eleventy 3.1 records which page uses what (layouts, collections) in a graph from the
// dependency-graph package, whose addDependency looks for the new edge in the list of
// every edge of both nodes (`indexOf`) before adding it: quadratic for the nodes that
// thousands of pages point at, a layout or a collection. This looks the edge up in a Set
// kept beside each list instead; the lists, their order and the errors stay the package's
// own. If the package differs from what this expects, nothing is patched.

// Each edge list's members. The package only ever pushes to a list in addDependency
// (patched here) and removes from it with splice, so a list whose length differs from its
// Set's size has lost members since: its Set is rebuilt.
/** @type {WeakMap<unknown[], Set<unknown>>} */
const members = new WeakMap();

/**
 * The Set of `list`'s members.
 * @param {unknown[]} list
 * @returns {Set<unknown>}
 */
function membersOf(list) {
  let set = members.get(list);
  if (set === undefined || set.size !== list.length) {
    set = new Set(list);
    members.set(list, set);
  }
  return set;
}

/**
 * @param {unknown[]} list
 * @param {unknown} item
 */
function addOnce(list, item) {
  const set = membersOf(list);
  if (set.has(item)) return;
  list.push(item);
  set.add(item);
}

/**
 * Patches dependency-graph's `DepGraph` (the copy Eleventy resolves); true if patched.
 * @param {any} DepGraph untyped, as Eleventy's internals: checked before it is changed
 * @returns {boolean}
 */
export function indexDependencyGraphEdges(DepGraph) {
  const original = DepGraph?.prototype?.addDependency;
  if (typeof original !== "function" || !(new DepGraph().outgoingEdges instanceof Map)) return false;
  /**
   * @this {{ hasNode(node: string): boolean, outgoingEdges: Map<string, string[]>, incomingEdges: Map<string, string[]> }}
   * @param {string} from
   * @param {string} to
   */
  DepGraph.prototype.addDependency = function (from, to) {
    if (!this.hasNode(from)) throw new Error("Node does not exist: " + from);
    if (!this.hasNode(to)) throw new Error("Node does not exist: " + to);
    // Both nodes exist (checked above), so both have an edge list.
    addOnce(/** @type {string[]} */ (this.outgoingEdges.get(from)), to);
    addOnce(/** @type {string[]} */ (this.incomingEdges.get(to)), from);
    return true;
  };
  return true;
}
