// A meeting in which two participants lose their network for a while (optionally across a server restart) while everyone
// keeps typing into the same sections; then the network returns and we time how long until all hold the same text.

import * as Y from 'yjs';
import type { Role } from '../../shared/rules/roles';
import type { RichTextPart, SectionDef } from '../../shared/template/types';
import { covers, identical, whenTrue } from './convergence';
import { connectMeeting, connectStock, type PlanClient } from './meeting-client';
import { openLink } from './network-link';
import { appendParagraph, iepTemplate, proseText, typeInto } from './plan-fixtures';
import { type RunningServer, startServer, tempDataDir } from './server';
import { ADMIN, member, planWithTeam } from './team';

export interface OutagePlan {
  readonly outageMs: number;
  /** Take the server down this long into the outage (SIGKILL: a crash; SIGTERM: a deploy) and start it again. */
  readonly restart?: { readonly atMs: number; readonly signal: 'SIGKILL' | 'SIGTERM' };
  /** Every participant types one character into one of the sections this often. */
  readonly keystrokeEveryMs?: number;
}

export interface ReturnReport {
  readonly client: string;
  /** From the network's return to the start of the reconnection attempt that got through. */
  readonly waitedMs: number;
  /** From that attempt's start until the client and the rest of the meeting hold each other's edits. */
  readonly convergedMs: number;
  /** When that attempt started (`performance.now()`). */
  readonly startedAt: number;
}

export interface OutageReport {
  readonly returns: readonly ReturnReport[];
  /** Keystrokes typed during the outage, by all participants together. */
  readonly keystrokes: number;
  /**
   * From the start of the last returning client's reconnection until everyone, and a newcomer reading the server's copy,
   * held identical state vectors and content in every section.
   */
  readonly allIdenticalMs: number;
  /** Characters in the sections at the end, and how many were typed in all: nothing typed may be missing. */
  readonly characters: number;
  readonly typed: number;
}

const ADMIN_ENV = { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password, CONCORD_DEMO: '0' };
const TEAM: readonly Role[] = ['special-education-teacher', 'general-education-teacher', 'evaluator', 'related-service-provider'];
const SETTLE_TIMEOUT_MS = 20_000;

interface Target {
  readonly section: SectionDef;
  readonly part: RichTextPart;
}

/** The first two sections with prose: everybody types into the same two. */
const TARGETS: readonly Target[] = iepTemplate.sections
  .flatMap((section) => section.parts.filter((part): part is RichTextPart => part.kind === 'richtext').map((part) => ({ section, part })))
  .slice(0, 2);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function docOf(client: PlanClient, target: Target): Y.Doc {
  const doc = client.docs.get(target.section.id);
  if (!doc) throw new Error(`client has no doc ${target.section.id}`);
  return doc;
}

export class OutageScenario {
  private server: RunningServer | null = null;
  private readonly cleanups: (() => void | Promise<unknown>)[] = [];

  constructor(private readonly plan: OutagePlan) {}

  async run(): Promise<OutageReport> {
    const server = await this.startServer();
    const team = await planWithTeam(server, TEAM);
    const sectionDocs = TARGETS.map((target) => target.section.id);
    const links = [await openLink(server.port), await openLink(server.port)];
    for (const link of links) this.cleanups.push(() => link.close());
    const cookie = (role: Role) => member(team, role).cookie;
    const [toMuxLink, toStockLink] = links as [(typeof links)[0], (typeof links)[0]];
    // Returning: the meeting room's client and a stock provider, each behind its own network. Staying: the same two kinds.
    const returning = {
      'meeting-room client': this.track(connectMeeting(toMuxLink.url, team.iepId, [...sectionDocs, 'meeting'], cookie('special-education-teacher'))),
      'stock y-websocket client': this.track(connectStock(toStockLink.url, team.iepId, sectionDocs, cookie('general-education-teacher'))),
    };
    const staying = [
      this.track(connectMeeting(server.url, team.iepId, [...sectionDocs, 'meeting'], cookie('evaluator'))),
      this.track(connectStock(server.url, team.iepId, sectionDocs, cookie('related-service-provider'))),
    ];
    const everyone = [...Object.values(returning), ...staying];
    await Promise.all(everyone.map((client) => client.synced()));
    await this.startParagraphs(everyone);
    const typedBefore = TARGETS.reduce((sum, target) => sum + proseText(docOf(staying[0] as PlanClient, target), target.part).length, 0);

    let keystrokes = 0;
    const typing = setInterval(() => {
      for (const client of everyone) {
        const target = TARGETS[keystrokes % TARGETS.length] as Target;
        const doc = docOf(client, target);
        typeInto(doc, target.part, String.fromCharCode(97 + (keystrokes % 26)), Math.floor(Math.random() * (proseText(doc, target.part).length + 1)));
        keystrokes++;
      }
    }, this.plan.keystrokeEveryMs ?? 150);
    this.cleanups.push(() => clearInterval(typing));

    for (const link of links) link.cut();
    const restarted = this.plan.restart ? sleep(this.plan.restart.atMs).then(() => this.restartServer(server)) : Promise.resolve();
    await sleep(this.plan.outageMs);
    await restarted;
    // After a restart the staying participants must be back before the outage ends, or they too would be returning.
    await Promise.all(staying.map((client) => client.synced()));
    // Both sides typed throughout; stop so that "converged" has a fixed target, then give the network back.
    clearInterval(typing);
    const restoredAt = performance.now();
    for (const link of links) link.restore();

    const returns = await Promise.all(Object.entries(returning).map(([name, client]) => this.timeReturn(name, client, staying, restoredAt)));
    const newcomer = this.track(connectStock(this.currentServer().url, team.iepId, sectionDocs, cookie('evaluator')));
    await newcomer.synced();
    const all = [...everyone, newcomer];
    const allDocs = all.flatMap((client) => TARGETS.map((target) => docOf(client, target)));
    const allIdenticalAt = await whenTrue(
      allDocs,
      () => TARGETS.every((target) => identical(target.section, all.map((client) => docOf(client, target)))),
      SETTLE_TIMEOUT_MS,
    );
    const lastReturnStarted = Math.max(...returns.map((back) => back.startedAt));
    const characters = TARGETS.reduce((sum, target) => sum + proseText(docOf(newcomer, target), target.part).length, 0);
    return { returns, keystrokes, allIdenticalMs: allIdenticalAt - lastReturnStarted, characters: characters - typedBefore, typed: keystrokes };
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    await this.server?.kill();
    this.server = null;
  }

  private track<T extends PlanClient>(client: T): T {
    this.cleanups.push(() => client.destroy());
    return client;
  }

  private currentServer(): RunningServer {
    if (!this.server) throw new Error('no server');
    return this.server;
  }

  private async startServer(dataDir = tempDataDir(), port?: number): Promise<RunningServer> {
    this.server = await startServer({ dataDir, port, env: ADMIN_ENV });
    return this.server;
  }

  private async restartServer(server: RunningServer): Promise<void> {
    if (this.plan.restart?.signal === 'SIGTERM') await server.stop();
    else await server.kill();
    await this.startServer(server.dataDir, server.port);
  }

  /** One paragraph in each section for everyone to type into, seen by all before the outage. */
  private async startParagraphs(everyone: readonly PlanClient[]): Promise<void> {
    const [first] = everyone;
    if (!first) return;
    for (const target of TARGETS) appendParagraph(docOf(first, target), target.part, '');
    const docs = everyone.flatMap((client) => TARGETS.map((target) => docOf(client, target)));
    await whenTrue(docs, () => TARGETS.every((target) => everyone.every((client) => covers(docOf(client, target), docOf(first, target)))), SETTLE_TIMEOUT_MS);
  }

  /**
   * Times one returning client, section by section: from the start of the first connection attempt carrying that section
   * after the network came back, until the client holds everything the staying participants hold and they hold everything
   * it typed. A stock client has a socket per section, each on its own backoff; the meeting room's client one for all.
   */
  private async timeReturn(name: string, client: PlanClient, staying: readonly PlanClient[], restoredAt: number): Promise<ReturnReport> {
    const perSection = TARGETS.map(async (target) => {
      const mine = docOf(client, target);
      const theirs = staying.map((other) => docOf(other, target));
      const convergedAt = await whenTrue([mine, ...theirs], () => theirs.every((doc) => covers(mine, doc) && covers(doc, mine)), SETTLE_TIMEOUT_MS);
      const startedAt = client.attemptsFor(target.section.id).find((at) => at >= restoredAt);
      if (startedAt === undefined) throw new Error(`${name} converged on ${target.section.id} without connecting again`);
      return { startedAt, convergedMs: convergedAt - startedAt };
    });
    const sections = await Promise.all(perSection);
    const startedAt = Math.max(...sections.map((section) => section.startedAt));
    return {
      client: name,
      startedAt,
      waitedMs: startedAt - restoredAt,
      convergedMs: Math.max(...sections.map((section) => section.convergedMs)),
    };
  }
}
