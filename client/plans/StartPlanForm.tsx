// "Start a plan": the template, the student's facts and the plan's dates, sent to POST /api/ieps, then into the meeting room.

import { type FormEvent, useState } from 'react';
import { api } from '../api/http';
import { TEMPLATE_IDS, templateOf } from '../../shared/template/index';
import type { TemplateId } from '../../shared/template/types';
import { ChoiceGroup, firstChoiceId } from '../page/ChoiceGroup';
import { navigate } from '../page/navigation';
import { TextField } from '../page/TextField';
import { type FieldErrors, useForm } from '../page/use-form';
import { isIsoDate, todayIso } from './plan-dates';

type Field = 'template' | 'firstName' | 'lastName' | 'dateOfBirth' | 'grade' | 'school' | 'primaryLanguage' | 'start' | 'end';
type TextValues = Record<Exclude<Field, 'template'>, string>;
const idOf = (field: Field) => (field === 'template' ? firstChoiceId('plan-template') : `plan-${field}`);
const TEMPLATE_CHOICES = TEMPLATE_IDS.map((value) => ({ value, label: templateOf(value).title }));
const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function checkPlan(template: TemplateId | undefined, values: TextValues): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!template) errors.template = 'Choose the kind of plan.';
  if (!values.firstName.trim()) errors.firstName = 'Enter the student’s first name.';
  if (!values.lastName.trim()) errors.lastName = 'Enter the student’s last name.';
  if (!isIsoDate(values.dateOfBirth)) errors.dateOfBirth = 'Enter the date of birth as a full date.';
  else if (values.dateOfBirth > todayIso()) errors.dateOfBirth = 'The date of birth cannot be in the future.';
  if (!isIsoDate(values.start)) errors.start = 'Enter the day the plan starts.';
  if (values.end && !isIsoDate(values.end)) errors.end = 'Enter a full date, or leave it empty.';
  else if (values.end && values.end <= values.start) errors.end = 'The plan must end after it starts.';
  return errors;
}

export function StartPlanForm() {
  const [template, setTemplate] = useState<TemplateId | undefined>(undefined);
  const [alternateAssessment, setAlternateAssessment] = useState(false);
  const [values, setValues] = useState<TextValues>(() => ({
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    grade: '',
    school: '',
    primaryLanguage: '',
    start: todayIso(),
    end: '',
  }));
  const form = useForm<Field>(idOf);
  const text = (field: keyof TextValues) => ({
    id: idOf(field),
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value }),
    error: form.errors[field],
  });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    let created = '';
    const done = await form.submit(
      () => checkPlan(template, values),
      async () => {
        if (!template) return;
        const student = {
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          dateOfBirth: values.dateOfBirth,
          grade: optional(values.grade),
          school: optional(values.school),
          primaryLanguage: optional(values.primaryLanguage),
        };
        const dates = { start: values.start, end: optional(values.end), ...(template === 'idea-iep' ? { alternateAssessment } : {}) };
        created = (await api.createPlan({ template, student, plan: dates })).id;
      },
    );
    if (done && created) navigate(`/ieps/${encodeURIComponent(created)}`);
  };

  return (
    <section className="home-section" aria-labelledby="start-plan-heading">
      <h2 id="start-plan-heading">Start a plan</h2>
      <p>You will be the plan’s case manager, and can invite the rest of the team from the meeting room. Every field is needed unless it says optional.</p>
      <form className="stacked-form" onSubmit={start} noValidate>
        <ChoiceGroup
          id="plan-template"
          legend="Kind of plan"
          type="radio"
          choices={TEMPLATE_CHOICES}
          selected={template ? [template] : []}
          onChange={([chosen]) => setTemplate(chosen)}
          error={form.errors.template}
        />
        <fieldset className="form-group">
          <legend>Student</legend>
          <TextField label="First name" autoComplete="off" {...text('firstName')} />
          <TextField label="Last name" autoComplete="off" {...text('lastName')} />
          <TextField label="Date of birth" type="date" autoComplete="off" {...text('dateOfBirth')} />
          <TextField label="Grade" optional autoComplete="off" {...text('grade')} />
          <TextField label="School" optional autoComplete="off" {...text('school')} />
          <TextField label="Primary language" optional autoComplete="off" hint="The language the family uses at home." {...text('primaryLanguage')} />
        </fieldset>
        <fieldset className="form-group">
          <legend>Plan dates</legend>
          <TextField label="Plan starts" type="date" {...text('start')} />
          <TextField label="Plan ends" type="date" optional hint="Leave empty for one year from the start." {...text('end')} />
        </fieldset>
        {template === 'idea-iep' && (
          <div className="choice">
            <input id="plan-alternate" type="checkbox" checked={alternateAssessment} onChange={(event) => setAlternateAssessment(event.target.checked)} />
            <label htmlFor="plan-alternate">The student takes an alternate assessment</label>
          </div>
        )}
        {form.problem && (
          <p className="form-alert" role="alert">
            {form.problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Starting the plan…' : 'Start the plan'}
        </button>
      </form>
    </section>
  );
}
