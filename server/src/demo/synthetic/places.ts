/**
 * Where customers are: French towns (with the first digit of their landlines), streets and second
 * address lines, and the foreign towns and streets of the other countries.
 */

export type Address = { lines: string[]; postcode: string | null; city: string | null; country: string | null };
type City = { postcode: string; city: string; region: 1 | 2 | 3 | 4 | 5 };

export const FR_CITIES: City[] = [
  ["75008", "Paris", 1],
  ["75011", "Paris", 1],
  ["75015", "Paris", 1],
  ["92100", "Boulogne-Billancourt", 1],
  ["93100", "Montreuil", 1],
  ["94300", "Vincennes", 1],
  ["78000", "Versailles", 1],
  ["45000", "Orléans", 2],
  ["37000", "Tours", 2],
  ["44000", "Nantes", 2],
  ["35000", "Rennes", 2],
  ["29200", "Brest", 2],
  ["14000", "Caen", 2],
  ["76000", "Rouen", 2],
  ["49000", "Angers", 2],
  ["72000", "Le Mans", 2],
  ["56100", "Lorient", 2],
  ["22000", "Saint-Brieuc", 2],
  ["59000", "Lille", 3],
  ["67000", "Strasbourg", 3],
  ["51100", "Reims", 3],
  ["80000", "Amiens", 3],
  ["25000", "Besançon", 3],
  ["57000", "Metz", 3],
  ["54000", "Nancy", 3],
  ["21000", "Dijon", 3],
  ["69002", "Lyon", 4],
  ["69003", "Lyon", 4],
  ["13001", "Marseille", 4],
  ["13100", "Aix-en-Provence", 4],
  ["06000", "Nice", 4],
  ["38000", "Grenoble", 4],
  ["74000", "Annecy", 4],
  ["73000", "Chambéry", 4],
  ["34000", "Montpellier", 4],
  ["30000", "Nîmes", 4],
  ["84000", "Avignon", 4],
  ["63000", "Clermont-Ferrand", 4],
  ["31000", "Toulouse", 5],
  ["33000", "Bordeaux", 5],
  ["64000", "Pau", 5],
  ["66000", "Perpignan", 5],
  ["87000", "Limoges", 5],
  ["86000", "Poitiers", 5],
  ["17000", "La Rochelle", 5],
  ["40100", "Dax", 5],
  ["19100", "Brive-la-Gaillarde", 5],
].map(([postcode, city, region]) => ({ postcode, city, region }) as City);

export const FR_STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "boulevard Voltaire",
  "rue Victor Hugo",
  "place du Général de Gaulle",
  "rue des Écoles",
  "chemin des Vignes",
  "allée des Tilleuls",
  "rue de l'Église",
  "quai de la Fosse",
  "impasse des Mûriers",
  "route de Lyon",
  "rue du Faubourg Saint-Honoré",
  "cours Mirabeau",
  "rue Émile Zola",
];
export const FR_LINE2 = [
  "Bâtiment B",
  "ZI des Marches",
  "Parc d'activités du Moulin",
  "3e étage",
  "BP 42",
  "Zone Artisanale",
];

export type Foreign = { country: string; places: Array<[postcode: string, city: string]>; streets: string[] };
export const FOREIGN_PLACES: Record<string, Foreign> = {
  GB: {
    country: "GB",
    places: [
      ["EC1A 1BB", "London"],
      ["SW1A 2AA", "London"],
      ["M1 1AE", "Manchester"],
      ["B1 1BB", "Birmingham"],
      ["EH1 1YZ", "Edinburgh"],
      ["BS1 4DJ", "Bristol"],
    ],
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Baker Street"],
  },
  US: {
    country: "US",
    places: [
      ["94105", "San Francisco"],
      ["10001", "New York"],
      ["60601", "Chicago"],
      ["02108", "Boston"],
      ["98101", "Seattle"],
      ["78701", "Austin"],
    ],
    streets: ["Market Street", "Main Street", "Broadway", "Madison Avenue", "Pine Street", "Congress Avenue"],
  },
  DE: {
    country: "DE",
    places: [
      ["10117", "Berlin"],
      ["80331", "München"],
      ["20095", "Hamburg"],
      ["50667", "Köln"],
      ["60311", "Frankfurt am Main"],
    ],
    streets: ["Friedrichstraße", "Hauptstraße", "Schillerstraße", "Bahnhofstraße", "Königsallee"],
  },
  ES: {
    country: "ES",
    places: [
      ["28013", "Madrid"],
      ["08002", "Barcelona"],
      ["46001", "Valencia"],
      ["41001", "Sevilla"],
    ],
    streets: ["Calle Mayor", "Gran Vía", "Calle de Alcalá", "Paseo de Gracia"],
  },
  IT: {
    country: "IT",
    places: [
      ["00184", "Roma"],
      ["20121", "Milano"],
      ["10121", "Torino"],
      ["50122", "Firenze"],
    ],
    streets: ["Via Roma", "Corso Italia", "Via Garibaldi", "Piazza della Repubblica"],
  },
  BE: {
    country: "BE",
    places: [
      ["1000", "Bruxelles"],
      ["4000", "Liège"],
      ["2000", "Antwerpen"],
    ],
    streets: ["Rue Neuve", "Avenue Louise", "Chaussée de Wavre", "Meir"],
  },
  CH: {
    country: "CH",
    places: [
      ["1201", "Genève"],
      ["8001", "Zürich"],
      ["1003", "Lausanne"],
    ],
    streets: ["Rue du Rhône", "Bahnhofstrasse", "Avenue de la Gare", "Rue de Bourg"],
  },
};
