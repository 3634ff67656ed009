// A comment's words on screen: React text nodes only, links to http, https and mailto made clickable, mentions as "@Name".

import { Fragment, useMemo } from 'react';
import { bodyTokens } from './message-tokens';

interface MessageBodyProps {
  readonly body: string;
  /** Names of the ids the server counted as mentions when the message was written. */
  readonly nameOf: (id: string) => string | undefined;
}

export function MessageBody({ body, nameOf }: MessageBodyProps) {
  const tokens = useMemo(() => bodyTokens(body, nameOf), [body, nameOf]);
  return (
    <p className="comment-message__body">
      {tokens.map((token, index) => {
        // The tokens of one body never reorder, so their position is a stable key.
        const key = `${index}-${token.kind}`;
        if (token.kind === 'link') {
          return (
            <a key={key} href={token.href} rel="noopener noreferrer" target="_blank">
              {token.text}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          );
        }
        if (token.kind === 'mention') {
          return (
            <span key={key} className="comment-mention" data-participant={token.id}>
              @{token.name}
            </span>
          );
        }
        return <Fragment key={key}>{token.text}</Fragment>;
      })}
    </p>
  );
}
