import { useCallback, useState } from 'react';

/** Error texts shown under a form's fields; editing a field clears only its own error. */
export function useFieldErrors<Field extends string>() {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const clearError = useCallback((field: Field) => setErrors((shown) => ({ ...shown, [field]: undefined })), []);
  return { errors, setErrors, clearError };
}
