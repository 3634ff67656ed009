// An invitation link, shown once right after it was made: a field holding it (to select by hand) and a "Copy link" button.

import { useEffect, useId, useRef, useState } from 'react';

interface InvitationLinkProps {
  readonly name: string;
  readonly url: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function InvitationLink({ name, url }: InvitationLinkProps) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  // The link is new and will not be shown again: take the person straight to it.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure page, a refused permission): the field stays, selected, for copying by hand.
      setCopy('failed');
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <div className="invitation" data-testid="invitation">
      <label htmlFor={`${id}-link`} className="invitation__label">
        Invitation link for {name}
      </label>
      <p id={`${id}-note`} className="help">
        This link is shown only once. Copy it now and send it to {name} yourself; if it is lost, make a new link.
      </p>
      <div className="invitation__row">
        <input
          ref={field}
          id={`${id}-link`}
          className="control invitation__url"
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-note`}
          data-testid="invite-link"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={copyLink}>
          Copy link
        </button>
      </div>
      <p className="invitation__copied" role="status">
        {copy === 'copied' && 'Link copied.'}
        {copy === 'failed' && 'Copying did not work here. The link is selected above: copy it with your keyboard or menu.'}
      </p>
    </div>
  );
}
