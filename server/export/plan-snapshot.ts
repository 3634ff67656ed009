// One plan read once for export: every applicable section in template order as display values, its hashes, sign-offs and team.

import type * as Y from 'yjs';
import type { PlanStatus } from '../../shared/protocol/api';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { signoffsArray, statusOf } from '../../shared/protocol/meeting-doc';
import { isFrozen } from '../../shared/rules/lifecycle';
import type { Role } from '../../shared/rules/roles';
import type { SignOff } from '../../shared/rules/signoffs';
import { assertNever, sectionHash } from '../../shared/schema/canonical';
import { documentHash } from '../../shared/schema/document-hash';
import { fieldsOf, richTextOf, rowsOf, valueText } from '../../shared/schema/section-doc';
import { applicableSections } from '../../shared/template/applicability';
import { templateOf } from '../../shared/template/index';
import type { FieldDef, Part, PartKind } from '../../shared/template/types';
import type { AppContext } from '../http/context';
import type { PlanRecord } from '../store/plans';
import { type Block, blocksOf, cleanText, fragmentJson } from './rich-text';

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

/** A template part as it will be printed. Every renderer switches over `kind`, so a new part kind must be handled by each. */
export type PartView =
  | { readonly kind: 'richtext'; readonly label: string; readonly blocks: readonly Block[] }
  | { readonly kind: 'fields'; readonly label: string; readonly fields: readonly LabelledValue[] }
  | { readonly kind: 'table'; readonly label: string; readonly rowNoun: string; readonly columns: readonly FieldDef[]; readonly rows: readonly (readonly string[])[] };

// A part kind added to the template without a view here stops the build at this line, before any renderer is reached.
const everyKindHasAView: [Exclude<PartKind, PartView['kind']>] extends [never] ? true : false = true;
void everyKindHasAView;

/** How much of a table's width a column asks for, in every format: long prose more, a date or a choice less. */
export function columnWeight(column: FieldDef): number {
  switch (column.type) {
    case 'longtext':
      return 3;
    case 'text':
      return 1.6;
    case 'choice':
      return 1.4;
    case 'date':
      return 1.1;
    default:
      return assertNever(column.type);
  }
}

export interface SectionView {
  readonly id: string;
  readonly title: string;
  readonly legalRef: string;
  readonly parts: readonly PartView[];
}

export interface TeamMember {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface PlanSnapshot {
  readonly planId: string;
  readonly title: string;
  readonly legalBasis: string;
  readonly status: PlanStatus;
  /** Not agreed or finalized: every page says it is a proposal for discussion. */
  readonly preliminary: boolean;
  readonly student: { readonly name: string; readonly dateOfBirth: string };
  readonly sections: readonly SectionView[];
  readonly documentHash: string;
  /** Current hash of every template section (applicable or not), for judging sign-offs that name sections. */
  readonly sectionHashes: ReadonlyMap<string, string>;
  readonly sectionTitles: ReadonlyMap<string, string>;
  readonly signoffs: readonly SignOff[];
  readonly team: readonly TeamMember[];
  readonly exportedAt: string;
}

/** Reads the plan's docs together, so the content printed and the hashes printed come from the same instant. */
export function readPlanSnapshot(context: AppContext, plan: PlanRecord, now = new Date()): PlanSnapshot {
  const template = templateOf(plan.template);
  const serverStatus = context.statuses.statusOf(plan.id) ?? plan.status;
  const read = context.rooms.withDocs(plan.id, [...template.sections.map((section) => section.id), MEETING_DOC], (docOf) => {
    const meeting = docOf(MEETING_DOC);
    return {
      sections: applicableSections(template, plan.facts).map((section) => ({
        id: section.id,
        title: section.title,
        legalRef: section.legalRef,
        parts: section.parts.map((part) => partView(part, docOf(section.id))),
      })),
      documentHash: documentHash(template, plan.facts, docOf),
      sectionHashes: new Map(template.sections.map((section) => [section.id, sectionHash(section, docOf(section.id))])),
      signoffs: signoffsArray(meeting).toArray(),
      meetingStatus: statusOf(meeting),
    };
  });
  if (typeof read === 'string') throw new Error(`plan ${plan.id} could not be read: ${read}`);
  // Never print a plan as final while either record of its status says otherwise.
  const preliminary = [serverStatus, read.meetingStatus].some((status) => status !== undefined && !isFrozen(status));
  return {
    planId: plan.id,
    title: template.title,
    legalBasis: template.legalBasis,
    status: serverStatus,
    preliminary,
    student: { name: cleanText(`${plan.student.firstName} ${plan.student.lastName}`), dateOfBirth: formatDate(plan.student.dateOfBirth) },
    sections: read.sections,
    documentHash: read.documentHash,
    sectionHashes: read.sectionHashes,
    sectionTitles: new Map(template.sections.map((section) => [section.id, section.title])),
    signoffs: read.signoffs,
    team: context.plans.participants(plan.id).map(({ id, name, roles }) => ({ id, name: cleanText(name), roles })),
    exportedAt: now.toISOString(),
  };
}

function partView(part: Part, doc: Y.Doc): PartView {
  switch (part.kind) {
    case 'richtext':
      return { kind: 'richtext', label: part.label, blocks: blocksOf(fragmentJson(richTextOf(doc, part))) };
    case 'fields': {
      const values = fieldsOf(doc, part);
      return { kind: 'fields', label: part.label, fields: part.fields.map((field) => ({ label: field.label, value: displayValue(field, values.get(field.id)) })) };
    }
    case 'table':
      return {
        kind: 'table',
        label: part.label,
        rowNoun: part.rowNoun,
        columns: part.columns,
        rows: rowsOf(doc, part)
          .toArray()
          .map((row) => part.columns.map((column) => displayValue(column, row.get(column.id)))),
      };
    default:
      return assertNever(part);
  }
}

/** A value as a reader should see it: a choice by its option's label, a date spelled out. */
function displayValue(field: FieldDef, raw: unknown): string {
  const value = cleanText(valueText(raw));
  switch (field.type) {
    case 'choice':
      return field.options?.find((option) => option.value === value)?.label ?? value;
    case 'date':
      return formatDate(value);
    case 'text':
    case 'longtext':
      return value;
    default:
      return assertNever(field.type);
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-01` → `December 1, 2026`; anything that is not an ISO date is shown as typed. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : iso;
}
