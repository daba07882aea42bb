// Groups of the Volumes and Networks views by driver (docker-workflows.volumes.groupBy / networks.groupBy: driver).
// Pure, no vscode import: tested in plain Node.
import { escapeMarkdown, naturalCollator as collator, plural, section } from '../format/text';
import type { NodeBase, NodeIcon } from './nodeModel';

/** The rows of one driver ("local", "bridge", "nfs" ...), in the order they came. */
export interface DriverGroupNode<K extends string, Row extends NodeBase> extends NodeBase {
  kind: K;
  driver: string;
  children: Row[];
}

/**
 * One group per driver, sorted naturally, each holding its rows in the order given. `kind` is the groups' kind and
 * context value ("volumeGroup", "networkGroup"); `noun` counts the rows in the description ("volume" -> "2 volumes").
 */
export function driverGroups<K extends string, Row extends NodeBase>(
  kind: K,
  rows: readonly Row[],
  driverOf: (row: Row) => string,
  noun: string,
  icon: NodeIcon,
): DriverGroupNode<K, Row>[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(driverOf(row), [...(groups.get(driverOf(row)) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([driver, members]) => ({
      kind,
      id: `${kind}:${driver}`,
      label: driver,
      description: plural(members.length, noun),
      tooltip: section([`**Driver ${escapeMarkdown(driver)}**`, `${plural(members.length, noun)}: ${members.map((row) => escapeMarkdown(row.label)).join(', ')}`]),
      icon: { ...icon },
      contextValue: kind,
      driver,
      children: members,
    }));
}
