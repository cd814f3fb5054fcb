// Owns merging imported annotations into the store's: no duplicates by id; an identical
// annotation is left alone; a conflicting one (same id, different content) is resolved by
// the newer modification time, with the older version's body kept in `history`.
import type { Annotation, AnnotationRevision } from '../../shared/annotation';

export const MAX_HISTORY = 100;

export interface MergePlan {
  /** Exactly what to upsert, in one write. */
  readonly upserts: readonly Annotation[];
  readonly added: number;
  readonly unchanged: number;
  readonly conflicts: number;
  /** Conflicts the imported version wins. */
  readonly replaced: number;
}

const revisionKey = (r: AnnotationRevision) => JSON.stringify([r.modified, r.colour, r.note, [...r.tags]]);

function sameContent(a: Annotation, b: Annotation): boolean {
  return (
    a.documentId === b.documentId &&
    a.paragraph === b.paragraph &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.colour === b.colour &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

const time = (iso: string) => new Date(iso).getTime();

/** The newer wins (a tie keeps `current`); the loser's body joins the combined history. */
export function resolveConflict(
  current: Annotation,
  incoming: Annotation,
): { merged: Annotation; incomingWon: boolean } {
  const incomingWon = time(incoming.modified) > time(current.modified);
  const [winner, loser] = incomingWon ? [incoming, current] : [current, incoming];
  const loserRevision: AnnotationRevision = {
    colour: loser.colour,
    note: loser.note,
    tags: loser.tags,
    modified: loser.modified,
  };
  const byKey = new Map<string, AnnotationRevision>();
  for (const r of [...current.history, ...incoming.history, loserRevision]) byKey.set(revisionKey(r), r);
  const history = [...byKey.values()].sort((a, b) => time(a.modified) - time(b.modified)).slice(-MAX_HISTORY);
  return { merged: { ...winner, history }, incomingWon };
}

/** Collapses repeats of one id inside the file itself, the same way as against the store. */
function dedupe(incoming: readonly Annotation[]): Annotation[] {
  const byId = new Map<string, Annotation>();
  for (const a of incoming) {
    const seen = byId.get(a.id);
    byId.set(a.id, seen && !sameContent(seen, a) ? resolveConflict(seen, a).merged : (seen ?? a));
  }
  return [...byId.values()];
}

export function planMerge(current: readonly Annotation[], incoming: readonly Annotation[]): MergePlan {
  const existing = new Map(current.map((a) => [a.id, a]));
  const upserts: Annotation[] = [];
  let added = 0;
  let unchanged = 0;
  let conflicts = 0;
  let replaced = 0;
  for (const a of dedupe(incoming)) {
    const mine = existing.get(a.id);
    if (!mine) {
      added += 1;
      upserts.push(a);
    } else if (sameContent(mine, a)) {
      unchanged += 1;
    } else {
      conflicts += 1;
      const { merged, incomingWon } = resolveConflict(mine, a);
      if (incomingWon) replaced += 1;
      upserts.push(merged);
    }
  }
  return { upserts, added, unchanged, conflicts, replaced };
}
