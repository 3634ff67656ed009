// A participant's live connection to one plan: a Y.Doc per section and the meeting doc, all over one socket.

import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PlanView } from '../../shared/protocol/api';
import { draftFromRefusal, refusalCause } from '../drafts/refused-draft';
import { SectionDrafts } from '../drafts/section-drafts';
import { CollabSocket, type Refusal } from './collab-socket';
import { ApiError, api } from './http';
import { UnsavedChanges } from './unsaved-changes';

export interface LiveDoc {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

/** Whether the server still knows this browser's sign-in: only a definite 401 says no (a network failure says nothing). */
function stillSignedIn(): Promise<boolean> {
  return api.me().then(
    () => true,
    (error: unknown) => !(error instanceof ApiError && error.status === 401),
  );
}

/** The collaboration endpoint of a plan on the page's own origin. */
export function collabUrl(iepId: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab/${encodeURIComponent(iepId)}`;
}

/** How each doc's provider is set up on the plan's socket. */
export const CHANNEL_PROVIDER_OPTIONS = {
  // Tabs must not sync with each other behind the server's back: the server is the only gate.
  disableBc: true,
  // The provider's own backoff only paces making a new channel, which costs no network: the shared socket reconnects on
  // the jittered schedule and channels wait for it. A long provider backoff would only leave docs unsynced after it opens.
  maxBackoffTime: 100,
} as const;

export class PlanSession {
  readonly socket: CollabSocket;
  readonly meeting: LiveDoc;
  /** Text the server refused, per section, until the participant uses or discards it. */
  readonly drafts: SectionDrafts;
  /** Whether the server is refusing to store changes right now (its storage is failing); they stay in the local docs. */
  readonly unsaved = new UnsavedChanges();
  private readonly url: string;
  private readonly sections = new Map<string, LiveDoc>();
  /** Sections replaced after a refusal whose fresh doc has not synced yet, with how to abandon the wait. */
  private readonly resets = new Map<string, () => void>();
  private readonly replacedListeners = new Set<(sectionId: string) => void>();
  private readonly stopRefusals: () => void;

  constructor(readonly plan: PlanView) {
    this.url = collabUrl(plan.id);
    this.socket = new CollabSocket(this.url, { stillSignedIn });
    this.drafts = new SectionDrafts(plan.id, plan.me.id);
    // Presence lives on the meeting doc's awareness only; section docs carry content, so their awareness stays empty.
    this.meeting = this.open(plan.meetingDoc);
    for (const section of plan.sections) this.sections.set(section.id, this.open(section.doc, true));
    this.stopRefusals = this.socket.onRefusal((refusal) => this.refused(refusal));
  }

  get awareness(): Awareness {
    return this.meeting.provider.awareness;
  }

  /** The section's doc now: after a refusal it is a new one, announced through `onSectionReplaced`. */
  section(sectionId: string): LiveDoc {
    const live = this.sections.get(sectionId);
    if (!live) throw new Error(`no section ${sectionId} in this plan`);
    return live;
  }

  /** Editors bound to the old doc must re-bind: its content is no longer what the server holds. */
  onSectionReplaced(listener: (sectionId: string) => void): () => void {
    this.replacedListeners.add(listener);
    return () => this.replacedListeners.delete(listener);
  }

  destroy(): void {
    this.stopRefusals();
    for (const abandon of this.resets.values()) abandon();
    this.resets.clear();
    for (const live of [this.meeting, ...this.sections.values()]) {
      live.provider.destroy();
      live.doc.destroy();
    }
    this.socket.destroy();
    this.unsaved.destroy();
  }

  /**
   * The server refused a change to a section (a lock arrived first, rights changed, the plan was agreed). The local doc
   * has diverged from the server's for good, so it is set aside and a fresh one syncs what the server holds; the set-aside
   * doc's refused text becomes a draft. Refusals arriving while the fresh doc syncs answer frames of the set-aside doc,
   * sent before it was closed: the server answers in order, so they all precede the fresh doc's sync.
   */
  private refused({ doc }: Refusal): void {
    const view = this.plan.sections.find((section) => section.doc === doc);
    const stale = view && this.sections.get(view.id);
    if (!view || !stale || this.resets.has(view.id)) return;
    const cause = refusalCause(this.meeting.doc, this.plan, view.id);
    const staleClientId = stale.doc.clientID;
    // Closing the old channel first tells the server to drop it before the fresh doc's channel opens under the same name.
    stale.provider.destroy();
    const fresh = this.open(view.doc, true);
    this.sections.set(view.id, fresh);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      try {
        const draft = draftFromRefusal(view.id, stale.doc, staleClientId, fresh.doc, cause);
        if (draft) this.drafts.add(draft);
      } finally {
        this.resets.get(view.id)?.();
        this.resets.delete(view.id);
      }
    };
    this.resets.set(view.id, () => {
      fresh.provider.off('sync', onSync);
      stale.doc.destroy();
    });
    fresh.provider.on('sync', onSync);
    for (const listener of this.replacedListeners) listener(view.id);
  }

  private open(docName: string, silentAwareness = false): LiveDoc {
    const doc = new Y.Doc();
    this.socket.setLocalClient(docName, doc.clientID);
    const awareness = new Awareness(doc);
    if (silentAwareness) awareness.setLocalState(null);
    const provider = new WebsocketProvider(this.url, docName, doc, { ...CHANNEL_PROVIDER_OPTIONS, awareness, WebSocketPolyfill: this.socket.channelClass });
    this.unsaved.watch(docName, provider);
    return { doc, provider };
  }
}
