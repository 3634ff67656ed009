// A comment's text box: typing "@" offers the team's names, and choosing one writes `@[Name](id)` for the server to find.

import { type KeyboardEvent, type RefObject, type TextareaHTMLAttributes, useId, useMemo, useRef, useState } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { type TeamMember, useTeam } from '../team/use-team';
import { insertMention, matchingNames, type MentionQuery, mentionQueryAt } from './mention-query';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onKeyDown'>;

interface MentionTextareaProps extends TextareaProps {
  readonly session: PlanSession;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Keys the picker did not use (Ctrl+Enter to send, Escape to cancel). */
  readonly onOtherKey?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  readonly textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

export function MentionTextarea({ session, value, onValueChange, onOtherKey, textareaRef, ...rest }: MentionTextareaProps) {
  const team = useTeam(session);
  const listId = useId();
  const hintId = useId();
  const own = useRef<HTMLTextAreaElement>(null);
  const box = textareaRef ?? own;
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [chosen, setChosen] = useState(0);
  const others = useMemo(() => team.filter((member) => member.id !== session.plan.me.id), [team, session.plan.me.id]);
  const names = query ? matchingNames(others, query.text) : [];
  const open = names.length > 0;
  const active = open ? names[Math.min(chosen, names.length - 1)] : undefined;

  const readQuery = (element: HTMLTextAreaElement) => {
    setQuery(mentionQueryAt(element.value, element.selectionStart));
    setChosen(0);
  };

  const choose = (member: TeamMember) => {
    const element = box.current;
    if (!element || !query) return;
    const next = insertMention(element.value, query, element.selectionStart, member.name, member.id);
    onValueChange(next.value);
    setQuery(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setChosen((Math.min(chosen, names.length - 1) + step + names.length) % names.length);
    } else if (open && active && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      choose(active);
    } else if (open && event.key === 'Escape') {
      // Closing the list is all Escape does here; the form stays.
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    } else {
      onOtherKey?.(event);
    }
  };

  const optionId = (member: TeamMember) => `${listId}-${member.id}`;
  return (
    <div className="mention-box">
      <textarea
        {...rest}
        ref={box}
        value={value}
        maxLength={MAX_COMMENT_CHARS}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active) : undefined}
        aria-describedby={[rest['aria-describedby'], hintId].filter(Boolean).join(' ')}
        onChange={(event) => {
          onValueChange(event.target.value);
          readQuery(event.target);
        }}
        onSelect={(event) => readQuery(event.currentTarget)}
        onBlur={() => setQuery(null)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        {open ? `${names.length} ${names.length === 1 ? 'name matches' : 'names match'}: up and down arrows to choose, Enter to mention.` : 'Type @ to mention someone.'}
      </span>
      <div id={listId} role="listbox" aria-label="Mention someone" className="mention-list" hidden={!open}>
        {names.map((member) => (
          <div
            key={member.id}
            id={optionId(member)}
            role="option"
            // Focus stays in the text box (aria-activedescendant); options are reached with the arrow keys there.
            tabIndex={-1}
            aria-selected={member === active}
            className={member === active ? 'mention-list__option mention-list__option--active' : 'mention-list__option'}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(member);
            }}
          >
            {member.name}
          </div>
        ))}
      </div>
    </div>
  );
}
