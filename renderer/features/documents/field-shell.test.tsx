import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/rules';
import { I18nProvider } from '../../app/i18n';
import { YesNo } from './choice-fields';
import { EditorContextProvider } from './editor-context';
import { FieldGroup, TextInput } from './fields';

const noop = () => undefined;

function finding(field: string, severity: Finding['severity']): Finding {
  return {
    ruleId: 'test',
    severity,
    messageKey: 'rules.dk.mentorAge',
    params: { age: 17 },
    citation: { source: 'DK', paragraph: 5, stk: 1, nr: 1, text: 'DK § 5, stk. 1, nr. 1' },
    field,
  };
}

function render(node: ReactNode, findings: Finding[] = [], showInvalid = false): string {
  return renderToStaticMarkup(
    <I18nProvider initialLocale="en">
      <EditorContextProvider value={{ findings, showInvalid }}>{node}</EditorContextProvider>
    </I18nProvider>,
  );
}

/** The attributes of the first tag with this name, e.g. `<input ...>`. */
function tag(html: string, name: string): string {
  return html.match(new RegExp(`<${name}\\b[^>]*>`))?.[0] ?? '';
}

describe('editor field wiring', () => {
  it('labels a control by its field path and reads out its hint and findings with it', () => {
    const html = render(
      <TextInput path="plan.frequency" label="Frequency" hint="How often" value="" onChange={noop} />,
      [finding('plan.frequency', 'warning')],
    );
    expect(tag(html, 'label')).toContain('for="field-plan-frequency"');
    expect(tag(html, 'input')).toContain('id="field-plan-frequency"');
    expect(tag(html, 'input')).toContain('aria-describedby="field-plan-frequency-hint field-plan-frequency-findings"');
    expect(html).toContain('id="field-plan-frequency-findings"');
    expect(html).toContain('data-testid="findings-plan.frequency"');
  });

  it('marks a control invalid only for a blocking finding after a refused finalise', () => {
    const input = <TextInput path="responsiblePerson" label="Responsible" value="" onChange={noop} />;
    const blocking = [finding('responsiblePerson', 'blocking')];
    expect(tag(render(input, blocking, true), 'input')).toContain('aria-invalid="true"');
    expect(tag(render(input, blocking, false), 'input')).not.toContain('aria-invalid');
    expect(tag(render(input, [finding('responsiblePerson', 'warning')], true), 'input')).not.toContain('aria-invalid');
  });

  it('gives a yes/no group the field id and reads out its hint and findings with the legend', () => {
    const html = render(
      <YesNo path="closeRelation" label="Close relation" hint="Family or friend" value={undefined} onChange={noop} />,
      [finding('closeRelation', 'blocking')],
      true,
    );
    const fieldset = tag(html, 'fieldset');
    expect(fieldset).toContain('id="field-closeRelation"');
    expect(fieldset).toMatch(/aria-describedby="yesno\S*-hint field-closeRelation-findings"/);
    expect(tag(html, 'input')).toContain('aria-invalid="true"');
    expect(html.match(/type="radio"/g)).toHaveLength(3);
  });

  it('leaves a group without a path unlinked and undescribed', () => {
    const fieldset = tag(render(<FieldGroup legend="Inmate">{null}</FieldGroup>), 'fieldset');
    expect(fieldset).toBe('<fieldset class="doc-group">');
  });
});
