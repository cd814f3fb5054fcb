// Owns how a document's title is shown in lists and headings when its source data repeats the
// designation in the title ("Etablering för fler, SOU 2023:24", "…migrationSOU 2026:9"): the
// designation is shown once, in its own place, and the title without it. Display only: the
// manifest, the document's text and everything stored keep the title as it came. Pure.

const cache = new Map<string, RegExp[]>();

/** The designation as a pattern: case-insensitive, spaces optional where it has spaces or dots. */
function patterns(designation: string): RegExp[] {
  let found = cache.get(designation);
  if (found) return found;
  const body = designation
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\\\.(?!$)/g, '\\.\\s*'))
    .join('\\s*');
  const separator = '[\\s,;:–—-]*';
  found = [
    // At the end: "Titel, SOU 2026:9", "Titel (SOU 2026:9)", "TitelSOU 2026:9".
    new RegExp(`${separator}\\(?${body}\\)?[\\s.]*$`, 'iu'),
    // At the start: "SOU 2026:9 Titel", "SOU 2026:9 – Titel", "SOU 2026:9: Titel".
    new RegExp(`^\\s*\\(?${body}\\)?(?![\\p{N}])${separator}`, 'iu'),
  ];
  if (cache.size > 5000) cache.clear();
  cache.set(designation, found);
  return found;
}

/** The title to show beside `designation`: without the designation glued to its start or end. */
export function displayTitle(title: string, designation: string | null): string {
  if (!designation || !designation.trim()) return title;
  let shown = title;
  for (const pattern of patterns(designation)) shown = shown.replace(pattern, '');
  // A title that was nothing but its designation stays as it was.
  return /[\p{L}]{2}/u.test(shown) ? shown.trim() : title;
}

/**
 * A document named in a list of hits or notes: designation first, then the title without the
 * designation glued to it. A title that holds the designation inside its text (not at an end)
 * is shown as it is, so the designation is never said twice.
 */
export function displayLabel(doc: { title: string; designation: string | null }): string {
  const designation = doc.designation?.trim();
  if (!designation) return doc.title;
  const shown = displayTitle(doc.title, designation);
  if (shown.includes(designation)) return shown;
  return `${designation} – ${shown}`;
}
