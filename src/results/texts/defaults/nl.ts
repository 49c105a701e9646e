/**
 * The built-in Dutch texts (B1) of every product section, with live numbers. They use only cells the
 * built-in indicators publish for all office holders, by gender, or in the product's own group (a
 * factsheet's scope), and changes with `since=previous`, so every demo wave renders them.
 */
import type { ProductKind } from '../../publications/product.js';

const ervaringen = `Van alle politieke ambtsdragers kreeg {{value agr_any_12m}} in de afgelopen 12 maanden te maken met agressie of intimidatie van mensen van buiten de eigen organisatie, zoals inwoners of ondernemers. Dat percentage is {{change agr_any_12m since=previous}}.

Meestal gaat het om verbale agressie: schelden, beledigen of vernederen ({{value agr_verbal_12m}}). Daarnaast werd {{value agr_threat_12m}} bedreigd, {{value agr_intimidation_12m}} geïntimideerd en {{value agr_physical_12m}} aangevallen.

Bij vrouwen is het percentage {{value agr_any_12m gender=vrouw}}, bij mannen {{value agr_any_12m gender=man}}.`;

const gevolgen = `### Persoonlijke gevolgen

Van de politieke ambtsdragers die iets meemaakten, had {{value agr_consequence_any}} last van wat er gebeurde.

### Gevolgen voor het werk

{{value agr_decisions_influenced}} van alle politieke ambtsdragers zegt dat de kans op agressie de eigen beslissingen beïnvloedt. {{value agr_considered_quitting}} heeft wel eens overwogen om te stoppen vanwege agressie.`;

const aangifte = `Van wie iets meemaakte, heeft {{value agr_discussed}} over het laatste voorval gepraat. {{value agr_reported_org_any}} meldde een voorval bij de eigen organisatie of de organisatie legde het vast. {{value agr_aangifte_any}} deed aangifte bij de politie. {{value agr_aftercare_need}} had behoefte aan nazorg.`;

const aanpak = `Gemeenten, provincies en waterschappen besteden op verschillende manieren aandacht aan agressie en integriteit. De enquête onder secretarissen en griffiers laat zien welk beleid organisaties hebben. In de brief aan elke deelnemende organisatie staan haar eigen antwoorden naast die van vergelijkbare organisaties.`;

const perceptie = `{{value int_obs_any}} van de politieke ambtsdragers zag of vermoedde bij collega's een vorm van niet-integer gedrag. {{value int_obs_belangen_any}} zag of vermoedde belangenverstrengeling.

{{value int_aware_codes}} kent de integriteitsregels en de gedragscode van de eigen organisatie. {{value int_colleagues_conscious}} vindt dat collega's bewust omgaan met integriteit.`;

const praktijk = `In de praktijk is niet altijd vooraf duidelijk wat de juiste manier van handelen is. Het helpt om dit *grijze gebied* bespreekbaar te maken, bijvoorbeeld in dilemmatrainingen.

{{value int_obs_meestemmen_belang}} van de politieke ambtsdragers zag of vermoedde dat een collega meestemde over een zaak waarbij hij of zij een persoonlijk belang had.`;

const methode = `De monitor bestaat uit een enquête onder alle politieke ambtsdragers van gemeenten, provincies en waterschappen, en een enquête onder secretarissen en griffiers over het beleid van hun organisatie. {{n agr_any_12m}} politieke ambtsdragers beantwoordden de vragen over agressie en intimidatie.

De antwoorden zijn gewogen naar bestuurslaag, functie, geslacht en provincie, zodat ze een goed beeld geven van alle politieke ambtsdragers. Bij elk percentage hoort een betrouwbaarheidsinterval van 95%. Een verschil noemen we alleen *gestegen* of *gedaald* als de toets het na correctie voor meervoudig toetsen (Holm) bevestigt. Cijfers over te kleine groepen publiceren we niet.`;

export const textsNl: Record<ProductKind, Record<string, string>> = {
  summary: {
    doel: `De Monitor Integriteit en Veiligheid laat zien in welke mate politieke ambtsdragers bij gemeenten, provincies en waterschappen te maken krijgen met agressie en geweld, en hoe hun organisaties daarmee omgaan. Ook geeft de monitor inzicht in het integriteitsbewustzijn van politieke ambtsdragers en het integriteitsbeleid van decentrale overheden.`,
    uitvoering: `Deze meting bestond uit:

- een enquête onder politieke ambtsdragers: {{n agr_any_12m}} van hen beantwoordden de vragen over agressie en intimidatie;
- een enquête onder secretarissen en griffiers over het beleid om agressie en geweld te voorkomen en integriteit te bevorderen.`,
    ervaringen,
    gevolgen,
    'aangifte-registratie': aangifte,
    'aanpak-beleid': aanpak,
    'perceptie-integriteit': perceptie,
    'integriteit-praktijk': praktijk,
  },
  'report-safety': {
    inleiding: `Dit is het deel Veiligheid van de Monitor Integriteit en Veiligheid. Het gaat over agressie en intimidatie tegen politieke ambtsdragers, de gevolgen daarvan, melding en aangifte, en het beleid van hun organisaties.`,
    methode,
    ervaringen,
    gevolgen,
    'aangifte-registratie': aangifte,
    'aanpak-beleid': aanpak,
    conclusies: `Agressie en intimidatie blijven een groot probleem: {{value agr_any_12m}} van de politieke ambtsdragers maakte het mee. Het percentage is {{change agr_any_12m since=previous}}.`,
  },
  'report-integrity': {
    inleiding: `Dit is het deel Integriteit van de Monitor Integriteit en Veiligheid. Het gaat over hoe politieke ambtsdragers de integriteit van hun collega's zien, wat zij weten van regels en gedragscodes, en over het integriteitsbeleid van hun organisaties.`,
    methode,
    'perceptie-integriteit': perceptie,
    'integriteit-praktijk': praktijk,
    'aanpak-beleid': aanpak,
    conclusies: `De meeste politieke ambtsdragers kennen de regels ({{value int_aware_codes}}). Toch zag of vermoedde {{value int_obs_belangen_any}} belangenverstrengeling bij collega's.`,
  },
  factsheet: {
    inleiding: `Deze factsheet geeft de belangrijkste uitkomsten van de Monitor Integriteit en Veiligheid voor deze groep. Ter vergelijking staat steeds het cijfer van alle politieke ambtsdragers erbij.`,
    kernpunten: `- {{value agr_any_12m}} kreeg in de afgelopen 12 maanden te maken met agressie of intimidatie (alle politieke ambtsdragers: {{value agr_any_12m all}}).
- {{value agr_verbal_12m}} werd uitgescholden, beledigd of vernederd (alle: {{value agr_verbal_12m all}}).
- {{value agr_considered_quitting}} overwoog te stoppen vanwege agressie (alle: {{value agr_considered_quitting all}}).
- {{value int_obs_any}} zag of vermoedde niet-integer gedrag bij collega's (alle: {{value int_obs_any all}}).`,
  },
  letter: {
    aanhef: `Hartelijk dank dat uw organisatie heeft meegedaan aan de Monitor Integriteit en Veiligheid. Met uw antwoorden kunnen we laten zien hoe het gaat met de veiligheid en integriteit van politieke ambtsdragers, en wat organisaties daaraan doen.`,
    kernpunten: `- {{value agr_any_12m all}} van alle politieke ambtsdragers kreeg in de afgelopen 12 maanden te maken met agressie of intimidatie. Dat percentage is {{change agr_any_12m all since=previous}}.
- {{value agr_considered_quitting all}} overwoog te stoppen vanwege agressie.
- {{value int_obs_belangen_any all}} zag of vermoedde belangenverstrengeling bij collega's.`,
    'eigen-organisatie': `Hieronder staan de antwoorden van uw organisatie naast die van vergelijkbare organisaties: van dezelfde bestuurslaag en dezelfde grootte. Uw eigen antwoord telt mee in de vergelijking.`,
    slot: `Wilt u meer weten? Het volledige rapport en de factsheets staan op de website van het ministerie van BZK. Nogmaals dank voor uw medewerking.`,
  },
  annex: {
    inleiding: `Deze bijlage bij de Kamerbrief geeft de belangrijkste uitkomsten van de Monitor Integriteit en Veiligheid in één tabel. Een verandering heet alleen *gestegen* of *gedaald* als de toets het na correctie voor meervoudig toetsen (Holm) bevestigt. Een vergelijking met een eerder gepubliceerd cijfer is niet getoetst, omdat van dat cijfer geen standaardfout bekend is.`,
  },
};
