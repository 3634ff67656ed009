// Where simulated typists write: rich-text parts of sections every participant has open (see meetingDocs()).

export interface TypingTarget {
  readonly section: string;
  readonly part: string;
}

export const TYPING_TARGETS: readonly TypingTarget[] = [
  { section: 'present-levels', part: 'academic' },
  { section: 'supplementary-aids', part: 'aids-and-modifications' },
  { section: 'parent-concerns', part: 'concerns' },
  { section: 'eligibility', part: 'evaluation-summary' },
  { section: 'progress-reporting', part: 'method' },
  { section: 'least-restrictive-environment', part: 'nonparticipation-explanation' },
  { section: 'extended-school-year', part: 'rationale' },
  { section: 'assessment-participation', part: 'accommodations' },
];

export function typingTarget(index: number): TypingTarget {
  return TYPING_TARGETS[index % TYPING_TARGETS.length] as TypingTarget;
}
