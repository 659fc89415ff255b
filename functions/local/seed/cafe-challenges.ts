import type { DemoChallenge } from './types.js';

/** Café Lumière's challenges: a Wilogo-style design contest (running) and a Fiat Mio-style co-design (decided). */
export const cafeChallenges: DemoChallenge[] = [
  {
    fields: {
      title: { fr: 'Dessinez notre tasse de l’hiver', en: 'Design our winter cup' },
      brief: {
        fr: 'Nous cherchons le décor de la tasse à emporter de cet hiver : chaleureux, lisible de loin, imprimable en deux couleurs.\n\n- Format : un visuel carré et une phrase d’intention\n- Le public donne ses coups de cœur, notre jury choisit trois finalistes',
        en: 'We are looking for this winter’s take-away cup design: warm, readable from afar, printable in two colours.\n\n- Format: one square picture and a sentence on the idea\n- The public gives its favourites, our jury picks three finalists',
      },
      rules: {
        fr: 'Une à trois participations par personne. Création originale uniquement.',
        en: 'One to three entries per person. Original work only.',
      },
      ipClause: {
        fr: 'Le lauréat cède à Café Lumière les droits d’exploitation du décor pour l’impression sur ses tasses et supports.',
        en: 'The winner assigns Café Lumière the rights to use the design on its cups and printed material.',
      },
      prize: { fr: '600 € au lauréat, 200 € à chaque finaliste', en: '€600 to the winner, €200 to each finalist' },
      rewards: [
        { rank: 1, amount: 600, currency: 'EUR' },
        { rank: 2, amount: 200, currency: 'EUR' },
        { rank: 3, amount: 200, currency: 'EUR' },
      ],
      favouritesPerMember: 3,
    },
    entries: [
      [
        'Flocons de café',
        'Des grains de café qui tombent comme des flocons, en brun sur crème : on le reconnaît de l’autre côté de la rue.',
      ],
      [
        'La vapeur qui dessine',
        'Un trait continu de vapeur qui forme une étoile au-dessus de la tasse, en une seule couleur.',
      ],
      [
        'Pull de Noël',
        'Le motif jacquard d’un pull d’hiver, revu avec nos grains et notre logo à la place des rennes.',
      ],
    ],
  },
  {
    fields: {
      title: { fr: 'Inventez le goûter du samedi', en: 'Invent the Saturday snack' },
      brief: {
        fr: 'Proposez le goûter que nous servirons le samedi après-midi : une boisson et une douceur, de saison, faciles à préparer au comptoir.',
        en: 'Suggest the snack we will serve on Saturday afternoons: one drink and one treat, in season, easy to make at the counter.',
      },
      ipClause: {
        fr: 'Le lauréat autorise Café Lumière à servir et nommer la recette.',
        en: 'The winner lets Café Lumière serve and name the recipe.',
      },
      prize: { fr: 'Un an de cafés et 300 €', en: 'A year of coffee and €300' },
      rewards: [{ rank: 1, amount: 300, currency: 'EUR' }],
    },
    entries: [
      [
        'Chocolat épicé et sablé au sarrasin',
        'Un chocolat chaud à la cannelle et à la cardamome, avec un sablé breton au sarrasin.',
      ],
      ['Latte pomme-caramel', 'Un latte au caramel beurre salé et compote de pomme chaude, avec une chouquette.'],
      ['Thé chai et financier', 'Un chai maison au lait d’avoine et un financier noisette tiède.'],
      ['Café viennois et madeleine', 'Le grand classique : café viennois bien monté et madeleine au miel du coin.'],
    ],
  },
];
