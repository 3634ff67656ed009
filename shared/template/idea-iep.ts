// The IDEA IEP template (34 CFR Part 300), plus the student header and team table that the 504 plan reuses.

import type { Choice, FieldDef, PlanTemplate, SectionDef } from './types';

/** Choice options from [value, label] pairs, so long option lists stay one line each. */
function options(...pairs: readonly (readonly [value: string, label: string])[]): readonly Choice[] {
  return pairs.map(([value, label]) => ({ value, label }));
}

const YES_NO = options(['yes', 'Yes'], ['no', 'No']);

/** The 13 disability categories of §300.8(c). (States may add developmental delay for ages 3–9; this template does not.) */
export const DISABILITY_CATEGORIES = options(
  ['autism', 'Autism'],
  ['deaf-blindness', 'Deaf-blindness'],
  ['deafness', 'Deafness'],
  ['emotional-disturbance', 'Emotional disturbance'],
  ['hearing-impairment', 'Hearing impairment'],
  ['intellectual-disability', 'Intellectual disability'],
  ['multiple-disabilities', 'Multiple disabilities'],
  ['orthopedic-impairment', 'Orthopedic impairment'],
  ['other-health-impairment', 'Other health impairment'],
  ['specific-learning-disability', 'Specific learning disability'],
  ['speech-or-language-impairment', 'Speech or language impairment'],
  ['traumatic-brain-injury', 'Traumatic brain injury'],
  ['visual-impairment', 'Visual impairment, including blindness'],
);

/** §300.324(a)(2) asks the team to consider each factor; recording "not needed" proves it was considered, a blank does not. */
const CONSIDERATION = options(['not-needed', 'Considered: not needed'], ['addressed', 'Considered: addressed in this IEP']);

const ASSESSMENT_PARTICIPATION = options(
  ['general-without-accommodations', 'General assessment without accommodations'],
  ['general-with-accommodations', 'General assessment with accommodations'],
  ['alternate', 'Alternate assessment'],
);

/** A special factor as a determination plus notes: the determination is picked whole, the notes are co-written. */
function specialFactor(id: string, label: string, help: string): readonly FieldDef[] {
  return [
    { id, label, type: 'choice', options: CONSIDERATION, help },
    { id: `${id}-notes`, label: `${label}: notes`, type: 'longtext' },
  ];
}

/** The header every plan opens with, filled from the student record at creation; the 504 plan passes its own meeting types. */
export function studentInformationSection(meetingTypes: readonly Choice[], legalRef: string): SectionDef {
  return {
    id: 'student-information',
    title: 'Student and meeting information',
    legalRef,
    summary: 'Who the plan is for, when the team met, and the dates the plan is in effect.',
    applies: { when: 'always' },
    parts: [
      {
        kind: 'fields',
        id: 'student',
        label: 'Student',
        fields: [
          { id: 'first-name', label: 'First name', type: 'text', fact: 'firstName' },
          { id: 'last-name', label: 'Last name', type: 'text', fact: 'lastName' },
          { id: 'date-of-birth', label: 'Date of birth', type: 'date', fact: 'dateOfBirth' },
          { id: 'grade', label: 'Grade', type: 'text', fact: 'grade' },
          { id: 'school', label: 'School', type: 'text', fact: 'school' },
          { id: 'primary-language', label: 'Primary language', type: 'text', fact: 'primaryLanguage' },
          {
            id: 'interpreter-needed',
            label: 'Interpreter needed for the family',
            type: 'choice',
            options: YES_NO,
            help: 'The school must arrange an interpreter so parents can understand the meeting (34 CFR §300.322(e)).',
          },
        ],
      },
      {
        kind: 'fields',
        id: 'plan',
        label: 'Meeting and plan dates',
        fields: [
          { id: 'meeting-date', label: 'Meeting date', type: 'date' },
          { id: 'meeting-type', label: 'Meeting type', type: 'choice', options: meetingTypes },
          { id: 'plan-start', label: 'Plan start date', type: 'date', fact: 'planStart' },
          { id: 'plan-end', label: 'Plan end date', type: 'date', fact: 'planEnd' },
          { id: 'case-manager', label: 'Case manager', type: 'text' },
        ],
      },
    ],
  };
}

/** Who took part and how. Attendance is recorded apart from any signature, which always says what it means. */
export function teamParticipantsSection(legalRef: string, roleLabel: string): SectionDef {
  return {
    id: 'team-participants',
    title: 'Team participants',
    legalRef,
    summary: 'Everyone on the team, the part each person plays, and how they took part in the meeting.',
    applies: { when: 'always' },
    parts: [
      {
        kind: 'table',
        id: 'participants',
        label: 'Participants',
        rowNoun: 'participant',
        columns: [
          { id: 'name', label: 'Name', type: 'text' },
          { id: 'role', label: roleLabel, type: 'text' },
          {
            id: 'attended',
            label: 'Attended',
            type: 'choice',
            options: options(
              ['in-person', 'In person'],
              ['by-video', 'By video'],
              ['by-phone', 'By phone'],
              ['excused-in-writing', 'Excused in writing'],
              ['did-not-attend', 'Did not attend'],
            ),
          },
        ],
      },
    ],
  };
}

export const ideaIep: PlanTemplate = {
  id: 'idea-iep',
  title: 'Individualized Education Program',
  shortName: 'IEP',
  legalBasis: 'Individuals with Disabilities Education Act (IDEA), 34 CFR Part 300',
  sections: [
    studentInformationSection(
      options(
        ['initial', 'Initial'],
        ['annual-review', 'Annual review'],
        ['amendment', 'Amendment'],
        ['reevaluation', 'Reevaluation'],
      ),
      '34 CFR §300.322, §300.323',
    ),
    {
      id: 'eligibility',
      title: 'Eligibility',
      legalRef: '34 CFR §300.8, §300.306',
      summary: 'The disability category the evaluation found and what the evaluation showed about how your child learns.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'determination',
          label: 'Eligibility determination',
          fields: [
            { id: 'primary-category', label: 'Primary disability category', type: 'choice', options: DISABILITY_CATEGORIES },
            {
              id: 'secondary-category',
              label: 'Secondary disability category',
              type: 'choice',
              options: [...DISABILITY_CATEGORIES, { value: 'none', label: 'None' }],
            },
            { id: 'determination-date', label: 'Eligibility determination date', type: 'date' },
            {
              id: 'evaluation-date',
              label: 'Most recent evaluation date',
              type: 'date',
              help: 'A reevaluation is due at least every three years (34 CFR §300.303).',
            },
          ],
        },
        {
          kind: 'richtext',
          id: 'evaluation-summary',
          label: 'Evaluation summary',
          prompt: 'What the most recent evaluation found: the assessments given, the results, and what they mean for instruction.',
        },
      ],
    },
    {
      id: 'parent-concerns',
      title: 'Parent concerns',
      legalRef: '34 CFR §300.324(a)(1)(ii)',
      summary: "Your concerns for enhancing your child's education, in your own words, which the team must consider.",
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'concerns',
          label: 'Concerns of the parents',
          prompt: 'What the parents want the team to know and work on this year, as they put it.',
        },
      ],
    },
    {
      id: 'present-levels',
      title: 'Present levels of academic achievement and functional performance',
      legalRef: '34 CFR §300.320(a)(1)',
      summary: 'Where your child is today at school, in learning and in daily skills, and how the disability affects learning alongside classmates.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'strengths',
          label: 'Strengths',
          prompt: 'What the student does well and enjoys, in school and out, that the plan can build on.',
        },
        {
          kind: 'richtext',
          id: 'academic',
          label: 'Academic achievement',
          prompt: 'Current performance in reading, writing, mathematics and other subjects, with recent data and the needs it shows.',
        },
        {
          kind: 'richtext',
          id: 'functional',
          label: 'Functional performance',
          prompt: 'Communication, attention, organization, social, behavioral, motor and daily-living skills, with recent data and needs.',
        },
        {
          kind: 'richtext',
          id: 'impact',
          label: 'Impact of the disability',
          prompt: 'How the disability affects involvement and progress in the general education curriculum (the same curriculum as for nondisabled students).',
        },
      ],
    },
    {
      id: 'special-factors',
      title: 'Special factors',
      legalRef: '34 CFR §300.324(a)(2)',
      summary: 'Five areas the team must think about for every child, and what it decided for each.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'factors',
          label: 'Factors considered',
          fields: [
            ...specialFactor(
              'behavior',
              'Behavior',
              "If behavior impedes the child's learning or that of others: positive behavioral interventions and supports.",
            ),
            ...specialFactor('english-learner', 'Limited English proficiency', "The child's language needs as they relate to the IEP."),
            ...specialFactor(
              'braille',
              'Braille (blind or visually impaired)',
              'Instruction in Braille and its use, unless an evaluation shows it is not appropriate.',
            ),
            ...specialFactor(
              'communication',
              'Communication needs',
              'Including, for a deaf or hard-of-hearing child, language and communication needs and opportunities for direct communication in that mode.',
            ),
            ...specialFactor('assistive-technology', 'Assistive technology', 'Assistive technology devices and services the child needs.'),
          ],
        },
      ],
    },
    {
      id: 'annual-goals',
      title: 'Measurable annual goals',
      legalRef: '34 CFR §300.320(a)(2)(i)',
      summary: 'What your child is expected to learn or do by the end of the plan, where they start from, and how the team will know.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'table',
          id: 'goals',
          label: 'Annual goals',
          rowNoun: 'goal',
          columns: [
            {
              id: 'area',
              label: 'Area',
              type: 'choice',
              options: options(
                ['reading', 'Reading'],
                ['writing', 'Writing'],
                ['mathematics', 'Mathematics'],
                ['communication', 'Communication'],
                ['social-emotional', 'Social-emotional'],
                ['behavior', 'Behavior'],
                ['adaptive-daily-living', 'Adaptive / daily living'],
                ['motor', 'Motor'],
                ['transition', 'Transition'],
                ['other', 'Other'],
              ),
            },
            { id: 'baseline', label: 'Baseline', type: 'longtext', help: 'Where the student is now, with data.' },
            { id: 'statement', label: 'Goal statement', type: 'longtext' },
            { id: 'criterion', label: 'Criterion', type: 'text', help: 'The level that counts as meeting the goal.' },
            { id: 'method', label: 'Measurement method', type: 'text' },
            { id: 'linked-need', label: 'Linked need', type: 'text', help: 'The need in present levels this goal answers.' },
          ],
        },
      ],
    },
    {
      id: 'short-term-objectives',
      title: 'Short-term objectives',
      legalRef: '34 CFR §300.320(a)(2)(ii)',
      summary: 'Smaller steps toward each annual goal, required because your child takes an alternate assessment.',
      applies: { when: 'alternate-assessment' },
      parts: [
        {
          kind: 'table',
          id: 'objectives',
          label: 'Objectives',
          rowNoun: 'objective',
          columns: [
            { id: 'goal', label: 'Goal', type: 'text', help: 'The annual goal this objective leads to.' },
            { id: 'objective', label: 'Objective', type: 'longtext' },
            { id: 'criterion', label: 'Criterion', type: 'text' },
            { id: 'target-date', label: 'Target date', type: 'date' },
          ],
        },
      ],
    },
    {
      id: 'progress-reporting',
      title: 'Progress measurement and reporting',
      legalRef: '34 CFR §300.320(a)(3)',
      summary: "How the team will measure your child's progress on each goal and how often you will get a report.",
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'method',
          label: 'How progress is measured',
          prompt: 'Who collects data on each goal, how, and how it is summarized for the family.',
        },
        {
          kind: 'fields',
          id: 'schedule',
          label: 'Reporting schedule',
          fields: [
            {
              id: 'frequency',
              label: 'Reporting frequency',
              type: 'choice',
              options: options(
                ['each-grading-period', 'Each grading period'],
                ['quarterly', 'Quarterly'],
                ['trimester', 'Each trimester'],
                ['other', 'Other'],
              ),
            },
            { id: 'format', label: 'Report format', type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'special-education-services',
      title: 'Special education and related services',
      // (a)(7) is here because the services table is where the start date, frequency, location and duration live.
      legalRef: '34 CFR §300.320(a)(4), (a)(7)',
      summary: 'The teaching, therapy and other help your child will get: what, from whom, how often, for how long and where.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'table',
          id: 'services',
          label: 'Services',
          rowNoun: 'service',
          columns: [
            { id: 'service', label: 'Service', type: 'text' },
            {
              id: 'category',
              label: 'Category',
              type: 'choice',
              options: options(
                ['special-education', 'Special education'],
                ['related-service', 'Related service'],
                ['supplementary-aid', 'Supplementary aid or service'],
                ['program-modification', 'Program modification'],
                ['personnel-support', 'Support for school personnel'],
              ),
            },
            { id: 'provider', label: 'Provider role', type: 'text', help: 'A role, not a person: staff change, the service does not.' },
            { id: 'start-date', label: 'Start date', type: 'date' },
            { id: 'end-date', label: 'End date', type: 'date' },
            { id: 'frequency', label: 'Frequency', type: 'text', help: 'For example "3 × per week".' },
            { id: 'duration', label: 'Duration', type: 'text', help: 'For example "30 minutes".' },
            {
              id: 'location',
              label: 'Location',
              type: 'choice',
              options: options(
                ['general-education-classroom', 'General education classroom'],
                ['special-education-classroom', 'Special education classroom'],
                ['therapy-room', 'Therapy room'],
                ['other', 'Other'],
              ),
            },
          ],
        },
      ],
    },
    {
      id: 'supplementary-aids',
      title: 'Supplementary aids, program modifications and supports for school personnel',
      legalRef: '34 CFR §300.320(a)(4), §300.42',
      summary: 'Changes and supports that let your child learn in regular classes, and the training or help staff get to provide them.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'aids-and-modifications',
          label: 'Supplementary aids and program modifications',
          prompt: 'Accommodations and modifications in classes and activities, and when and where each applies.',
        },
        {
          kind: 'richtext',
          id: 'school-personnel-supports',
          label: 'Supports for school personnel',
          prompt: 'Training, consultation or materials staff need to carry out this IEP.',
        },
      ],
    },
    {
      id: 'assessment-participation',
      title: 'Participation in state and district assessments',
      legalRef: '34 CFR §300.320(a)(6), §300.160',
      summary: 'How your child will take state and district tests, and with which accommodations.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'participation',
          label: 'Participation',
          fields: [
            { id: 'state', label: 'State assessments', type: 'choice', options: ASSESSMENT_PARTICIPATION },
            { id: 'district', label: 'District assessments', type: 'choice', options: ASSESSMENT_PARTICIPATION },
          ],
        },
        {
          kind: 'richtext',
          id: 'accommodations',
          label: 'Testing accommodations',
          prompt: 'Each accommodation, and the assessments it applies to.',
        },
        {
          kind: 'richtext',
          id: 'alternate-justification',
          label: 'Alternate assessment justification',
          prompt:
            'Required only if an alternate assessment is chosen: why the child cannot participate in the regular assessment, and why the alternate assessment selected is appropriate.',
        },
      ],
    },
    {
      id: 'least-restrictive-environment',
      title: 'Least restrictive environment and placement',
      legalRef: '34 CFR §300.320(a)(5), §300.114',
      summary: 'How much of the day your child spends with classmates without disabilities, and why any time apart is needed.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'nonparticipation-explanation',
          label: 'Explanation of non-participation',
          prompt:
            'The extent, if any, to which the student will not participate with nondisabled children in the regular class and in extracurricular and nonacademic activities, and why.',
        },
        {
          kind: 'fields',
          id: 'placement',
          label: 'Placement',
          fields: [
            {
              id: 'setting',
              label: 'Placement',
              type: 'choice',
              options: options(
                ['regular-class-80-plus', 'Regular class 80% or more of the day'],
                ['regular-class-40-79', 'Regular class 40–79% of the day'],
                ['regular-class-under-40', 'Regular class less than 40% of the day'],
                ['separate-school', 'Separate school'],
                ['residential-facility', 'Residential facility'],
                ['home-hospital', 'Home or hospital'],
              ),
            },
            {
              id: 'general-education-percent',
              label: 'Percent of the day in general education',
              type: 'text',
              help: 'Should agree with the locations in the services table.',
            },
          ],
        },
      ],
    },
    {
      id: 'extended-school-year',
      title: 'Extended school year',
      legalRef: '34 CFR §300.106',
      summary: 'Whether your child needs services during school breaks, such as summer, to keep the skills gained.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'decision',
          label: 'Decision',
          fields: [
            {
              id: 'eligibility',
              label: 'Extended school year services',
              type: 'choice',
              options: options(
                ['eligible', 'Eligible'],
                ['not-eligible', 'Not eligible'],
                ['to-be-determined', 'To be determined by the decision date'],
              ),
            },
            { id: 'decision-date', label: 'Decision date', type: 'date' },
          ],
        },
        {
          kind: 'richtext',
          id: 'rationale',
          label: 'Rationale',
          prompt: 'The data the decision rests on (regression and recoupment, emerging skills, other factors), and the services if eligible.',
        },
      ],
    },
    {
      id: 'transition',
      title: 'Postsecondary transition',
      legalRef: '34 CFR §300.320(b)',
      summary: "Your child's goals for life after high school, and the courses and services that will help reach them.",
      applies: { when: 'age-during-plan', age: 16 },
      parts: [
        {
          kind: 'richtext',
          id: 'assessments',
          label: 'Age-appropriate transition assessments',
          prompt: "Which transition assessments were used and what they show about the student's interests, preferences and strengths.",
        },
        {
          kind: 'table',
          id: 'postsecondary-goals',
          label: 'Measurable postsecondary goals',
          rowNoun: 'postsecondary goal',
          columns: [
            {
              id: 'area',
              label: 'Area',
              type: 'choice',
              options: options(
                ['education-training', 'Education or training'],
                ['employment', 'Employment'],
                ['independent-living', 'Independent living'],
              ),
            },
            { id: 'goal', label: 'Goal', type: 'longtext' },
          ],
        },
        {
          kind: 'table',
          id: 'transition-services',
          label: 'Transition services',
          rowNoun: 'transition service',
          columns: [
            { id: 'service', label: 'Service', type: 'text' },
            { id: 'responsible-party', label: 'Responsible party', type: 'text' },
            { id: 'start-date', label: 'Start date', type: 'date' },
          ],
        },
        {
          kind: 'richtext',
          id: 'course-of-study',
          label: 'Course of study',
          prompt: 'The courses, through graduation, that lead toward the postsecondary goals.',
        },
      ],
    },
    {
      id: 'transfer-of-rights',
      title: 'Transfer of rights at the age of majority',
      legalRef: '34 CFR §300.320(c), §300.520',
      summary: 'Notice that the rights you hold as a parent will pass to your child when they reach adulthood under state law.',
      applies: { when: 'before-majority', yearsBefore: 1 },
      parts: [
        {
          kind: 'fields',
          id: 'notice',
          label: 'Notice given',
          fields: [
            { id: 'student-informed', label: 'Date student informed', type: 'date' },
            { id: 'parents-informed', label: 'Date parents informed', type: 'date' },
            { id: 'age-of-majority', label: 'Age of majority in this state', type: 'text' },
          ],
        },
        {
          kind: 'richtext',
          id: 'statement',
          label: 'Statement',
          prompt: 'That the student has been informed of the rights under IDEA that will transfer at the age of majority.',
        },
      ],
    },
    teamParticipantsSection('34 CFR §300.321', 'IDEA role'),
  ],
};
