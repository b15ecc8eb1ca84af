/** The fields of a form that hold free text (plain `string`, not a union of choices). */
export type TextKey<F> = { [K in keyof F]-?: string extends F[K] ? (F[K] extends string ? K : never) : never }[keyof F];

/** Sets one field of a form held in state. */
export type SetField<F> = <K extends keyof F>(key: K, value: F[K]) => void;

/**
 * The value and change handler that tie a control to one field of a form held in state, so each
 * field is written once: `<TextField label={…} {...bind.text('phone')} />`,
 * `<Select label={…} options={…} {...bind.choice('role')} />`.
 */
export function bindForm<F extends Record<T, string>, T extends keyof F = TextKey<F>>(
  form: F,
  // The second signature lets a text key take any string, which TypeScript cannot see through F[K].
  set: SetField<F> & ((key: NoInfer<T>, value: string) => void),
) {
  return {
    text: (key: T) => ({
      value: form[key],
      onChange: (event: { target: { value: string } }) => set(key, event.target.value),
    }),
    choice: <K extends keyof F>(key: K) => ({
      value: form[key],
      onValueChange: (value: F[K]) => set(key, value),
    }),
  };
}
