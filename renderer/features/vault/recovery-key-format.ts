/** "ABCD-EFGH-…" → ["ABCD", "EFGH", …]; any other layout is shown in groups of four as well. */
export function recoveryKeyGroups(key: string): string[] {
  const plain = key.replace(/[\s-]/g, '');
  return plain.match(/.{1,4}/g) ?? [];
}
