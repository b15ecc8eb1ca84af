import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/rules';
import { I18nProvider } from '../../app/i18n';
import { YesNo } from './choice-fields';
import { EditorContextProvider } from './editor-context';
import { placeFindings } from './finding-places';
import { DateInput, FieldGroup, TextInput } from './fields';
import { RepeatingRows } from './repeating-rows';

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

function render(node: ReactNode, findings: Finding[] = [], showInvalid = false, readOnly = false): string {
  const { inline } = placeFindings(findings, { showInvalid, today: '2026-12-01', baseline: [] });
  return renderToStaticMarkup(
    <I18nProvider initialLocale="en">
      <EditorContextProvider value={{ inline, readOnly }}>{node}</EditorContextProvider>
    </I18nProvider>,
  );
}

/** The attributes of the first tag with this name, e.g. `<input ...>`. */
function tag(html: string, name: string): string {
  return html.match(new RegExp(`<${name}\\b[^>]*>`))?.[0] ?? '';
}

describe('editor field wiring', () => {
  it('labels a control by its field path and reads out its hint and, after a refused finalise, its errors', () => {
    const html = render(
      <TextInput path="plan.frequency" label="Frequency" hint="How often" value="" onChange={noop} />,
      [finding('plan.frequency', 'blocking')],
      true,
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

  it('keeps the form calm before a finalise is tried: no finding under the field, nothing marked invalid', () => {
    const html = render(<TextInput path="plan.frequency" label="Frequency" value="" onChange={noop} />, [
      finding('plan.frequency', 'blocking'),
      finding('plan.frequency', 'warning'),
    ]);
    expect(html).not.toContain('findings-plan.frequency');
    expect(tag(html, 'input')).not.toContain('aria-invalid');
  });

  it('shows a finalised version as text: no input, no add or remove button, dates in the locale', () => {
    const html = render(
      <>
        <TextInput path="cause" label="Cause" value="Fiktiv årsak" onChange={noop} />
        <DateInput path="reportDate" label="Report date" value="2026-12-10" onChange={noop} />
        <RepeatingRows
          path="addressees"
          legend="Addressees"
          items={['Fiktiv']}
          rowLabel={(i) => `Addressee ${i + 1}`}
          removeLabel={(i) => `Remove addressee ${i + 1}`}
          addLabel="Add addressee"
          emptyText="None yet"
          onAdd={noop}
          onRemove={noop}
          renderRow={(item, i) => <TextInput path={`addressees.${i}.name`} label="Name" value={item} onChange={noop} />}
        />
      </>,
      [],
      false,
      true,
    );
    expect(html).not.toMatch(/<(input|textarea|select|button)\b/);
    expect(html).toContain('Fiktiv årsak');
    expect(html).toContain('10/12/2026');
    expect(html).toContain('id="field-cause"');
  });

  it('leaves a group without a path unlinked and undescribed', () => {
    const fieldset = tag(render(<FieldGroup legend="Inmate">{null}</FieldGroup>), 'fieldset');
    expect(fieldset).toBe('<fieldset class="doc-group">');
  });
});
