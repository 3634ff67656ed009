// One sign-off as the team sees it: what kind, when, how the signer was identified, what it covers, and whether it still does.

import { shortHash } from '../../shared/schema/canonical';
import { SIGNOFF_LABELS, type SignOff } from '../../shared/rules/signoffs';
import { authSentence, COVERAGE_SENTENCES, coverageOf, scopeSentence, timeText } from './signoff-sentences';

interface SignOffEntryProps {
  readonly signOff: SignOff;
  /** The current hash of what this sign-off binds to: its section for an approval, else the whole plan. */
  readonly currentHash: string | undefined;
  readonly titleOf: (sectionId: string) => string;
}

export function SignOffEntry({ signOff, currentHash, titleOf }: SignOffEntryProps) {
  const coverage = coverageOf(signOff, currentHash);
  const scope = scopeSentence(signOff, titleOf);
  return (
    <li className="signoff-entry" data-testid="signoff-entry" data-kind={signOff.kind} data-coverage={coverage}>
      <p className="signoff-entry__head">
        <span className="signoff-entry__kind">{SIGNOFF_LABELS[signOff.kind]}</span>
        {scope && <span className="signoff-entry__scope"> ({scope})</span>}
        <span className="signoff-entry__when">
          {', '}
          <time dateTime={signOff.at}>{timeText(signOff.at)}</time>, {authSentence(signOff)}
        </span>
      </p>
      <p className={`signoff-coverage signoff-coverage--${coverage}`}>
        <span aria-hidden="true" className="signoff-coverage__mark">
          {coverage === 'covers' ? '✓' : coverage === 'changed' ? '!' : '…'}
        </span>{' '}
        {COVERAGE_SENTENCES[coverage]}
      </p>
      {signOff.statement && (
        <blockquote className="signoff-entry__statement">
          <p>{signOff.statement}</p>
        </blockquote>
      )}
      <p className="signoff-entry__detail">
        Typed name: {signOff.typedName}. Signed text fingerprint: <code title={signOff.contentHash}>{shortHash(signOff.contentHash)}</code>
      </p>
    </li>
  );
}
