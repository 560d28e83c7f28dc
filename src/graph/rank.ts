/**
 * PageRank over a weighted directed graph, personalised: the random walk restarts at `restart`
 * (every node alike when it is empty). A node's edges carry its rank in proportion to their weight
 * when they weigh 1 or more in all; below that the rest goes back to the restart nodes, as a node
 * with no edges gives all of its rank: a node whose only edges are weak (uses matched by name only)
 * does not pass its whole rank along them. Deterministic: same graph, same ranks.
 */

const DAMPING = 0.85;
const MAX_ROUNDS = 100;
/** Stop when ranks move less than this in all (L1): 1e-6 is far below any difference a map shows. */
const TOLERANCE = 1e-6;

export interface Graph {
  readonly nodes: number;
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly weight: readonly number[];
}

export function pageRank(graph: Graph, restart: readonly number[] = []): Float64Array {
  const n = graph.nodes;
  const rank = new Float64Array(n);
  if (n === 0) return rank;
  const teleport = new Float64Array(n);
  if (restart.length === 0) teleport.fill(1 / n);
  else for (const node of restart) teleport[node] = 1 / restart.length;
  const outWeight = new Float64Array(n);
  for (let e = 0; e < graph.from.length; e++) outWeight[graph.from[e]!]! += graph.weight[e]!;
  rank.set(teleport);
  const next = new Float64Array(n);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i]! < 1) dangling += rank[i]! * (1 - outWeight[i]!);
    for (let i = 0; i < n; i++) next[i] = (1 - DAMPING + DAMPING * dangling) * teleport[i]!;
    for (let e = 0; e < graph.from.length; e++) {
      const source = graph.from[e]!;
      next[graph.to[e]!]! += (DAMPING * rank[source]! * graph.weight[e]!) / Math.max(1, outWeight[source]!);
    }
    let moved = 0;
    for (let i = 0; i < n; i++) moved += Math.abs(next[i]! - rank[i]!);
    rank.set(next);
    if (moved < TOLERANCE) break;
  }
  return rank;
}
