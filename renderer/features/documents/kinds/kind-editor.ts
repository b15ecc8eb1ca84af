/** What every kind's editor gets: the form's content and a way to replace it. */
export interface KindEditorProps<C> {
  content: C;
  onChange(next: C): void;
}

/** Replaces one top-level field of a content. */
export type FieldSetter<C> = <K extends keyof C>(key: K, value: C[K]) => void;

/** What a part of an editor gets: the content and the setter of its top-level fields. */
export interface EditorPartProps<C> {
  content: C;
  set: FieldSetter<C>;
}

/** `content` with one top-level field replaced, keeping the content's own type. */
export function withField<C extends object, K extends keyof C>(content: C, key: K, value: C[K]): C {
  return { ...content, [key]: value };
}

/** A setter that hands `content`, with one top-level field replaced, to `onChange`. */
export function fieldSetter<C extends object>(content: C, onChange: (next: C) => void): FieldSetter<C> {
  return (key, value) => onChange(withField(content, key, value));
}
