// scripts/eleventy-patches/dependency-graph-edges.js looks each new edge of Eleventy's dependency graph up
// in a Set: the graph must come out as the package's own addDependency makes it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { pick, randomInt, seededRandom } from "../../bench/random.ts";
import { indexDependencyGraphEdges } from "../../scripts/eleventy-patches/dependency-graph-edges.js";

interface Graph {
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  addNode(node: string): void;
  removeNode(node: string): void;
  hasNode(node: string): boolean;
  addDependency(from: string, to: string): boolean;
  removeDependency(from: string, to: string): void;
  clone(): Graph;
  overallOrder(): string[];
}
type GraphClass = new () => Graph;

const { DepGraph } = createRequire(import.meta.resolve("@11ty/eleventy"))("dependency-graph") as {
  DepGraph: GraphClass;
};
const packageAddDependency = DepGraph.prototype.addDependency;

/** The package's own graph, whatever the patch does to the prototype (its clones too). */
class PackageGraph extends DepGraph {
  override addDependency(from: string, to: string): boolean {
    return packageAddDependency.call(this, from, to);
  }
  override clone(): Graph {
    const copy = new PackageGraph();
    const cloned = super.clone();
    copy.outgoingEdges = cloned.outgoingEdges;
    copy.incomingEdges = cloned.incomingEdges;
    (copy as unknown as { nodes: unknown }).nodes = (cloned as unknown as { nodes: unknown }).nodes;
    return copy;
  }
}

function edges(graph: Graph): unknown {
  return [[...graph.outgoingEdges], [...graph.incomingEdges]];
}

describe("the indexed dependency-graph edges", () => {
  it("build the same graph as the package, through adds, repeats, removals and clones", () => {
    assert.equal(indexDependencyGraphEdges(DepGraph), true, "patched");
    assert.notEqual(DepGraph.prototype.addDependency, packageAddDependency);
    const random = seededRandom(17);
    const names = Array.from({ length: 30 }, (_, n) => `n${n}`);
    let ours: Graph = new DepGraph();
    let theirs: Graph = new PackageGraph();
    for (let step = 0; step < 20_000; step++) {
      const [a, b] = [pick(random, names), pick(random, names)];
      const operation = randomInt(random, 0, 9);
      if (operation <= 1) {
        ours.addNode(a);
        theirs.addNode(a);
      } else if (operation <= 6) {
        // Often towards n0, a node most others point at, as pages point at a layout.
        const to = random() < 0.5 ? "n0" : b;
        const run = (graph: Graph) => {
          try {
            return graph.addDependency(a, to);
          } catch (error) {
            return (error as Error).message;
          }
        };
        assert.equal(run(ours), run(theirs), `step ${step}: addDependency(${a}, ${to})`);
      } else if (operation === 7) {
        ours.removeDependency(a, b);
        theirs.removeDependency(a, b);
      } else if (operation === 8) {
        ours.removeNode(a);
        theirs.removeNode(a);
      } else {
        ours = ours.clone();
        theirs = theirs.clone();
      }
      assert.deepEqual(edges(ours), edges(theirs), `step ${step}`);
    }
    assert.ok(ours.outgoingEdges.size > 10, "the graph is not trivially empty at the end");
    assert.ok(
      theirs instanceof PackageGraph && !(ours instanceof PackageGraph),
      "each kept its own addDependency",
    );
  });
});
