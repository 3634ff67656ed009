// A fieldset of radio buttons (pick one) or checkboxes (pick several), with its error tied to the group and each box.

interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

interface ChoiceGroupProps<V extends string> {
  /** Prefix of the boxes' ids; the first box is `${id}-0`, where focus goes when the group has an error. */
  readonly id: string;
  readonly legend: string;
  readonly type: 'radio' | 'checkbox';
  readonly choices: readonly Choice<V>[];
  readonly selected: readonly V[];
  readonly onChange: (selected: V[]) => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

export function ChoiceGroup<V extends string>({ id, legend, type, choices, selected, onChange, error, disabled = false }: ChoiceGroupProps<V>) {
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: V, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(choices.map((choice) => choice.value).filter((each) => (each === value ? checked : selected.includes(each))));
  };
  return (
    <fieldset className={`choice-group choice-group--${type}`} aria-describedby={errorId} disabled={disabled}>
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {choices.map((choice, index) => (
        <div className="choice" key={choice.value}>
          <input
            id={`${id}-${index}`}
            type={type}
            name={id}
            value={choice.value}
            checked={selected.includes(choice.value)}
            onChange={(event) => toggle(choice.value, event.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
          />
          <label htmlFor={`${id}-${index}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The id of a group's first box, for `useForm`'s focus on the first field to fix. */
export function firstChoiceId(groupId: string): string {
  return `${groupId}-0`;
}
