/** Looks a GraphQL enum value up in one of the glossary's label maps (packages/schema/src/labels.ts). */
export function labelOf<K extends string>(labels: Record<K, string>, value: `${K}` | null | undefined): string {
  if (value == null) return '';
  return labels[value as K] ?? value;
}
