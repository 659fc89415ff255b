import type { DemoOffers } from './types.js';

/** Partners of the café chain, their offers and the team's technology requests, in French. */
export const cafeOffers: DemoOffers = {
  partners: [
    { name: 'EcoCups Industrie', country: 'FR', website: 'https://ecocups.example', description: 'Emballages réutilisables et compostables pour la restauration.' },
    { name: 'FroidVert', country: 'FR', website: 'https://froidvert.example', description: 'Froid commercial sobre en énergie.' },
    { name: 'Capteo', country: 'BE', website: 'https://capteo.example', description: 'Capteurs connectés et logiciels pour le commerce.' },
  ],
  offers: [
    [0, 'Gobelet consigné en polypropylène recyclé', 'Un gobelet solide, lavable 500 fois, avec un système de consigne en boutique.', 'Fabriqué à partir de **polypropylène recyclé**, empilable, compatible lave-vaisselle professionnel.', ['gobelet', 'consigne', 'réemploi'], 'series_production', 9, ['packaging'], 'know_how', ['manufacturing', 'distribution'], 'public'],
    [0, 'Couvercle en fibre moulée sans plastique', 'Un couvercle de gobelet en fibre de bagasse, étanche et sans PFAS.', 'Moulé à chaud à partir de résidus de canne à sucre.', ['couvercle', 'fibre', 'bagasse'], 'pilot_series', 8, ['packaging', 'materials'], 'patented', ['licensing', 'manufacturing'], 'public'],
    [0, 'Paille en coque de riz', 'Une paille rigide qui ne ramollit pas, faite de coques de riz.', 'Tient quatre heures dans une boisson froide.', ['paille', 'riz'], 'industrial_prototype', 6, ['packaging', 'food'], 'patent_pending', ['co_development'], 'partners'],
    [0, 'Emballage compostable pour viennoiseries', 'Des sachets en papier ingraissable, compostables à domicile.', 'Certifiés pour le compostage domestique.', ['sachet', 'compostable', 'viennoiserie'], 'series_production', 9, ['packaging', 'food'], 'know_how', ['distribution'], 'public'],
    [0, 'Station de lavage de gobelets en boutique', 'Une laveuse compacte qui rend un gobelet propre et sec en 90 secondes.', 'Consomme 0,2 litre d’eau par gobelet.', ['lavage', 'gobelet', 'eau'], 'pilot_series', 7, ['manufacturing', 'water'], 'patented', ['co_development', 'investment'], 'team'],
    [0, 'Film barrière à base d’amidon', 'Un film transparent qui remplace le plastique des sandwichs.', 'Barrière à l’humidité comparable au PET.', ['film', 'amidon', 'sandwich'], 'lab_prototype', 4, ['materials', 'packaging'], 'patent_pending', ['licensing'], 'public'],
    [0, 'Bioplastique issu du marc de café', 'Le marc de café des boutiques devient un matériau moulable.', 'Pour des objets promotionnels et des soucoupes.', ['marc', 'café', 'bioplastique'], 'lab_prototype', 3, ['materials'], 'patent_pending', ['co_development', 'investment'], 'public'],
    [1, 'Vitrine réfrigérée au CO2', 'Une vitrine à fluide naturel qui consomme 30 % de moins.', 'Fluide frigorigène CO2, portes vitrées à double vitrage.', ['vitrine', 'froid', 'CO2'], 'series_production', 9, ['energy', 'retail'], 'patented', ['distribution'], 'public'],
    [1, 'Récupération de chaleur des machines à espresso', 'La chaleur perdue des machines chauffe l’eau des éviers.', 'Un échangeur se pose derrière la machine.', ['chaleur', 'espresso', 'récupération'], 'pilot_series', 8, ['energy'], 'patented', ['licensing', 'co_development'], 'public'],
    [1, 'Stockage de froid à changement de phase', 'Des plaques qui gardent le froid pendant les heures pleines.', 'Le froid est produit la nuit, quand l’électricité coûte moins.', ['froid', 'stockage', 'nuit'], 'industrial_prototype', 6, ['energy'], 'patent_pending', ['co_development'], 'partners'],
    [1, 'Pompe à chaleur pour chauffe-eau de boutique', 'Un chauffe-eau trois fois plus sobre qu’une résistance.', 'Se branche à la place d’un ballon électrique.', ['pompe à chaleur', 'eau chaude'], 'series_production', 8, ['energy', 'water'], 'know_how', ['distribution'], 'public'],
    [1, 'Torréfaction électrique à basse consommation', 'Un torréfacteur électrique qui divise l’énergie par deux.', 'Profil de torréfaction piloté par logiciel.', ['torréfaction', 'électrique'], 'industrial_prototype', 5, ['energy', 'food', 'manufacturing'], 'patented', ['licensing'], 'team'],
    [1, 'Micro-réseau solaire pour points de vente', 'Panneaux, batterie et pilotage pour couvrir le froid de jour.', 'Dimensionné pour une boutique de 80 m².', ['solaire', 'batterie', 'boutique'], 'pilot_series', 7, ['energy'], 'know_how', ['co_development', 'investment'], 'public'],
    [2, 'Capteurs de fraîcheur du lait connectés', 'Une alerte avant que le lait ouvert ne tourne.', 'Mesure la température et le temps d’ouverture.', ['lait', 'capteur', 'fraîcheur'], 'series_production', 9, ['digital', 'food'], 'patented', ['distribution'], 'public'],
    [2, 'Mesure anonyme de la file d’attente', 'Le temps d’attente estimé sans filmer les visages.', 'Capteur de profondeur, aucune image stockée.', ['file', 'attente', 'anonyme'], 'pilot_series', 8, ['digital', 'retail'], 'know_how', ['licensing'], 'public'],
    [2, 'Prévision des ventes de viennoiseries', 'Savoir combien cuire chaque matin, boutique par boutique.', 'Apprend de la météo, du calendrier et des ventes passées.', ['prévision', 'gaspillage', 'viennoiserie'], 'industrial_prototype', 6, ['digital', 'food'], 'know_how', ['co_development'], 'partners'],
    [2, 'Étiquettes électroniques de prix', 'Des prix changés depuis le siège en une minute.', 'Écran à encre électronique, pile de sept ans.', ['étiquette', 'prix'], 'series_production', 9, ['retail', 'digital'], 'open', ['distribution'], 'public'],
    [2, 'Détection de fuites d’eau sous comptoir', 'Un capteur qui coupe l’arrivée d’eau en cas de fuite.', 'Vanne motorisée et alerte sur téléphone.', ['fuite', 'eau', 'capteur'], 'pilot_series', 7, ['water', 'digital'], 'patent_pending', ['manufacturing'], 'public'],
    [2, 'Moulin à café à dosage par pesée', 'Chaque dose pesée au dixième de gramme.', 'Réduit le café jeté et régularise le goût.', ['moulin', 'dosage', 'café'], 'industrial_prototype', 7, ['food', 'digital'], 'patented', ['licensing', 'co_development'], 'public'],
    [2, 'Borne de commande vocale accessible', 'Commander à la voix, pour les clients malvoyants.', 'Fonctionne hors ligne, en français et en anglais.', ['voix', 'accessibilité', 'commande'], 'concept', 2, ['digital', 'retail', 'health'], 'open', ['co_development', 'investment'], 'team'],
  ],
  requests: [
    { title: 'Des gobelets réutilisables dans toutes nos boutiques', need: 'Nous cherchons un gobelet réutilisable avec consigne et une solution de lavage en boutique, prête pour 400 points de vente.', maturities: ['pilot_series', 'series_production'], trlMin: 7, trlMax: 9, sectors: ['packaging'], partnerships: ['manufacturing', 'distribution'] },
    { title: 'Réduire la consommation de nos vitrines réfrigérées', need: 'Nos vitrines de froid représentent 40 % de l’électricité des boutiques. Nous voulons diviser cette consommation.', maturities: ['series_production'], trlMin: 6, trlMax: 9, sectors: ['energy', 'retail'], partnerships: ['licensing', 'distribution'] },
    { title: 'Anticiper les ventes pour moins gaspiller', need: 'Prévoir les ventes de viennoiseries et de sandwichs par boutique pour réduire le gaspillage alimentaire.', maturities: [], trlMin: 5, trlMax: 9, sectors: ['digital', 'food'], partnerships: ['co_development'] },
  ],
};
