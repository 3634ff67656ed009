// What a parent's consent (or its revocation) covers: all of the plan, or only the sections they tick.

import { ChoiceGroup, firstChoiceId } from '../page/ChoiceGroup';

export type Scope = 'all' | 'some';

export const SECTIONS_GROUP = 'signoff-sections';
export const sectionsFieldId = firstChoiceId(SECTIONS_GROUP);

interface ConsentScopeProps {
  readonly revoking: boolean;
  readonly sections: readonly { readonly value: string; readonly label: string }[];
  readonly scope: Scope;
  readonly onScope: (scope: Scope) => void;
  readonly chosen: readonly string[];
  readonly onChosen: (sectionIds: string[]) => void;
  readonly error: string | undefined;
  readonly disabled: boolean;
}

export function ConsentScope({ revoking, sections, scope, onScope, chosen, onChosen, error, disabled }: ConsentScopeProps) {
  const scopes = [
    { value: 'all' as const, label: 'All of the plan' },
    { value: 'some' as const, label: 'Only the sections I choose' },
  ];
  return (
    <div className="signoff-scope">
      <ChoiceGroup
        id="signoff-scope"
        legend={revoking ? 'Which consent are you revoking?' : 'What does your consent cover?'}
        type="radio"
        choices={scopes}
        selected={[scope]}
        onChange={(picked) => onScope(picked[0] ?? 'all')}
        disabled={disabled}
      />
      {scope === 'some' && (
        <ChoiceGroup
          id={SECTIONS_GROUP}
          legend={revoking ? 'Sections whose consent you revoke' : 'Sections you consent to'}
          type="checkbox"
          choices={sections}
          selected={chosen}
          onChange={onChosen}
          error={error}
          disabled={disabled}
        />
      )}
    </div>
  );
}
