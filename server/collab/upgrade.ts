// The WebSocket door: checks origin, session and membership of the plan before a socket exists, then hands it to a peer.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../../shared/protocol/close-codes';
import { ERRORS, type ErrorCode } from '../../shared/protocol/errors';
import { colorFor } from '../../shared/protocol/presence';
import type { AuditLog } from '../auth/audit';
import type { OriginPolicy } from '../auth/origin';
import { participantFor } from '../auth/access';
import { readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { Plans } from '../store/plans';
import { ConnectionCounts, type SocketOwner } from './connection-counts';
import type { Identity } from './doc-messages';
import { CollabPeer } from './peer';
import { batchRepliesPerRead } from './reply-batching';
import type { PlanStatuses } from './plan-statuses';
import type { Rooms } from './rooms';
import type { SectionLocks } from './section-locks';

const COLLAB_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})(?:\/([a-z0-9-]{1,64}))?\/?$/;

export interface UpgradeDeps {
  readonly rooms: Rooms;
  readonly plans: Plans;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly origins: OriginPolicy;
  readonly maxFrameBytes: number;
  readonly locks: SectionLocks;
  readonly statuses: PlanStatuses;
  readonly maxBufferedBytes: number;
  readonly maxSocketsPerParticipant: number;
  readonly maxSocketsPerUser: number;
  readonly heartbeatMs: number;
  readonly storage: { readonly writable: boolean };
}

export class CollabGateway {
  readonly wss: WebSocketServer;
  private readonly peers = new Set<CollabPeer>();
  private readonly connections: ConnectionCounts;

  constructor(private readonly deps: UpgradeDeps) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxFrameBytes, perMessageDeflate: false });
    this.connections = new ConnectionCounts({ perParticipant: deps.maxSocketsPerParticipant, perPerson: deps.maxSocketsPerUser });
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** People holding at least one socket (for tests: nothing is kept for people who left). */
  get connectedPeople(): number {
    return this.connections.trackedPeople;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = (code: ErrorCode) => refuse(socket, code);
    const match = COLLAB_PATH.exec((request.url ?? '').split('?')[0] ?? '');
    if (!match) return refusal('NOT_FOUND');
    const [, iepId = '', doc] = match;
    if (!this.deps.origins.allows(request.headers.origin, request.headers.host)) return refusal('FORBIDDEN_ORIGIN');
    const session = this.deps.sessions.find(readCookie(request.headers.cookie, SESSION_COOKIE));
    if (!session) return refusal('NOT_SIGNED_IN');
    // Another team's plan answers exactly like a plan that does not exist: its existence is not disclosed.
    const participant = participantFor(this.deps.plans, session, iepId);
    if (!participant) return refusal('UNKNOWN_IEP');
    const problem = this.deps.rooms.validate(iepId, doc ?? 'meeting');
    if (problem) return refusal(problem);
    const owner: SocketOwner = { participantId: participant.id, person: participant.userId ?? `participant:${participant.id}` };
    const exceeded = this.connections.exceeded(owner);
    if (exceeded) {
      const max = exceeded === 'participant' ? this.deps.maxSocketsPerParticipant : this.deps.maxSocketsPerUser;
      this.deps.audit.recordSoon({ actor: participant.id, iepId, action: 'socket.refused', detail: { reason: 'too-many-connections', per: exceeded, max }, ip: request.socket.remoteAddress });
      return refusal('TOO_MANY_CONNECTIONS');
    }
    const identity: Identity = {
      iepId,
      participantId: participant.id,
      name: participant.name,
      roles: participant.roles,
      user: { participantId: participant.id, name: participant.name, roles: participant.roles, color: colorFor(participant.id) },
    };
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      batchRepliesPerRead(socket);
      this.deps.audit.recordSoon({ actor: participant.id, iepId, action: 'plan.opened', detail: { via: doc ? `doc:${doc}` : 'meeting-room' }, ip: request.socket.remoteAddress });
      const sessionToken = readCookie(request.headers.cookie, SESSION_COOKIE) ?? '';
      const peer = new CollabPeer(ws, identity, doc ?? null, {
        sessionStillValid: () => this.deps.sessions.find(sessionToken) !== undefined,
        locks: this.deps.locks,
        statuses: this.deps.statuses,
        maxBufferedBytes: this.deps.maxBufferedBytes,
        heartbeatMs: this.deps.heartbeatMs,
        rooms: this.deps.rooms,
        storage: this.deps.storage,
        onRefused: (who, refusedDoc, reason) =>
          this.deps.audit.recordSoon({ actor: who.participantId, iepId: who.iepId, action: 'write.refused', detail: { doc: refusedDoc, reason } }),
        onProtocolError: (who, reason) =>
          this.deps.audit.recordSoon({ actor: who.participantId, iepId: who.iepId, action: 'socket.protocol-error', detail: { reason } }),
      });
      this.peers.add(peer);
      this.connections.opened(owner);
      this.deps.locks.participantConnected(iepId, participant.id);
      ws.on('close', () => {
        this.peers.delete(peer);
        this.connections.closed(owner);
        this.deps.locks.participantDisconnected(iepId, participant.id);
      });
    });
  }

  /**
   * Applies a change of someone's rights to their open sockets at once: new roles take effect on the next frame;
   * a removed participant (or one whose links were revoked) is disconnected.
   */
  refreshParticipant(participantId: string): void {
    const participant = this.deps.plans.participant(participantId);
    for (const peer of this.peers) {
      if (peer.participantId !== participantId) continue;
      if (!participant) peer.close(CloseCode.FORBIDDEN, 'You are no longer on this team.');
      else peer.updateRoles(participant.roles);
    }
  }

  /** Ends the sockets of sessions that no longer exist (signed out, invitation revoked). */
  dropSessionless(participantId: string): void {
    for (const peer of this.peers) if (peer.participantId === participantId && !peer.sessionStillValid()) peer.close(CloseCode.NOT_SIGNED_IN, 'Your sign-in has ended.');
  }

  /** SIGTERM: every socket is told the server is going away (1001), so clients reconnect to the next one. */
  closeAll(): void {
    for (const peer of [...this.peers]) peer.close(1001, 'server restarting');
    this.peers.clear();
  }
}

/** Answers the upgrade and closes the connection; a client that never closes its side does not keep the socket open. */
function refuse(socket: Duplex, code: ErrorCode): void {
  const { status, message } = ERRORS[code];
  const body = JSON.stringify({ error: { code, message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
