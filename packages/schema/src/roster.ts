/**
 * The most guards a roster may hold at once, not counting those failed (their replacements take their
 * place): the guards required, the same again as reserves (replacements, guards who fall out at
 * training), and ten more for a small event. The server refuses a 上报 past it; the roster page shows it.
 */
export const rosterLimit = (guardsRequired: number): number => guardsRequired * 2 + 10;
