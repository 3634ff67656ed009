// Other people's carets in one rich-text editor, kept in that editor's own field of the one meeting awareness.

import { Extension } from '@tiptap/core';
import { defaultSelectionBuilder, yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

type AwarenessState = { readonly [field: string]: unknown };

export interface SectionCaretOptions {
  readonly awareness: Awareness | null;
  /** The awareness field this editor's caret lives in: `cursorField(sectionId, partId)`. */
  readonly field: string;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

interface CaretUser {
  readonly name: string;
  readonly color: string;
}

function caretUser(user: unknown): CaretUser {
  const { name, color } = (typeof user === 'object' && user !== null ? user : {}) as { name?: unknown; color?: unknown };
  return {
    name: typeof name === 'string' && name ? name : 'Someone',
    color: typeof color === 'string' && HEX_COLOR.test(color) ? color : '#4b5563',
  };
}

/** The caret: a coloured bar with the person's name above it, hidden from screen readers (it is not text). */
function buildCaret(user: unknown): HTMLElement {
  const { name, color } = caretUser(user);
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  // Word joiners keep the caret from breaking the line it sits in.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

function buildSelection(user: unknown) {
  return defaultSelectionBuilder(caretUser(user));
}

/**
 * y-tiptap 3.0.9 writes the caret to `cursorStateField` but still reads the hard-coded `cursor` field when
 * drawing and when deciding to clear it (the same bug as y-prosemirror#86, fix proposed in y-prosemirror#159).
 * This view of the awareness shows the plugin `state[field]` as `cursor`, so reading and writing agree.
 */
export function cursorLens(awareness: Awareness, field: string): Awareness {
  const view = (state: AwarenessState | null) =>
    state && { ...state, user: caretUser(state.user), cursor: state[field] ?? null };
  const lens = {
    get clientID() {
      return awareness.clientID;
    },
    get doc() {
      return awareness.doc;
    },
    getLocalState: () => view(awareness.getLocalState()),
    getStates: () => new Map([...awareness.getStates()].map(([clientId, state]) => [clientId, view(state)])),
    setLocalStateField: (key: string, value: unknown) => {
      const state = awareness.getLocalState();
      if (value !== null || !state) return awareness.setLocalStateField(key, value);
      // A caret that left is removed, not kept as `null`: presence stays small however many sections were visited.
      if (!(key in state)) return;
      const { [key]: _left, ...rest } = state;
      awareness.setLocalState(rest);
    },
    on: (name: string, listener: (...args: unknown[]) => void) => awareness.on(name, listener),
    off: (name: string, listener: (...args: unknown[]) => void) => awareness.off(name, listener),
  };
  return lens as unknown as Awareness;
}

export const SectionCaret = Extension.create<SectionCaretOptions>({
  name: 'sectionCaret',

  addOptions() {
    return { awareness: null, field: 'cursor' };
  },

  addProseMirrorPlugins() {
    const { awareness, field } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(
        cursorLens(awareness, field),
        {
          // Section docs and the meeting doc have different Yjs client ids, so "is this me?" must ask the awareness.
          awarenessStateFilter: (_docClientId: number, clientId: number) => clientId !== awareness.clientID,
          cursorBuilder: buildCaret,
          selectionBuilder: buildSelection,
        },
        field,
      ),
    ];
  },
});
