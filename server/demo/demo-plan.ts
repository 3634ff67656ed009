// The demo IEP's data: a fictional ninth grader, her team, and starting content for every section her plan carries.

import { ROLE_LABELS, type Role } from '../../shared/rules/roles';
import type { SectionSeed } from '../../shared/schema/seed-content';

// Everyone here is invented. Emails use the reserved example.org / example.com domains so no message can reach a real person.

/** Born in September 2011: 15 when the plan starts, 16 in September 2027 (transition applies), 17 only after the plan ends. */
export const DEMO_STUDENT = {
  firstName: 'Maya',
  lastName: 'Alvarez',
  dateOfBirth: '2011-09-14',
  grade: '9',
  school: 'Cedar Hollow High School',
  primaryLanguage: 'English',
};

export const DEMO_PLAN = {
  template: 'idea-iep' as const,
  planStart: '2026-12-01',
  planEnd: '2027-11-30',
  alternateAssessment: false,
  ageOfMajority: 18,
};

const CASE_MANAGER = 'Jordan Ellis';
const MEETING_DATE = '2026-11-17';

/** The team of §300.321. The speech-language pathologist also interprets her own evaluation, which §300.321(a)(5) requires of someone. */
export const DEMO_PARTICIPANTS: readonly { name: string; roles: readonly Role[]; email?: string }[] = [
  { name: CASE_MANAGER, roles: ['facilitator', 'special-education-teacher'], email: 'jordan.ellis@example.org' },
  { name: 'Rosa Alvarez', roles: ['parent'], email: 'rosa.alvarez@example.com' },
  { name: 'Daniel Okafor', roles: ['general-education-teacher'], email: 'daniel.okafor@example.org' },
  { name: 'Priya Raman', roles: ['lea-representative'], email: 'priya.raman@example.org' },
  { name: 'Samuel Lee', roles: ['related-service-provider', 'evaluator'], email: 'samuel.lee@example.org' },
  { name: 'Maya Alvarez', roles: ['student'], email: 'maya.alvarez@students.example.org' },
];

/** Every service runs for the whole plan unless a row says otherwise. */
const WHOLE_PLAN = { 'start-date': DEMO_PLAN.planStart, 'end-date': DEMO_PLAN.planEnd };

export const DEMO_SEED: Readonly<Record<string, SectionSeed>> = {
  'student-information': {
    fields: {
      student: {
        'first-name': DEMO_STUDENT.firstName,
        'last-name': DEMO_STUDENT.lastName,
        'date-of-birth': DEMO_STUDENT.dateOfBirth,
        grade: DEMO_STUDENT.grade,
        school: DEMO_STUDENT.school,
        'primary-language': DEMO_STUDENT.primaryLanguage,
        'interpreter-needed': 'no',
      },
      plan: {
        'meeting-date': MEETING_DATE,
        'meeting-type': 'annual-review',
        'plan-start': DEMO_PLAN.planStart,
        'plan-end': DEMO_PLAN.planEnd,
        'case-manager': CASE_MANAGER,
      },
    },
  },

  eligibility: {
    fields: {
      determination: {
        'primary-category': 'specific-learning-disability',
        'secondary-category': 'none',
        'determination-date': '2026-10-27',
        'evaluation-date': '2026-10-20',
      },
    },
    richtext: {
      'evaluation-summary': [
        {
          paragraph:
            'Maya was first found eligible in October 2023, in grade 6, as a student with a specific learning disability. Her three-year reevaluation (report dated October 20, 2026) found that she continues to have a specific learning disability in basic reading skills, reading fluency and written expression, and continues to need special education.',
        },
        {
          bullets: [
            'Cognitive: overall reasoning in the average range (standard score 98); phonological processing (82) and rapid naming (78) below average, the pattern usually seen with dyslexia.',
            'Academic achievement: word reading 79, pseudoword decoding 76, oral reading fluency 74, reading comprehension 88, written expression 81, spelling 77. Math calculation (101) and math problem solving (97) are in the average range.',
            'Speech-language: receptive vocabulary 86 and expressive language 84, both below average; articulation, voice and fluency are typical.',
            'Classroom observation and teacher reports: fully engaged in discussion; slows down or stops when asked to read or write on her own.',
            'Vision and hearing screenings (September 2026): passed.',
          ],
        },
        {
          paragraph:
            'The team concluded that these difficulties are not mainly the result of a lack of appropriate instruction in reading, of limited English proficiency, or of vision or hearing problems.',
        },
      ],
    },
  },

  'parent-concerns': {
    richtext: {
      concerns: [
        { paragraph: "Maya's mother, Rosa Alvarez, shared these concerns before the meeting and asked that they be recorded in her words:" },
        {
          bullets: [
            '"Maya works so hard, and she is exhausted. Homework that takes her friends an hour takes her two or three. I want her to have the audiobooks and the extra time in every class, and I want every teacher to know about it without Maya having to explain each time."',
            '"I worry about credits and whether she will be ready for college. She wants to be a vet tech, and I want this plan to help her get there."',
            '"I would like to hear how reading is going more than once a quarter, even a short email."',
          ],
        },
      ],
    },
  },

  'present-levels': {
    richtext: {
      strengths: [
        {
          paragraph:
            'Maya is thoughtful and persistent. She asks good questions in class discussions, is well liked by classmates, and her teachers describe her as kind and dependable. She volunteers at an animal shelter on Saturdays and wants to work with animals.',
        },
        {
          bullets: [
            'When grade-level text is read aloud, she answers comprehension questions as accurately as her classmates.',
            'Mathematics is a relative strength: she earned a B in Algebra 1 in the first grading period.',
            'She uses text-to-speech and speech-to-text on her school laptop on her own.',
            'She plays junior varsity soccer and keeps up with practice and homework using a planner.',
          ],
        },
      ],
      academic: [
        {
          paragraph:
            'Reading. On three 9th-grade oral reading fluency passages (October 2026), Maya read a median of 88 words correct per minute at 91% accuracy; her classmates typically read 140 or more. She decodes one- and two-syllable words reliably but misreads about one in four longer words (such as "consequently" or "photosynthesis"), which slows her down and breaks her understanding. Reading grade-level text silently, she answers 55% of comprehension questions correctly; with the same kind of text read aloud, 85%.',
        },
        {
          paragraph:
            'Writing. On two on-demand argumentative essays (October 2026), Maya scored 2 of 4 on the district 9th-grade rubric for claim, evidence and organization, and 1 of 4 for conventions. In 40 minutes she wrote one paragraph of about 110 words, with spelling errors in 18% of words. With speech-to-text and a graphic organizer she wrote 260 words in three paragraphs.',
        },
        {
          paragraph:
            'Vocabulary. On a September 2026 probe of 20 unfamiliar academic words in 9th-grade science and social studies text, she worked out the meaning of 9 (45%).',
        },
        { paragraph: 'Mathematics is at grade level; she needs no specialized instruction in math, only the reading supports for word problems.' },
        {
          bullets: [
            'Need: decoding longer words, and reading fluency.',
            'Need: organizing and developing written arguments; spelling.',
            'Need: working out academic vocabulary from word parts and context.',
          ],
        },
      ],
      functional: [
        {
          paragraph:
            'Maya attends regularly (96% this school year), is organized, and has no behavior concerns. She gets along well with classmates and adults.',
        },
        {
          paragraph:
            "Self-advocacy is her main functional need. Teacher logs from September and October 2026 show that when a reading or writing task began, she asked for an accommodation on her own in 1 of 10 opportunities, and in 7 of 10 after a teacher's prompt. She told her case manager that she does not want classmates to notice when she uses audio text.",
        },
        { bullets: ['Need: requesting accommodations without a prompt, and explaining her learning needs to teachers.'] },
      ],
      impact: [
        {
          paragraph:
            "Maya's learning disability in reading and writing, together with below-average academic vocabulary, limits her access to grade-level text in every class. She reads at about 60% of her classmates' pace, so assignments take her far longer, and she understands less of what she reads silently than of the same ideas heard aloud. She has strong ideas that she cannot yet get onto the page at grade level. Without specialized reading and writing instruction, audio text, speech-to-text and extended time, she cannot show what she knows in English, biology and world history.",
        },
      ],
    },
  },

  'special-factors': {
    fields: {
      factors: {
        behavior: 'not-needed',
        'behavior-notes': "Maya's behavior does not impede her learning or that of others.",
        'english-learner': 'not-needed',
        'english-learner-notes':
          'The family speaks English and Spanish at home. Maya has never been identified as an English learner, and English proficiency is not a factor in this IEP.',
        braille: 'not-needed',
        'braille-notes': 'Maya is not blind or visually impaired; she passed her vision screening in September 2026.',
        communication: 'addressed',
        'communication-notes':
          'Her language needs (academic vocabulary and language comprehension) are addressed by speech-language therapy and the vocabulary goal. She is not deaf or hard of hearing; she passed her hearing screening in September 2026.',
        'assistive-technology': 'addressed',
        'assistive-technology-notes':
          'Text-to-speech, accessible digital and audio textbooks, and speech-to-text on her school laptop. The case manager checks that her accounts work at the start of each semester.',
      },
    },
  },

  'annual-goals': {
    rows: {
      goals: [
        {
          area: 'reading',
          baseline:
            'Median of 88 words correct per minute at 91% accuracy on three 9th-grade passages (October 2026); misreads about one in four longer words.',
          statement:
            'By November 30, 2027, given an unpracticed 9th-grade passage, Maya will read aloud at 120 words correct per minute with at least 97% accuracy.',
          criterion: '120 words correct per minute at 97% accuracy, median of 3 passages, on 2 consecutive checks',
          method: 'Curriculum-based oral reading fluency passages every two weeks, graphed by the special education teacher',
          'linked-need': 'Decoding longer words and reading fluency (present levels: academic)',
        },
        {
          area: 'writing',
          baseline:
            'On two on-demand argumentative essays (October 2026): 2 of 4 on the district rubric for claim, evidence and organization, 1 of 4 for conventions; about 110 words in 40 minutes.',
          statement:
            'By November 30, 2027, given a grade-level prompt, a graphic organizer and speech-to-text, Maya will write a multi-paragraph argumentative essay that scores at least 3 of 4 on each of the claim, evidence and organization rows of the district 9th-grade rubric.',
          criterion: 'At least 3 of 4 on claim, evidence and organization in 3 of 4 consecutive essays',
          method: 'District argument-writing rubric, one on-demand essay a month, scored together by the English and special education teachers',
          'linked-need': 'Organizing and developing written arguments (present levels: academic)',
        },
        {
          area: 'communication',
          baseline: 'Worked out the meaning of 9 of 20 unfamiliar academic words (45%) in 9th-grade science and social studies text (September 2026).',
          statement:
            'By November 30, 2027, when she meets an unfamiliar academic word in grade-level text, Maya will use word parts (prefix, root, suffix) and context clues to state an accurate meaning.',
          criterion: '16 of 20 words (80%) on 4 of 5 consecutive probes',
          method: '20-word probes drawn from her current class texts every two weeks, recorded by the speech-language pathologist',
          'linked-need': 'Academic vocabulary (present levels: academic; special factors: communication)',
        },
        {
          area: 'transition',
          baseline:
            "Asked for an accommodation on her own in 1 of 10 opportunities, and in 7 of 10 after a teacher's prompt (teacher logs, September–October 2026).",
          statement:
            'By November 30, 2027, when a reading or writing task begins in a general education class, Maya will ask for the accommodation she needs (audio text, speech-to-text or extended time) without a prompt.',
          criterion: '8 of 10 opportunities, in at least 3 classes, for 2 consecutive months',
          method: 'Weekly log kept by Maya and confirmed by her general education teachers, reviewed by the case manager',
          'linked-need': 'Self-advocacy (present levels: functional; postsecondary education goal)',
        },
      ],
    },
  },

  'progress-reporting': {
    richtext: {
      method: [
        {
          paragraph:
            "Each goal is measured as its measurement method says: the special education teacher graphs reading fluency and the writing rubric scores, the speech-language pathologist records the vocabulary probes, and Maya keeps her self-advocacy log, which her teachers confirm.",
        },
        {
          paragraph:
            'Each report gives, for every goal, the latest data, the trend, and whether Maya is on track to meet the goal by the end of the plan. If a goal is off track on two reports in a row, the case manager will ask the team to meet and review it.',
        },
        { paragraph: "As Maya's mother asked, the case manager will also send a short email on reading progress each month between reports." },
      ],
    },
    fields: {
      schedule: {
        frequency: 'each-grading-period',
        format: 'Written report on every goal sent with the report card, plus a short monthly email on reading',
      },
    },
  },

  'special-education-services': {
    rows: {
      services: [
        {
          service: 'Specialized reading instruction (structured literacy: decoding, fluency, vocabulary)',
          category: 'special-education',
          provider: 'Special education teacher',
          ...WHOLE_PLAN,
          frequency: '5 × per week',
          duration: '50 minutes',
          location: 'special-education-classroom',
        },
        {
          service: 'Specialized writing instruction in co-taught English',
          category: 'special-education',
          provider: 'Special education teacher, co-teaching with the English teacher',
          ...WHOLE_PLAN,
          frequency: '3 × per week',
          duration: '50 minutes',
          location: 'general-education-classroom',
        },
        {
          service: 'Speech-language therapy (academic vocabulary and language comprehension)',
          category: 'related-service',
          provider: 'Speech-language pathologist',
          ...WHOLE_PLAN,
          frequency: '2 × per week',
          duration: '30 minutes',
          location: 'therapy-room',
        },
        {
          service: 'Accessible digital and audio textbooks, text-to-speech and speech-to-text',
          category: 'supplementary-aid',
          provider: 'General education teachers; case manager sets up accounts',
          ...WHOLE_PLAN,
          frequency: 'Daily',
          duration: 'Every reading or writing task',
          location: 'general-education-classroom',
        },
        {
          service: 'Spelling graded only on assignments that target conventions',
          category: 'program-modification',
          provider: 'General education teachers',
          ...WHOLE_PLAN,
          frequency: 'Daily',
          duration: 'All graded written work',
          location: 'general-education-classroom',
        },
        {
          service: "Consultation with Maya's teachers on pre-teaching academic vocabulary",
          category: 'personnel-support',
          provider: 'Speech-language pathologist',
          ...WHOLE_PLAN,
          frequency: '1 × per month',
          duration: '30 minutes',
          location: 'other',
        },
      ],
    },
  },

  'supplementary-aids': {
    richtext: {
      'aids-and-modifications': [
        {
          bullets: [
            'Audio or accessible digital versions of all class texts, with text-to-speech, in every class. Teachers post readings at least two school days ahead so they can be converted.',
            'Speech-to-text for written assignments longer than a paragraph.',
            'Extended time (time and a half) on tests, quizzes and in-class writing; a test may be finished in the resource room the same or the next school day.',
            'A copy of class notes or slides for lectures.',
            'Spelling is graded only on assignments that target conventions.',
            'Teachers check in privately, not in front of the class, when Maya has not started a reading or writing task (Maya asked for this).',
          ],
        },
      ],
      'school-personnel-supports': [
        {
          bullets: [
            "Before the plan starts, the case manager gives each of Maya's teachers a one-page summary of this IEP (accommodations, goals, whom to contact) and meets each briefly to answer questions.",
            'The speech-language pathologist meets the English and biology teachers once a month on pre-teaching key academic vocabulary.',
            'The district assistive technology specialist shows teachers how to post readings in accessible formats, by December 15, 2026.',
          ],
        },
      ],
    },
  },

  'assessment-participation': {
    fields: {
      participation: { state: 'general-with-accommodations', district: 'general-with-accommodations' },
    },
    richtext: {
      accommodations: [
        {
          bullets: [
            'Extended time (time and a half) on all state and district assessments.',
            'Small-group setting in a separate room, with a break at the end of each section.',
            "Text-to-speech for mathematics, science and social studies items, and for English language arts items where the state's testing accessibility manual allows it for a student with a documented reading disability.",
            "Speech-to-text for written responses, as the state's testing accessibility manual allows.",
          ],
        },
        { paragraph: 'These are the supports Maya uses every day in class, so none of them is new on test day.' },
      ],
      'alternate-justification': [{ paragraph: 'Not applicable: Maya takes the general state and district assessments with accommodations.' }],
    },
  },

  'least-restrictive-environment': {
    richtext: {
      'nonparticipation-explanation': [
        {
          paragraph:
            'Maya will be outside the general education classroom for one class period a day (Reading Strategies, 50 minutes, 5 × per week, in place of an elective) for specialized reading instruction in a small special education class. She needs explicit, systematic decoding and fluency instruction at an intensity that a general education class cannot provide, even with supplementary aids.',
        },
        {
          paragraph:
            'She will also have speech-language therapy in the therapy room 2 × per week for 30 minutes, scheduled during her Academic Lab period so that she misses no core class.',
        },
        {
          paragraph:
            'She takes all her other classes, including co-taught English, with nondisabled classmates, and takes full part in lunch, assemblies, clubs, junior varsity soccer and field trips.',
        },
      ],
    },
    fields: {
      placement: {
        setting: 'regular-class-80-plus',
        'general-education-percent': '84% (about 1,640 of 1,950 instructional minutes a week)',
      },
    },
  },

  'extended-school-year': {
    fields: {
      decision: { eligibility: 'not-eligible', 'decision-date': MEETING_DATE },
    },
    richtext: {
      rationale: [
        {
          paragraph:
            'Data over the last summer break show no significant regression: Maya read 90 words correct per minute in May 2026 and 86 in the first week of September, and was back to 90 within four weeks. No emerging skill is at a point where a break would put it at risk.',
        },
        {
          paragraph:
            'The team will look at this decision again if data after winter break show a larger loss. The family plans to keep her audiobook account active over the summer, and Maya plans to join the public library summer reading program.',
        },
      ],
    },
  },

  transition: {
    richtext: {
      assessments: [
        {
          bullets: [
            'Career interest inventory (October 2026): strongest interests in animal care, health science and hands-on work.',
            'Student interview with the case manager (October 2026): Maya wants to become a veterinary technician; at the shelter she enjoys caring for the animals and explaining their needs to adopters.',
            'Parent interview (November 2026): her mother supports a two-year college program and wants Maya to learn to arrange her own accommodations.',
            "Work-readiness checklist filled in by the shelter's volunteer coordinator, with Maya's and her mother's permission: reliable, follows multi-step spoken directions, asks when unsure; written care logs take her longer than other volunteers.",
          ],
        },
      ],
      'course-of-study': [
        { paragraph: 'Standard diploma, on track to graduate in June 2030, in the animal science career pathway.' },
        {
          bullets: [
            'Grade 9 (2026–27): English 9 (co-taught), Algebra 1, Biology, World History, Health and PE, Reading Strategies (in place of an elective), Academic Lab.',
            'Grade 10: English 10, Geometry, Chemistry, U.S. History, Introduction to Animal Science; Reading Strategies if her data show she still needs it.',
            'Grades 11–12: English 11 and 12, Algebra 2, Anatomy and Physiology, Government and Economics, Veterinary Science I and II, and a work-based learning placement in animal care.',
          ],
        },
      ],
    },
    rows: {
      'postsecondary-goals': [
        {
          area: 'education-training',
          goal: 'Within a year of graduating from high school, Maya will enroll in a two-year veterinary technology associate degree program at a community college and register with its disability services office.',
        },
        {
          area: 'employment',
          goal: 'After completing her degree, Maya will work as a credentialed veterinary technician at an animal hospital or clinic.',
        },
      ],
      'transition-services': [
        {
          service: 'Instruction in self-advocacy: explaining her learning disability and asking for accommodations (with the self-advocacy goal)',
          'responsible-party': 'Case manager',
          'start-date': DEMO_PLAN.planStart,
        },
        {
          service: 'Job shadow at a veterinary clinic, followed by a reflection with the school counselor',
          'responsible-party': 'School counselor; family provides transportation',
          'start-date': '2027-03-01',
        },
        {
          service: 'Visit to a community college veterinary technology program and its disability services office',
          'responsible-party': "School counselor and Maya's mother",
          'start-date': '2027-04-15',
        },
        {
          service: "Information on the state vocational rehabilitation agency's pre-employment transition services, and help applying",
          'responsible-party': 'Case manager',
          'start-date': '2027-09-01',
        },
      ],
    },
  },

  'team-participants': {
    rows: {
      // Attendance stays blank: it is recorded at the meeting, and this demo is the draft brought to it.
      participants: DEMO_PARTICIPANTS.map((person) => ({
        name: person.name,
        role: person.roles.map((role) => ROLE_LABELS[role]).join('; '),
        attended: '',
      })),
    },
  },
};
