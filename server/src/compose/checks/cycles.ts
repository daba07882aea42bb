// dependency-cycle: services that (through depends_on, links, volumes_from, network_mode/pid/ipc
// `service:x`) end up depending on themselves, and services whose `extends` chain (in this file) comes back
// to them. Compose refuses both.
//
// One finding per edge of a cycle, where that dependency is written: removing any one of them breaks the loop,
// and the user is the one who knows which should go, so each candidate is marked. Each message names the
// shortest loop through its edge, in full when it is short, and as its first services and a length when long;
// in a tangle too big to search from every edge, it names the edge's next step and how many services are
// tangled. The work is linear in the number of edges (strongly connected components, then a search of bounded
// size per edge) and every message is short, so a loop through 100,000 services costs little and says little.
import type { ComposeModel } from '../model';
import { type Reference, referenceRange, serviceReferences } from './refs';
import type { ComposeCheck, Finding } from './types';

export interface DependencyEdge {
  from: string;
  to: string;
}

interface Edge extends DependencyEdge {
  reference: Reference;
}

/** The edges on a cycle (by index into the list given, in its order) and the loop each is part of. */
export interface CycleEdge {
  edge: number;
  /** E.g. "a → b → a", or "s1 → s2 → s3 → … → s1 (a loop of 4000 services)". */
  cycle: string;
}

/** A loop of at most this many services is written out in full. */
const FULL_LOOP = 6;
/** How many edges the search for the shortest loop through one edge may look at before it gives up. */
const SEARCH_BUDGET = 32;
/** Service names longer than this are shortened in messages. */
const NAME_MAX = 64;

/**
 * The graph with services numbered: edge k goes from `from[k]` to `to[k]`; the edges leaving node n are
 * `byFrom[first[n]]` to `byFrom[first[n + 1] - 1]`, in written order. Typed arrays: 100,000 services make
 * no garbage to speak of.
 */
interface Graph {
  names: string[];
  from: Int32Array;
  to: Int32Array;
  first: Int32Array;
  byFrom: Int32Array;
}

function graphOf(edges: readonly DependencyEdge[]): Graph {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const id = (name: string) => {
    let n = ids.get(name);
    if (n === undefined) {
      n = names.length;
      ids.set(name, n);
      names.push(name);
    }
    return n;
  };
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach((edge, k) => {
    from[k] = id(edge.from);
    to[k] = id(edge.to);
  });
  // Counting sort of the edges by their first node, which keeps each node's edges in written order.
  const first = new Int32Array(names.length + 1);
  for (const n of from) first[n + 1]++;
  for (let n = 0; n < names.length; n++) first[n + 1] += first[n];
  const filled = first.slice(0, names.length);
  const byFrom = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) byFrom[filled[from[k]]++] = k;
  return { names, from, to, first, byFrom };
}

/** The strongly connected component of every node (Tarjan, with its own stack: no recursion depth limit). */
function components(graph: Graph): Int32Array {
  const { first, byFrom, to } = graph;
  const count = graph.names.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count);
  const stack = new Int32Array(count);
  const onStack = new Uint8Array(count);
  // The depth-first walk: the node at each depth and the position of the next edge it is to follow.
  const walkNode = new Int32Array(count);
  const walkEdge = new Int32Array(count);
  let stackSize = 0;
  let counter = 0;
  let components = 0;
  const enter = (node: number, depth: number) => {
    index[node] = low[node] = counter++;
    stack[stackSize++] = node;
    onStack[node] = 1;
    walkNode[depth] = node;
    walkEdge[depth] = first[node];
  };
  for (let root = 0; root < count; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    enter(root, 0);
    while (depth >= 0) {
      const node = walkNode[depth];
      if (walkEdge[depth] < first[node + 1]) {
        const next = to[byFrom[walkEdge[depth]++]];
        if (index[next] < 0) enter(next, ++depth);
        else if (onStack[next]) low[node] = Math.min(low[node], index[next]);
        continue;
      }
      depth--;
      if (depth >= 0) low[walkNode[depth]] = Math.min(low[walkNode[depth]], low[node]);
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack[--stackSize];
          onStack[member] = 0;
          component[member] = components;
        } while (member !== node);
        components++;
      }
    }
  }
  return component;
}

/** Breadth-first search state, reused from one search to the next: a node is seen when `seen[node] === stamp`. */
interface Search {
  seen: Int32Array;
  previous: Int32Array;
  queue: Int32Array;
  stamp: number;
}

/**
 * The shortest way from `start` to `goal` inside their component (breadth first, edges in written order), or
 * undefined when it takes more than SEARCH_BUDGET edges to find.
 */
function shortestWay(graph: Graph, component: Int32Array, search: Search, start: number, goal: number): number[] | undefined {
  const { seen, previous, queue } = search;
  const stamp = ++search.stamp;
  seen[start] = stamp;
  queue[0] = start;
  let length = 1;
  let looked = 0;
  for (let head = 0; head < length; head++) {
    const node = queue[head];
    if (node === goal) {
      const way = [goal];
      for (let at = goal; at !== start; ) way.push((at = previous[at]));
      return way.reverse();
    }
    for (let at = graph.first[node]; at < graph.first[node + 1]; at++) {
      if (++looked > SEARCH_BUDGET) return undefined;
      const next = graph.to[graph.byFrom[at]];
      if (component[next] !== component[start] || seen[next] === stamp) continue;
      seen[next] = stamp;
      previous[next] = node;
      queue[length++] = next;
    }
  }
  return undefined;
}

function shortName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const cut = name.charCodeAt(NAME_MAX - 2) >= 0xd800 && name.charCodeAt(NAME_MAX - 2) <= 0xdbff ? NAME_MAX - 2 : NAME_MAX - 1;
  return `${name.slice(0, cut)}…`;
}

/** Every edge that lies on a cycle, with a short description of a loop through it. Linear in the edges. */
export function findCycles(edges: readonly DependencyEdge[]): CycleEdge[] {
  const graph = graphOf(edges);
  const component = components(graph);
  const size = new Int32Array(graph.names.length);
  for (const c of component) size[c]++;
  const count = graph.names.length;
  const search: Search = { seen: new Int32Array(count), previous: new Int32Array(count), queue: new Int32Array(count), stamp: 0 };
  const hubs = new Map<number, Set<number>>();
  const steps = new Int32Array(count).fill(-1);
  const name = (n: number) => shortName(graph.names[n]);
  const found: CycleEdge[] = [];
  for (let k = 0; k < edges.length; k++) {
    const u = graph.from[k];
    const v = graph.to[k];
    if (component[u] !== component[v] || (size[component[u]] === 1 && u !== v)) continue;
    // A dependency written both ways is the shortest loop there is, however big the tangle around it (the
    // search finds it too, unless v has too many other dependencies first).
    const back = u === v ? [u] : dependsDirectly(graph, hubs, v, u) ? [v, u] : shortestWay(graph, component, search, v, u);
    let cycle: string;
    if (back && back.length <= FULL_LOOP) cycle = [u, ...back].map(name).join(' → ');
    else if (back) cycle = `${[u, ...back.slice(0, 2)].map(name).join(' → ')} → … → ${name(u)} (a loop of ${back.length} services)`;
    else {
      // Too far to search from here: every service of the component leads back to u, so any next step
      // inside it continues a loop.
      if (steps[v] < 0) steps[v] = nextInside(graph, component, v); // once per service: it may have many edges
      const step = steps[v];
      if (step === u) cycle = [u, v, u].map(name).join(' → ');
      else cycle = `${[u, v, step].map(name).join(' → ')} → … → ${name(u)} (${size[component[u]]} services depend on one another)`;
    }
    found.push({ edge: k, cycle });
  }
  return found;
}

/** A service `node` depends on within its component, other than itself (there is one: the component has several). */
function nextInside(graph: Graph, component: Int32Array, node: number): number {
  for (let at = graph.first[node]; at < graph.first[node + 1]; at++) {
    const next = graph.to[graph.byFrom[at]];
    if (next !== node && component[next] === component[node]) return next;
  }
  return node;
}

/**
 * Whether `from` depends directly on `to`. The search looks at the first edges of a node anyway; only a node
 * with more edges than that gets a set of its targets, made once.
 */
function dependsDirectly(graph: Graph, hubs: Map<number, Set<number>>, from: number, to: number): boolean {
  const start = graph.first[from];
  const end = graph.first[from + 1];
  if (end - start <= SEARCH_BUDGET) return false;
  let targets = hubs.get(from);
  if (!targets) {
    targets = new Set<number>();
    for (let at = start; at < end; at++) targets.add(graph.to[graph.byFrom[at]]);
    hubs.set(from, targets);
  }
  return targets.has(to);
}

function cycles(model: ComposeModel, edges: Edge[], describe: (cycle: string) => string): Finding[] {
  return findCycles(edges).map(({ edge, cycle }) => ({
    code: 'dependency-cycle',
    message: describe(cycle),
    range: referenceRange(model, edges[edge].reference),
    severity: 'error',
  }));
}

export const dependencyCycleCheck: ComposeCheck = ({ model, services }) => {
  const defined = new Set(services.map((s) => s.name));
  const dependencies: Edge[] = [];
  const extensions: Edge[] = [];
  for (const service of services) {
    const seen = new Set<string>();
    for (const reference of serviceReferences(model, service)) {
      if (reference.kind !== 'services' || !defined.has(reference.name)) continue;
      const edge = { from: service.name, to: reference.name, reference };
      if (reference.via === 'extends') extensions.push(edge);
      else if (reference.dependency && !seen.has(reference.name)) {
        seen.add(reference.name);
        dependencies.push(edge);
      }
    }
  }
  return [
    ...cycles(model, dependencies, (cycle) => `Dependency cycle: ${cycle}. Compose cannot decide which service to start first.`),
    ...cycles(model, extensions, (cycle) => `Circular extends: ${cycle}. A service cannot extend itself, directly or through others.`),
  ];
};
