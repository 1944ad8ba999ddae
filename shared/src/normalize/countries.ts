import { joinDottedInitials } from "./initials.ts";
import { nameKey } from "./names.ts";

/**
 * Countries people type in CRM files: ISO 3166-1 alpha-2 code, French name (printed on French
 * mail), then English and native names, alpha-3 code and usual variants.
 */
const COUNTRIES: readonly (readonly [string, string, ...string[]])[] = [
  ["FR", "France", "FRA", "République française", "French Republic"],
  ["BE", "Belgique", "Belgium", "België", "Belgien", "BEL"],
  ["CH", "Suisse", "Switzerland", "Schweiz", "Svizzera", "Confédération suisse", "CHE"],
  ["LU", "Luxembourg", "Luxemburg", "Lëtzebuerg", "LUX"],
  ["MC", "Monaco", "Principauté de Monaco", "MCO"],
  ["DE", "Allemagne", "Germany", "Deutschland", "DEU", "RFA"],
  ["AT", "Autriche", "Austria", "Österreich", "AUT"],
  ["IT", "Italie", "Italy", "Italia", "ITA"],
  ["ES", "Espagne", "Spain", "España", "ESP"],
  ["PT", "Portugal", "PRT"],
  ["NL", "Pays-Bas", "Netherlands", "Nederland", "Holland", "Hollande", "NLD"],
  [
    "GB",
    "Royaume-Uni",
    "United Kingdom",
    "UK",
    "Great Britain",
    "Grande-Bretagne",
    "Britain",
    "England",
    "Angleterre",
    "Scotland",
    "Écosse",
    "Wales",
    "Pays de Galles",
    "Northern Ireland",
    "Irlande du Nord",
    "GBR",
  ],
  ["IE", "Irlande", "Ireland", "Éire", "Republic of Ireland", "IRL"],
  [
    "US",
    "États-Unis",
    "United States",
    "United States of America",
    "USA",
    "America",
    "Amérique",
    "Etats-Unis d'Amérique",
  ],
  ["CA", "Canada", "CAN"],
  ["AU", "Australie", "Australia", "AUS"],
  ["NZ", "Nouvelle-Zélande", "New Zealand", "NZL"],
  ["DK", "Danemark", "Denmark", "Danmark", "DNK"],
  ["NO", "Norvège", "Norway", "Norge", "NOR"],
  ["SE", "Suède", "Sweden", "Sverige", "SWE"],
  ["FI", "Finlande", "Finland", "Suomi", "FIN"],
  ["IS", "Islande", "Iceland", "Ísland", "ISL"],
  ["PL", "Pologne", "Poland", "Polska", "POL"],
  ["CZ", "Tchéquie", "République tchèque", "Czech Republic", "Czechia", "Česko", "CZE"],
  ["SK", "Slovaquie", "Slovakia", "Slovensko", "SVK"],
  ["HU", "Hongrie", "Hungary", "Magyarország", "HUN"],
  ["RO", "Roumanie", "Romania", "România", "ROU"],
  ["BG", "Bulgarie", "Bulgaria", "BGR"],
  ["GR", "Grèce", "Greece", "Hellas", "Ελλάδα", "GRC"],
  ["HR", "Croatie", "Croatia", "Hrvatska", "HRV"],
  ["SI", "Slovénie", "Slovenia", "Slovenija", "SVN"],
  ["RS", "Serbie", "Serbia", "Srbija", "SRB"],
  ["BA", "Bosnie-Herzégovine", "Bosnia and Herzegovina", "Bosnia", "BIH"],
  ["ME", "Monténégro", "Montenegro", "MNE"],
  ["MK", "Macédoine du Nord", "North Macedonia", "Macedonia", "Macédoine", "MKD"],
  ["AL", "Albanie", "Albania", "ALB"],
  ["EE", "Estonie", "Estonia", "Eesti", "EST"],
  ["LV", "Lettonie", "Latvia", "Latvija", "LVA"],
  ["LT", "Lituanie", "Lithuania", "Lietuva", "LTU"],
  ["UA", "Ukraine", "UKR"],
  ["BY", "Biélorussie", "Belarus", "BLR"],
  ["MD", "Moldavie", "Moldova", "MDA"],
  ["RU", "Russie", "Russia", "Russian Federation", "Fédération de Russie", "RUS"],
  ["TR", "Turquie", "Turkey", "Türkiye", "TUR"],
  ["CY", "Chypre", "Cyprus", "CYP"],
  ["MT", "Malte", "Malta", "MLT"],
  ["AD", "Andorre", "Andorra", "AND"],
  ["LI", "Liechtenstein", "LIE"],
  ["SM", "Saint-Marin", "San Marino", "SMR"],
  ["VA", "Vatican", "Vatican City", "Holy See", "Saint-Siège", "VAT"],
  ["MA", "Maroc", "Morocco", "MAR"],
  ["DZ", "Algérie", "Algeria", "DZA"],
  ["TN", "Tunisie", "Tunisia", "TUN"],
  ["EG", "Égypte", "Egypt", "EGY"],
  ["SN", "Sénégal", "Senegal", "SEN"],
  ["CI", "Côte d'Ivoire", "Ivory Coast", "CIV"],
  ["CM", "Cameroun", "Cameroon", "CMR"],
  ["ML", "Mali", "MLI"],
  ["BF", "Burkina Faso", "BFA"],
  ["NE", "Niger", "NER"],
  ["TD", "Tchad", "Chad", "TCD"],
  ["GA", "Gabon", "GAB"],
  ["GN", "Guinée", "Guinea", "GIN"],
  ["BJ", "Bénin", "Benin", "BEN"],
  ["TG", "Togo", "TGO"],
  ["CG", "Congo", "République du Congo", "Republic of the Congo", "Congo-Brazzaville", "COG"],
  ["CD", "République démocratique du Congo", "Democratic Republic of the Congo", "RDC", "DRC", "Congo-Kinshasa", "COD"],
  ["MG", "Madagascar", "MDG"],
  ["MU", "Maurice", "Mauritius", "Île Maurice", "MUS"],
  ["ZA", "Afrique du Sud", "South Africa", "ZAF"],
  ["NG", "Nigeria", "NGA"],
  ["KE", "Kenya", "KEN"],
  ["ET", "Éthiopie", "Ethiopia", "ETH"],
  ["IL", "Israël", "Israel", "ISR"],
  ["LB", "Liban", "Lebanon", "LBN"],
  ["SA", "Arabie saoudite", "Saudi Arabia", "SAU"],
  ["AE", "Émirats arabes unis", "United Arab Emirates", "UAE", "EAU", "ARE"],
  ["QA", "Qatar", "QAT"],
  ["IN", "Inde", "India", "IND"],
  ["CN", "Chine", "China", "People's Republic of China", "CHN"],
  ["JP", "Japon", "Japan", "Nippon", "JPN"],
  ["KR", "Corée du Sud", "South Korea", "Korea", "Republic of Korea", "KOR"],
  ["SG", "Singapour", "Singapore", "SGP"],
  ["HK", "Hong Kong", "HKG"],
  ["TW", "Taïwan", "Taiwan", "TWN"],
  ["TH", "Thaïlande", "Thailand", "THA"],
  ["VN", "Viêt Nam", "Vietnam", "VNM"],
  ["ID", "Indonésie", "Indonesia", "IDN"],
  ["MY", "Malaisie", "Malaysia", "MYS"],
  ["PH", "Philippines", "PHL"],
  ["MX", "Mexique", "Mexico", "México", "MEX"],
  ["BR", "Brésil", "Brazil", "Brasil", "BRA"],
  ["AR", "Argentine", "Argentina", "ARG"],
  ["CL", "Chili", "Chile", "CHL"],
  ["CO", "Colombie", "Colombia", "COL"],
  ["PE", "Pérou", "Peru", "PER"],
  ["UY", "Uruguay", "URY"],
  ["VE", "Venezuela", "VEN"],
  ["CU", "Cuba", "CUB"],
  ["HT", "Haïti", "Haiti", "HTI"],
  ["GP", "Guadeloupe", "GLP"],
  ["MQ", "Martinique", "MTQ"],
  ["GF", "Guyane", "French Guiana", "Guyane française", "GUF"],
  ["RE", "La Réunion", "Réunion", "REU"],
  ["YT", "Mayotte", "MYT"],
  ["NC", "Nouvelle-Calédonie", "New Caledonia", "NCL"],
  ["PF", "Polynésie française", "French Polynesia", "PYF"],
  ["PM", "Saint-Pierre-et-Miquelon", "Saint Pierre and Miquelon", "SPM"],
];

/** Every ISO 3166-1 alpha-2 code, so that a code typed alone is recognised even without a name above. */
const ISO_CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
    "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
    "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
    "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
    "YT ZA ZM ZW"
  ).split(" "),
);

/**
 * Folded, punctuation and a leading article gone, words run together: "L'Allemagne", "the
 * Netherlands", "U.S.A.", and "Cote d Ivoire" as well as "Côte d'Ivoire".
 */
function countryKey(text: string): string {
  return nameKey(joinDottedInitials(text.replace(/^\s*l['’]\s*/i, "")))
    .replace(/^(?:the|la|le|les) /, "")
    .replaceAll(" ", "");
}

const BY_KEY: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([code, ...names]) => names.map((name): [string, string] => [countryKey(name), code])),
);
const FRENCH_NAMES: ReadonlyMap<string, string> = new Map(COUNTRIES.map(([code, french]) => [code, french]));

/**
 * The ISO 3166-1 alpha-2 code of a country typed as a name in French or English (or its own
 * language), an alpha-3 code or an alpha-2 code; null when it is none of these.
 *
 * @example countryCode("Royaume-Uni") // "GB"
 */
export function countryCode(text: string): string | null {
  const key = countryKey(text);
  const code = key.toUpperCase();
  return BY_KEY.get(key) ?? (ISO_CODES.has(code) ? code : null);
}

/**
 * The French name of a country from its alpha-2 code, as printed on mail sent from France;
 * null for a code outside the table.
 *
 * @example countryNameFr("DE") // "Allemagne"
 */
export function countryNameFr(code: string): string | null {
  return FRENCH_NAMES.get(code.trim().toUpperCase()) ?? null;
}
