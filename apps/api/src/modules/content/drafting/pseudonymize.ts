/**
 * Replaces client names with stable labels ([Client 1], ...) before anything leaves for the LLM,
 * and maps the labels back for the private follow-up email only.
 */
export interface Pseudonyms {
  labels: { label: string; fullName: string; firstName: string }[];
  apply(text: string): string;
  restoreFirstNames(text: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildPseudonyms(clientNames: string[]): Pseudonyms {
  const unique = [...new Set(clientNames.map((n) => n.trim()).filter((n) => n.length >= 2))];
  const labels = unique.map((fullName, i) => ({ label: `[Client ${i + 1}]`, fullName, firstName: fullName.split(/\s+/)[0] }));
  // Most specific first across all clients (full names, then titles, last names, first names), so
  // one client's surname never splits another client's full name.
  const tiers: { re: RegExp; label: string }[][] = [[], [], [], []];
  for (const l of labels) {
    const parts = l.fullName.split(/\s+/);
    const last = parts[parts.length - 1];
    tiers[0].push({ re: new RegExp(`\\b${escape(l.fullName)}\\b`, 'giu'), label: l.label });
    if (parts.length > 1 && last.length >= 3) tiers[1].push({ re: new RegExp(`\\b(Mr|Mrs|Ms|Dr)\\.? ${escape(last)}\\b`, 'gu'), label: l.label });
    if (parts.length > 1 && last.length >= 4) tiers[2].push({ re: new RegExp(`\\b${escape(last)}s?\\b`, 'gu'), label: l.label });
    if (l.firstName.length >= 3) tiers[3].push({ re: new RegExp(`\\b${escape(l.firstName)}\\b`, 'gu'), label: l.label });
  }
  const patterns = tiers.flat();
  return {
    labels,
    apply(text) {
      let out = text;
      for (const p of patterns) out = out.replace(p.re, p.label);
      return out;
    },
    restoreFirstNames(text) {
      // Models echo labels with or without brackets ("[Client 1]", "Client 1").
      return text.replace(/\[?\bClient (\d+)\b\]?/g, (m, n: string) => labels[Number(n) - 1]?.firstName ?? m);
    },
  };
}
