/** The built-in English texts of every product section (see nl.ts; the same placeholders). */
import type { ProductKind } from '../../publications/product.js';

const experiences = `Of all political office holders, {{value agr_any_12m}} faced aggression or intimidation from people outside their own organisation, such as residents or entrepreneurs, in the past 12 months. That percentage has {{change agr_any_12m since=previous}}.

Most of it is verbal aggression: abuse, insults or humiliation ({{value agr_verbal_12m}}). In addition, {{value agr_threat_12m}} were threatened, {{value agr_intimidation_12m}} intimidated and {{value agr_physical_12m}} physically attacked.

Among women the percentage is {{value agr_any_12m gender=vrouw}}, among men {{value agr_any_12m gender=man}}.`;

const consequences = `### Personal consequences

Of the office holders who experienced something, {{value agr_consequence_any}} were affected by what happened.

### Consequences for their work

{{value agr_decisions_influenced}} of all office holders say that the risk of aggression influences their own decisions. {{value agr_considered_quitting}} have considered quitting because of aggression.`;

const reporting = `Of those who experienced something, {{value agr_discussed}} talked about the most recent incident. {{value agr_reported_org_any}} reported an incident to their own organisation or had it recorded there. {{value agr_aangifte_any}} filed a police report. {{value agr_aftercare_need}} needed aftercare.`;

const policy = `Municipalities, provinces and water authorities pay attention to aggression and integrity in different ways. The survey of secretaries and clerks shows which policies organisations have. The letter to each participating organisation shows its own answers next to those of comparable organisations.`;

const perception = `{{value int_obs_any}} of political office holders saw or suspected some form of integrity violation among colleagues. {{value int_obs_belangen_any}} saw or suspected a conflict of interest.

{{value int_aware_codes}} know the integrity rules and the code of conduct of their own organisation. {{value int_colleagues_conscious}} think their colleagues are conscious of integrity.`;

const practice = `In practice it is not always clear beforehand what the right course of action is. Discussing this *grey area* helps, for example in dilemma training.

{{value int_obs_meestemmen_belang}} of office holders saw or suspected that a colleague voted on a matter in which he or she had a personal interest.`;

const method = `The monitor consists of a survey of all political office holders of municipalities, provinces and water authorities, and a survey of secretaries and clerks about their organisation's policies. {{n agr_any_12m}} office holders answered the questions on aggression and intimidation.

The answers are weighted by layer of government, role, gender and province, so that they represent all political office holders. Every percentage has a 95% confidence interval. We only call a change *risen* or *fallen* when the test confirms it after correction for multiple testing (Holm). Figures about groups that are too small are not published.`;

export const textsEn: Record<ProductKind, Record<string, string>> = {
  summary: {
    doel: `The Integrity and Safety Monitor shows to what extent political office holders of municipalities, provinces and water authorities face aggression and violence, and how their organisations deal with it. It also shows the integrity awareness of office holders and the integrity policies of decentral governments.`,
    uitvoering: `This wave consisted of:

- a survey of political office holders: {{n agr_any_12m}} of them answered the questions on aggression and intimidation;
- a survey of secretaries and clerks about policies to prevent aggression and violence and to promote integrity.`,
    ervaringen: experiences,
    gevolgen: consequences,
    'aangifte-registratie': reporting,
    'aanpak-beleid': policy,
    'perceptie-integriteit': perception,
    'integriteit-praktijk': practice,
  },
  'report-safety': {
    inleiding: `This is the Safety part of the Integrity and Safety Monitor. It covers aggression and intimidation against political office holders, its consequences, reporting, and the policies of their organisations.`,
    methode: method,
    ervaringen: experiences,
    gevolgen: consequences,
    'aangifte-registratie': reporting,
    'aanpak-beleid': policy,
    conclusies: `Aggression and intimidation remain a serious problem: {{value agr_any_12m}} of political office holders experienced it. The percentage has {{change agr_any_12m since=previous}}.`,
  },
  'report-integrity': {
    inleiding: `This is the Integrity part of the Integrity and Safety Monitor. It covers how office holders see the integrity of their colleagues, what they know of rules and codes of conduct, and the integrity policies of their organisations.`,
    methode: method,
    'perceptie-integriteit': perception,
    'integriteit-praktijk': practice,
    'aanpak-beleid': policy,
    conclusies: `Most office holders know the rules ({{value int_aware_codes}}). Still, {{value int_obs_belangen_any}} saw or suspected a conflict of interest among colleagues.`,
  },
  factsheet: {
    inleiding: `This factsheet gives the main results of the Integrity and Safety Monitor for this group. For comparison, the figure for all political office holders is given too.`,
    kernpunten: `- {{value agr_any_12m}} faced aggression or intimidation in the past 12 months (all office holders: {{value agr_any_12m all}}).
- {{value agr_verbal_12m}} were abused, insulted or humiliated (all: {{value agr_verbal_12m all}}).
- {{value agr_considered_quitting}} considered quitting because of aggression (all: {{value agr_considered_quitting all}}).
- {{value int_obs_any}} saw or suspected an integrity violation among colleagues (all: {{value int_obs_any all}}).`,
  },
  letter: {
    aanhef: `Thank you for your organisation's participation in the Integrity and Safety Monitor. Your answers help us show how safe political office holders are, how they deal with integrity, and what organisations do about it.`,
    kernpunten: `- {{value agr_any_12m all}} of all political office holders faced aggression or intimidation in the past 12 months. That percentage has {{change agr_any_12m all since=previous}}.
- {{value agr_considered_quitting all}} considered quitting because of aggression.
- {{value int_obs_belangen_any all}} saw or suspected a conflict of interest among colleagues.`,
    'eigen-organisatie': `Below, your organisation's answers are shown next to those of comparable organisations: of the same layer of government and size. Your own answer counts in the comparison.`,
    slot: `Would you like to know more? The full report and the factsheets are on the website of the Ministry of the Interior. Thank you again for your participation.`,
  },
  annex: {
    inleiding: `This annex to the letter to parliament gives the main results of the Integrity and Safety Monitor in one table. A change is only called *risen* or *fallen* when the test confirms it after correction for multiple testing (Holm). A comparison with an earlier published figure is not tested, because that figure has no known standard error.`,
  },
};
