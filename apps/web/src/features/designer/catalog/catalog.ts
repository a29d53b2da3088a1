import { CATEGORY_LABELS, describeCatalog, NODE_CATEGORIES, portsOf, type NodeCategory, type NodeKindDescription } from '@weir/model';

/** The node catalog as the designer uses it: computed once, looked up by kind. */
export const CATALOG: readonly NodeKindDescription[] = describeCatalog();

const BY_KIND = new Map(CATALOG.map((d) => [d.kind, d]));

export function kindInfo(kind: string): NodeKindDescription | undefined {
  return BY_KIND.get(kind);
}

/** Named input ports of a kind (`left`, `right` for joins), otherwise an empty list. */
export function kindPorts(kind: string): readonly string[] {
  const info = kindInfo(kind);
  return info ? portsOf(info.inputs) : [];
}

export interface PaletteGroup {
  category: NodeCategory;
  label: string;
  kinds: NodeKindDescription[];
}

/** The palette: categories in order with the kinds matching `query` (label, kind or help), empty groups left out. */
export function paletteGroups(query = ''): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (d: NodeKindDescription) => {
    const text = `${d.label} ${d.kind} ${d.help} ${CATEGORY_LABELS[d.category]}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return NODE_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    kinds: CATALOG.filter((d) => d.category === category && matches(d)),
  })).filter((g) => g.kinds.length > 0);
}

/** A fresh copy of a kind's default config, so no two nodes share one object. */
export function defaultConfigOf(kind: string): unknown {
  const info = kindInfo(kind);
  return info ? structuredClone(info.defaultConfig) : {};
}
