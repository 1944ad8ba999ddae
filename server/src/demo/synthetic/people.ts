/**
 * People's names by language, with the part of each that goes into a mail address, and the steps
 * that walk the surnames of a list for company names and for colleagues.
 */
import { coprimeNear } from "./random.ts";
import { mailPart } from "./text.ts";

type Gender = "f" | "m";
export type Person = { text: string; mail: string; gender: Gender };
export type Surname = { text: string; mail: string };

const people = (list: string, gender: Gender): Person[] =>
  list.split(",").map((text) => ({ text, mail: mailPart(text), gender }));
const surnames = (list: string): Surname[] => {
  const seen = new Set<string>();
  return list
    .split(",")
    .map((text) => ({ text, mail: mailPart(text) }))
    .filter((s) => !seen.has(s.mail) && seen.add(s.mail));
};

export type NameSet = "fr" | "en" | "de" | "es" | "it";
export const FIRST_NAMES: Record<NameSet, Person[]> = {
  fr: [
    ...people(
      "Hélène,Françoise,Amélie,Cécile,Gaëlle,Noémie,Anaïs,Zoé,Léa,Chloé,Émilie,Thérèse,Aurélie,Valérie,Agnès,Marie,Sophie,Isabelle,Camille,Nathalie,Sandrine,Céline,Caroline,Marion,Pauline,Claire,Élodie,Manon,Inès,Solène,Marie-Claire,Anne-Sophie,Aïssatou,Fatou,Leïla,Yasmine,Małgorzata,Siobhán,Björk,Maëlys",
      "f",
    ),
    ...people(
      "Jérôme,Stéphane,Benoît,Frédéric,Loïc,Maël,Éric,Sébastien,Joël,Clément,Raphaël,Grégoire,Jean,Pierre,Nicolas,Julien,Thomas,Laurent,Philippe,David,Olivier,Antoine,Vincent,Guillaume,Mathieu,Hugo,Yann,François,Jean-Luc,Jean-François,Moussa,Mamadou,Karim,Mehdi,Samir,Łukasz,Jürgen,Søren,José,Noël",
      "m",
    ),
  ],
  en: [
    ...people("Emily,Charlotte,Sarah,Emma,Olivia,Aoife,Siobhán,Chloë,Renée,Grace,Hannah,Zoë,Priya,Amelia", "f"),
    ...people("James,Oliver,Michael,Daniel,William,Patrick,Liam,Seán,Noah,Harry,George,Rajesh,Connor,Ethan", "m"),
  ],
  de: [
    ...people("Anna,Katharina,Sabine,Lena,Ursula,Müge,Jana", "f"),
    ...people("Lukas,Matthias,Jürgen,Jörg,Uwe,Björn,Stefan,Florian,Tobias", "m"),
  ],
  es: [...people("María,Lucía,Carmen,Núria,Inés,Begoña", "f"), ...people("Javier,José,Ángel,Íñigo,Sergio,Álvaro", "m")],
  it: [...people("Giulia,Chiara,Francesca,Sofia", "f"), ...people("Marco,Luca,Niccolò,Andrea,Matteo", "m")],
};

export const LAST_NAMES: Record<NameSet, Surname[]> = {
  fr: surnames(
    "Lefèvre,Dupré,Gérard,Rousseau,Lemaître,Bénard,Faure,Mercier,Chevalier,Boucher,Girard,Bonnet,François,Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Michel,Garcia,Bertrand,Roux,Vincent,Fournier,Morel,André,Lévêque,Mathieu,Clément,Gauthier,Perrin,Robin,Masson,Henry,Roussel,Lemoine,Gaillard,Barbier,Arnaud,Brun,Blanc,Guérin,Boyer,Garnier,Rivière,Lucas,Joly,Roche,Noël,Meyer,Lacroix,Caron,Le Gall,Le Goff,Le Roux,Kerdraon,Hervé,Ménard,Collet,Fabre,Aubert,Da Silva,Dos Santos,Pereira,Nguyen,Tran,Diallo,Traoré,N'Diaye,Benali,Haddad,Cohen,Lévy,Schmitt,Müller,O'Brien,Kowalski,Wiśniewski,D'Angelo,Bouvier,Carré,Lebœuf,Delacroix,Châtelain,Prévost,Bréhaut,Féron,Thébault,Sénéchal,Œuvray",
  ),
  en: surnames(
    "Smith,Jones,Williams,Taylor,Brown,Davies,Evans,Wilson,O'Brien,McAllister,MacDonald,O'Connor,Harrington,Whitfield,Ashworth,Patel,Khan,Murphy,Kelly,Walsh,Thompson,Robinson,Clarke,Hughes,Fitzgerald,Nakamura,Johnson,Miller,Anderson,Garcia,Rodriguez,Nguyen",
  ),
  de: surnames(
    "Müller,Schmidt,Schneider,Fischer,Weiß,Schäfer,Becker,Hoffmann,Köhler,Krüger,Wagner,Bauer,Zimmermann,Lehmann,Groß,Jäger",
  ),
  es: surnames("Martínez,Fernández,Núñez,González,Rodríguez,López,Sánchez,Pérez,Gómez,Jiménez,Muñoz,Ibáñez"),
  it: surnames("Rossi,Bianchi,Esposito,Ricci,Galli,Romano,Colombo,Bruno,Greco,Conti,De Luca,Mancini"),
};

/** Steps that visit every surname of a list: for companies (spread out) and colleagues (distinct). */
export const COMPANY_STEP = Object.fromEntries(
  Object.entries(LAST_NAMES).map(([set, list]) => [set, coprimeNear(list.length, list.length * 0.618)]),
) as Record<NameSet, number>;
export const COLLEAGUE_STEP = Object.fromEntries(
  Object.entries(LAST_NAMES).map(([set, list]) => [set, coprimeNear(list.length, 11)]),
) as Record<NameSet, number>;
