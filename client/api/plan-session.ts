// A participant's live connection to one plan: a Y.Doc per section and the meeting doc, all over one socket.

import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PlanView } from '../../shared/protocol/api';
import { CollabSocket } from './collab-socket';

export interface LiveDoc {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

/** The collaboration endpoint of a plan on the page's own origin. */
export function collabUrl(iepId: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab/${encodeURIComponent(iepId)}`;
}

export class PlanSession {
  readonly socket: CollabSocket;
  readonly meeting: LiveDoc;
  private readonly sections = new Map<string, LiveDoc>();

  constructor(readonly plan: PlanView) {
    const url = collabUrl(plan.id);
    this.socket = new CollabSocket(url);
    // Presence lives on the meeting doc's awareness only; section docs carry content, so their awareness stays empty.
    this.meeting = this.open(url, plan.meetingDoc);
    for (const section of plan.sections) this.sections.set(section.id, this.open(url, section.doc, true));
  }

  get awareness(): Awareness {
    return this.meeting.provider.awareness;
  }

  section(sectionId: string): LiveDoc {
    const live = this.sections.get(sectionId);
    if (!live) throw new Error(`no section ${sectionId} in this plan`);
    return live;
  }

  destroy(): void {
    for (const live of [this.meeting, ...this.sections.values()]) {
      live.provider.destroy();
      live.doc.destroy();
    }
    this.socket.destroy();
  }

  private open(url: string, docName: string, silentAwareness = false): LiveDoc {
    const doc = new Y.Doc();
    this.socket.setLocalClient(docName, doc.clientID);
    const awareness = new Awareness(doc);
    if (silentAwareness) awareness.setLocalState(null);
    const provider = new WebsocketProvider(url, docName, doc, {
      awareness,
      WebSocketPolyfill: this.socket.channelClass,
      // Tabs must not sync with each other behind the server's back: the server is the only gate.
      disableBc: true,
    });
    return { doc, provider };
  }
}
