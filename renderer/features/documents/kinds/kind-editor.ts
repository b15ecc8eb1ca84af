/** What every kind's editor gets: the form's content and a way to replace it. */
export interface KindEditorProps<C> {
  content: C;
  onChange(next: C): void;
}

/** `content` with one top-level field replaced, keeping the content's own type. */
export function withField<C extends object, K extends keyof C>(content: C, key: K, value: C[K]): C {
  return { ...content, [key]: value };
}
