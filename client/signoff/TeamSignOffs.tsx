// Everyone on the team and each one's sign-offs, live, with whether each still covers the text as it reads now.

import { ROLE_LABELS } from '../../shared/rules/roles';
import type { SignOff } from '../../shared/rules/signoffs';
import { signedContentHash } from '../../shared/schema/document-hash';
import { SignOffEntry } from './SignOffEntry';
import type { Signer } from './use-signers';
import type { ContentHashes } from './use-content-hashes';

interface TeamSignOffsProps {
  readonly signers: readonly Signer[];
  readonly signOffs: readonly SignOff[];
  readonly hashes: ContentHashes;
  readonly myId: string;
  readonly titleOf: (sectionId: string) => string;
}

/** The hash a sign-off is compared with: its listed sections' (an approval, a partial consent), else the whole plan's. */
export function currentHashFor(signOff: SignOff, hashes: ContentHashes): string | undefined {
  return signedContentHash(signOff.sectionIds, () => hashes.document, (id) => hashes.sections.get(id));
}

export function TeamSignOffs({ signers, signOffs, hashes, myId, titleOf }: TeamSignOffsProps) {
  return (
    <section className="signoff-team" aria-labelledby="signoff-team-heading">
      <h3 id="signoff-team-heading">Who has signed</h3>
      <ul className="signoff-team__list" data-testid="signoff-team">
        {signers.map((signer) => {
          const own = signOffs.filter((signOff) => signOff.participantId === signer.id);
          return (
            <li key={signer.id} className="signoff-person" data-participant={signer.id}>
              <p className="signoff-person__name">
                {signer.name}
                {signer.id === myId && ' (you)'}
                {signer.former && ' (no longer on the team)'}
              </p>
              <p className="signoff-person__roles">{signer.roles.map((role) => ROLE_LABELS[role]).join(', ')}</p>
              {own.length === 0 ? (
                <p className="signoff-person__none">Has not signed anything yet.</p>
              ) : (
                <ul className="signoff-person__list" aria-label={`Sign-offs by ${signer.name}`}>
                  {own.map((signOff) => (
                    <SignOffEntry key={signOff.id} signOff={signOff} currentHash={currentHashFor(signOff, hashes)} titleOf={titleOf} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
