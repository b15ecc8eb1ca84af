import { describe, expect, it } from 'vitest';
import { bindForm, type SetField } from './form-binding';

interface Form {
  name: string;
  answer: 'unknown' | 'yes' | 'no';
}

function formState(initial: Form) {
  const state = { form: initial };
  const set: SetField<Form> = (key, value) => {
    state.form = { ...state.form, [key]: value };
  };
  return { state, set };
}

describe('bindForm', () => {
  it('shows a text field its value and stores what the user types in that field only', () => {
    const { state, set } = formState({ name: 'Ola Testmann', answer: 'yes' });
    const name = bindForm(state.form, set).text('name');
    expect(name.value).toBe('Ola Testmann');
    name.onChange({ target: { value: 'Kari Fiktiv' } });
    expect(state.form).toEqual({ name: 'Kari Fiktiv', answer: 'yes' });
  });

  it('shows a choice its value and stores the option picked', () => {
    const { state, set } = formState({ name: '', answer: 'unknown' });
    const answer = bindForm(state.form, set).choice('answer');
    expect(answer.value).toBe('unknown');
    answer.onValueChange('no');
    expect(state.form).toEqual({ name: '', answer: 'no' });
  });
});
