import { useState, type FormEvent } from "react";

type Filters = Record<string, string | undefined>;

/**
 * The filters of a searchable list. Text fields are typed into drafts and apply on Search (so the
 * list does not refetch on every key); selects apply at once through `setFilter`.
 */
export function useListFilters<F extends Filters, TextKey extends keyof F & string>(textKeys: readonly TextKey[]) {
  const blankDrafts = () => Object.fromEntries(textKeys.map((key) => [key, ""])) as Record<TextKey, string>;
  const [drafts, setDrafts] = useState(blankDrafts);
  const [filters, setFilters] = useState<Partial<F>>({});

  const setDraft = (key: TextKey, value: string) => setDrafts((d) => ({ ...d, [key]: value }));
  const setFilter = <K extends keyof F>(key: K, value: F[K] | undefined) => setFilters((f) => ({ ...f, [key]: value }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    const typed = Object.fromEntries(textKeys.map((key) => [key, drafts[key].trim() || undefined]));
    setFilters((f) => ({ ...f, ...typed }));
  };
  const clear = () => {
    setDrafts(blankDrafts());
    setFilters({});
  };
  const filtered = Object.values(filters).some(Boolean);

  return { drafts, setDraft, filters, setFilter, search, clear, filtered };
}
