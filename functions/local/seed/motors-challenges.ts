import type { DemoChallenge } from './types.js';

/** Northwind Motors' challenges: a BMW-style customer co-creation (running) and an Innocentive-style expert call (decided). */
export const motorsChallenges: DemoChallenge[] = [
  {
    fields: {
      title: {
        en: 'Co-design the dashboard of our next city car',
        fr: 'Concevez le tableau de bord de notre prochaine citadine',
      },
      brief: {
        en: 'Tell us how the dashboard of a small electric city car should look and work: what you need at a glance, what stays a physical button, where your phone goes.\n\nSketches, photos of a mock-up or a written description are all welcome.',
        fr: 'Dites-nous à quoi doit ressembler et comment doit fonctionner le tableau de bord d’une petite citadine électrique : ce qu’il faut voir d’un coup d’œil, ce qui reste un vrai bouton, où va le téléphone.',
      },
      ipClause: {
        en: 'Laureates license their ideas to Northwind Motors for use in its vehicles, with credit where the brand chooses.',
      },
      prize: {
        en: 'A weekend with the prototype, and $1,000 to the winner',
        fr: 'Un week-end avec le prototype, et 1 000 $ au lauréat',
      },
      rewards: [{ rank: 1, amount: 1000, currency: 'USD' }],
      favouritesPerMember: 5,
      privateSubmission: false,
    },
    entries: [
      [
        'Three knobs and a shelf',
        'Climate and volume on real knobs, a rubber shelf that holds any phone, and one calm screen for speed and range.',
      ],
      [
        'Range you can trust',
        'The range shown as the places you can reach, not a number: home, work, the next fast charger.',
      ],
      [
        'The kids’ view',
        'A small second screen for the back seats that shows where we are going and how long is left.',
      ],
    ],
  },
  {
    fields: {
      title: {
        en: 'Quiet the road noise of a 17-inch wheel',
        fr: 'Réduire le bruit de roulement d’une roue de 17 pouces',
      },
      brief: {
        en: 'Expert challenge: reduce tyre and wheel cavity noise by 3 dB(A) at 80 km/h without adding more than 1 kg per wheel. Proposals are seen by our engineering jury only.',
      },
      ipClause: { en: 'The winning solver assigns the solution’s rights to Northwind Motors against the award.' },
      prize: { en: '$15,000 to the best solution', fr: '15 000 $ à la meilleure solution' },
      rewards: [{ rank: 1, amount: 15000, currency: 'USD' }],
      entriesPublic: false,
      crowdRankingPublic: false,
      blindJudging: true,
    },
    entries: [
      [
        'Foam ring in the cavity',
        'A 20 mm polyurethane ring bonded to the inner liner breaks the cavity resonance near 200 Hz; 0.6 kg per wheel.',
      ],
      [
        'Helmholtz resonators in the rim',
        'Four tuned chambers cast into the rim well absorb the cavity mode, with no part added to the tyre.',
      ],
      [
        'Tread block pitch sequencing',
        'A new pitch sequence spreads the tread noise across frequencies; pair it with a lighter foam ring.',
      ],
    ],
  },
];
