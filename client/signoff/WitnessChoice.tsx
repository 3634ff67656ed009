// For staff signed in with a password: who signs on this device, themselves or a team member in the room with them as witness.

import type { Signer } from './use-signers';

interface WitnessChoiceProps {
  readonly myId: string;
  readonly myName: string;
  readonly team: readonly Signer[];
  readonly signerId: string;
  readonly onChange: (participantId: string) => void;
  readonly disabled: boolean;
}

export function WitnessChoice({ myId, myName, team, signerId, onChange, disabled }: WitnessChoiceProps) {
  const others = team.filter((person) => person.id !== myId && !person.former);
  if (others.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor="signoff-signer">Who is signing?</label>
      <p id="signoff-signer-hint" className="help">
        Someone in the room can sign on your device. The record then says they signed here, with you as their witness.
      </p>
      <select
        id="signoff-signer"
        className="control"
        value={signerId}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby="signoff-signer-hint"
        disabled={disabled}
      >
        <option value={myId}>Me ({myName})</option>
        {others.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}, with me as witness
          </option>
        ))}
      </select>
    </div>
  );
}
