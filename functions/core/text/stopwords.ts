/**
 * Words too common to search for or to be a theme, in French and English, already folded (lower case, no
 * accents) because terms are compared folded. Elided forms (l', d', qu') split into a letter
 * or a word listed here.
 */
const ENGLISH =
  'a about above after again against all also am an and any are aren as at be because been before being below between both but by ' +
  'can cannot could couldn did didn do does doesn doing don down during each etc even ever every few for from further get gets got had hadn has hasn have ' +
  'haven having he her here hers herself him himself his how however i if in into is isn it its itself just less let like ll made make many may me might ' +
  'more most much must mustn my myself need needs no nor not now of off often on once one only or other others our ours ourselves out over own per please ' +
  're really same shall shan she should shouldn since so some such than thank thanks that the their theirs them themselves then there these they this ' +
  'those through to too under until up upon us use used using ve very via want was wasn way we well were weren what when where whether which while who ' +
  'whom why will with within without won would wouldn yes yet you your yours yourself yourselves';

const FRENCH =
  'afin ai aie aient aies ainsi ait alors as assez au aucun aucune aupres aussi autre autres aux avaient avais avait avant avec avez aviez avoir avons ' +
  'beaucoup bien car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment contre dans de depuis des deja doit donc dont ' +
  'du elle elles en encore entre es est et etaient etais etait etant ete etes etre eu eux faire fait faut fois font ici il ils je jusqu la laquelle le lequel ' +
  'les lesquels leur leurs lors lorsque lui ma mais me meme memes merci mes moi moins mon ne ni non nos notre nous on ont or ou par parce pas peu peut peuvent ' +
  'plupart plus pour pourquoi pourrait puis qu quand que quel quelle quelles quels qui quoi sa sans se selon ses si sien soit sommes son sont sous souvent ' +
  'suis sur ta tandis te tel telle tes toi ton tous tout toute toutes tres tu un une vers via voici voila vont vos votre vous';

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${FRENCH}`.split(/\s+/));
