// The shape of a plan template: ordered sections, each made of parts that map one-to-one onto shared types of the section's Y.Doc.

export type TemplateId = 'idea-iep' | 'section-504';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * A single value. `text` and `longtext` are collaborative Y.Text; `date` and `choice` are plain strings
 * set atomically (two people picking a placement at once should see one winner, not a merged string).
 */
export type FieldType = 'text' | 'longtext' | 'date' | 'choice';

/** A fact Concord already holds about the student or plan, copied into a field when a plan is created. */
export type PlanFact = 'firstName' | 'lastName' | 'dateOfBirth' | 'grade' | 'school' | 'primaryLanguage' | 'planStart' | 'planEnd';

export interface FieldDef {
  readonly id: string;
  readonly label: string;
  readonly type: FieldType;
  readonly options?: readonly Choice[];
  readonly help?: string;
  /** Filled from this fact when a plan is created (afterwards the team edits it like any field). */
  readonly fact?: PlanFact;
}

/** Rich prose bound to one TipTap editor: a Y.XmlFragment named after the part. */
export interface RichTextPart {
  readonly kind: 'richtext';
  readonly id: string;
  readonly label: string;
  readonly prompt?: string;
}

/** Labelled single values: a Y.Map named after the part, keyed by field id. */
export interface FieldsPart {
  readonly kind: 'fields';
  readonly id: string;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

/** Rows of cells (goals, services): a Y.Array of Y.Map named after the part; each row map holds `id` and one entry per column. */
export interface TablePart {
  readonly kind: 'table';
  readonly id: string;
  readonly label: string;
  /** Singular noun for one row, used in buttons and announcements ("Add goal"). */
  readonly rowNoun: string;
  readonly columns: readonly FieldDef[];
}

export type Part = RichTextPart | FieldsPart | TablePart;
export type PartKind = Part['kind'];

/**
 * When a section belongs in the plan, as data so every side computes it the same way.
 * - `always`
 * - `age-during-plan`: the student reaches `age` on or before the plan's end date
 *   (IDEA: transition from the IEP in effect when the student turns 16, §300.320(b)).
 * - `before-majority`: the plan's end date is within `yearsBefore` years of the age of majority
 *   (§300.320(c): transfer of rights, one year before).
 * - `alternate-assessment`: the student takes an alternate assessment on alternate achievement standards
 *   (§300.320(a)(2)(ii): benchmarks or short-term objectives).
 */
export type Applicability =
  | { readonly when: 'always' }
  | { readonly when: 'age-during-plan'; readonly age: number }
  | { readonly when: 'before-majority'; readonly yearsBefore: number }
  | { readonly when: 'alternate-assessment' };

export interface SectionDef {
  /** Stable id, also the section's doc name: lowercase letters, digits and dashes; never `meeting`. */
  readonly id: string;
  readonly title: string;
  /** Legal basis shown beside the title, e.g. "34 CFR §300.320(a)(1)". */
  readonly legalRef: string;
  /** One plain-language sentence saying what the team records here, for parents as much as staff. */
  readonly summary: string;
  readonly applies: Applicability;
  readonly parts: readonly Part[];
}

export interface PlanTemplate {
  readonly id: TemplateId;
  readonly title: string;
  /** What the plan is called in running text ("IEP", "504 plan"). */
  readonly shortName: string;
  readonly legalBasis: string;
  readonly sections: readonly SectionDef[];
}

/** The facts about a student and plan that decide which conditional sections apply. Dates are ISO `YYYY-MM-DD`. */
export interface PlanFacts {
  readonly dateOfBirth: string;
  readonly planStart: string;
  readonly planEnd: string;
  readonly alternateAssessment: boolean;
  /** Age of majority in the student's state; 18 in most states. */
  readonly ageOfMajority: number;
}
