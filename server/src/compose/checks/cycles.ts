// dependency-cycle: services that (through depends_on, links, volumes_from, network_mode/pid/ipc
// `service:x`) end up depending on themselves, and services whose `extends` chain (in this file) comes back
// to them. Compose refuses both. One diagnostic per edge of a cycle, naming the whole cycle.
import type { ComposeModel } from '../model';
import { type Reference, referenceRange, serviceReferences } from './refs';
import type { ComposeCheck, Finding } from './types';

interface Edge {
  from: string;
  to: string;
  reference: Reference;
}

/** Strongly connected components (Tarjan), iteratively. */
function components(nodes: string[], next: Map<string, Edge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = next.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++].to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** The shortest way from `start` back to `goal` inside a component (breadth first). */
function pathWithin(start: string, goal: string, members: Set<string>, next: Map<string, Edge[]>): string[] {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) break;
    for (const edge of next.get(node) ?? []) {
      if (!members.has(edge.to) || previous.has(edge.to)) continue;
      previous.set(edge.to, node);
      queue.push(edge.to);
    }
  }
  const path = [goal];
  let at = goal;
  while (at !== start && previous.has(at)) {
    at = previous.get(at)!;
    path.unshift(at);
  }
  return path;
}

function cycles(model: ComposeModel, edges: Edge[], describe: (cycle: string) => string): Finding[] {
  const next = new Map<string, Edge[]>();
  for (const edge of edges) {
    const list = next.get(edge.from);
    if (list) list.push(edge);
    else next.set(edge.from, [edge]);
  }
  const findings: Finding[] = [];
  const componentOf = new Map<string, Set<string>>();
  for (const component of components([...next.keys()], next)) {
    const members = new Set(component);
    for (const member of component) componentOf.set(member, members);
  }
  for (const edge of edges) {
    const members = componentOf.get(edge.from);
    if (!members || !members.has(edge.to)) continue;
    if (members.size === 1 && edge.from !== edge.to) continue;
    const back = edge.from === edge.to ? [edge.to] : pathWithin(edge.to, edge.from, members, next);
    const cycle = [edge.from, ...back].join(' → ');
    findings.push({ code: 'dependency-cycle', message: describe(cycle), range: referenceRange(model, edge.reference), severity: 'error' });
  }
  return findings;
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
