// The Section 504 plan template (34 CFR Part 104): lighter than an IEP, with the same student header and team table.

import { studentInformationSection, teamParticipantsSection } from './idea-iep';
import type { PlanTemplate } from './types';

export const section504: PlanTemplate = {
  id: 'section-504',
  title: 'Section 504 Plan',
  shortName: '504 plan',
  legalBasis: 'Section 504 of the Rehabilitation Act of 1973, 34 CFR Part 104',
  // Nothing here is conditional: Part 104 has no age- or assessment-triggered contents.
  sections: [
    studentInformationSection(
      [
        { value: 'initial', label: 'Initial' },
        { value: 'annual-review', label: 'Annual review' },
        { value: 'amendment', label: 'Amendment' },
      ],
      '34 CFR §104.33',
    ),
    {
      id: 'impairment',
      title: 'Impairment and major life activities',
      legalRef: '34 CFR §104.3(j)',
      summary: "Your child's impairment, the everyday activities it substantially limits, and how that shows up at school.",
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'finding',
          label: 'Finding',
          fields: [
            { id: 'impairment', label: 'Physical or mental impairment', type: 'text' },
            {
              id: 'major-life-activities',
              label: 'Major life activities limited',
              type: 'text',
              help: 'For example learning, reading, concentrating, breathing, or a major bodily function.',
            },
          ],
        },
        {
          kind: 'richtext',
          id: 'how-it-limits',
          label: 'How the impairment limits the student at school',
          prompt: 'What the limitation looks like in class, in testing and across the school day.',
        },
      ],
    },
    {
      id: 'accommodations',
      title: 'Accommodations',
      legalRef: '34 CFR §104.33(b)',
      summary: 'The changes in how your child learns and is tested, and who makes sure each one happens.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'table',
          id: 'accommodations',
          label: 'Accommodations',
          rowNoun: 'accommodation',
          columns: [
            {
              id: 'setting',
              label: 'Setting',
              type: 'choice',
              options: [
                { value: 'classroom', label: 'Classroom' },
                { value: 'testing', label: 'Testing' },
                { value: 'environment', label: 'Environment' },
                { value: 'assistive-technology', label: 'Assistive technology' },
                { value: 'other', label: 'Other' },
              ],
            },
            { id: 'accommodation', label: 'Accommodation', type: 'longtext' },
            { id: 'responsible', label: 'Responsible', type: 'text', help: 'Who implements it.' },
          ],
        },
      ],
    },
    {
      id: 'related-services',
      title: 'Related services',
      legalRef: '34 CFR §104.33(b)(1)',
      summary: 'Any services your child gets beyond classroom accommodations, such as counseling or nursing, and how often.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'table',
          id: 'services',
          label: 'Services',
          rowNoun: 'service',
          columns: [
            { id: 'service', label: 'Service', type: 'text' },
            { id: 'provider', label: 'Provider', type: 'text' },
            { id: 'frequency', label: 'Frequency', type: 'text' },
            { id: 'location', label: 'Location', type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'health-plan',
      title: 'Health and emergency plan',
      legalRef: '34 CFR §104.33(b)(1), §104.37',
      summary: "What staff do about your child's health needs during the school day and in an emergency.",
      applies: { when: 'always' },
      parts: [
        {
          kind: 'richtext',
          id: 'health-and-emergency',
          label: 'Health and emergency plan',
          prompt: 'Daily health needs, warning signs, what staff do and whom they call; on trips and in activities too.',
        },
      ],
    },
    {
      id: 'review',
      title: 'Plan review',
      legalRef: '34 CFR §104.35(d)',
      summary: 'When the team will look at the plan again, and who to contact in the meantime.',
      applies: { when: 'always' },
      parts: [
        {
          kind: 'fields',
          id: 'review',
          label: 'Review',
          fields: [
            { id: 'review-date', label: 'Review date', type: 'date' },
            { id: 'coordinator', label: 'Plan coordinator', type: 'text' },
          ],
        },
      ],
    },
    // §104.35(c): placement decisions are made by a group who know the child, the evaluation data and the options.
    teamParticipantsSection('34 CFR §104.35(c)', 'Role on the team'),
  ],
};
