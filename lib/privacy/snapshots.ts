import 'server-only';
import type { EditionSnapshot } from '../editions/content';

/** A placeholder that names nobody, shown wherever an erased person was credited. */
export const ERASED_NAME = 'Former colleague';

/** The JSON-string form of a text, to replace it inside serialised JSON without breaking it. */
export const jsonText = (text: string) => JSON.stringify(text).slice(1, -1);

/** A snapshot with every credit of `userId` (and project updates written by `name`) anonymised. */
export function anonymiseCredits(snapshot: EditionSnapshot, userId: string, name: string): EditionSnapshot {
  const credited = (list: { id: string; name: string }[]) =>
    list.map((c) => (c.id === userId ? { ...c, name: ERASED_NAME } : c));
  const content = snapshot.content;
  return {
    ...snapshot,
    content: {
      ...content,
      quotes: content.quotes.map((q) => ({ ...q, credited: credited(q.credited) })),
      wins: content.wins.map((w) => ({ ...w, credited: credited(w.credited) })),
      updates: content.updates.map((u) => (u.author === name ? { ...u, author: ERASED_NAME } : u)),
      // Their own words go entirely: a profile without its person means nothing.
      ...(content.meetTheTeam ? { meetTheTeam: content.meetTheTeam.filter((p) => p.id !== userId) } : {}),
    },
    ...(snapshot.year ? { year: { ...snapshot.year, people: credited(snapshot.year.people) } } : {}),
  };
}

/** A snapshot with one quote's attribution replaced. */
export function recite(snapshot: EditionSnapshot, quoteId: string, cite: string): EditionSnapshot {
  return {
    ...snapshot,
    content: {
      ...snapshot.content,
      quotes: snapshot.content.quotes.map((q) => (q.id === quoteId ? { ...q, cite } : q)),
    },
  };
}
