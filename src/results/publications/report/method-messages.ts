/** Texts of the report's method chapter (issue #15), in B1 Dutch and English. */
export const pubMethodNl = {
  'pub.method.fieldwork': 'Uitvoering en respons',
  'pub.method.fieldwork.dates':
    'De vragenlijst stond open van {start} tot en met {end}. Iedereen in de doelgroepen kreeg een uitnodiging: alle politieke ambtsdragers van gemeenten, provincies en waterschappen, de medewerkers in de steekproef en per organisatie de secretaris of griffier voor de vragen over het beleid.',
  'pub.method.fieldwork.total':
    'In totaal zijn {invited} mensen uitgenodigd en hebben {completed} mensen de vragenlijst helemaal ingevuld ({rate}).',
  'pub.method.response.caption': 'Respons per functie en bestuurslaag',
  'pub.method.response.stratum': 'Bestuurslaag en functie',
  'pub.method.response.frame': 'In de doelgroep',
  'pub.method.response.invited': 'Uitgenodigd',
  'pub.method.response.completed': 'Ingevuld',
  'pub.method.response.rate': 'Respons',
  'pub.method.response.total': 'Totaal',
  'pub.method.weighting': 'Weging',
  'pub.method.weighting.intro':
    'Niet iedereen vult de vragenlijst in. Daarom wegen we de antwoorden: elke groep telt mee naar haar echte grootte in de doelgroep. We wegen naar bestuurslaag en functie, en waar bekend naar geslacht en provincie. De cijfers gelden zo voor de hele doelgroep, niet alleen voor wie meedeed.',
  'pub.method.weighting.group':
    '{group}: {n} respondenten uit een doelgroep van {population}. Door de weging telt het onderzoek als {neff} respondenten zonder weging (design-effect {deff}).',
  'pub.method.weighting.margin': '{group}: weging naar {margin}',
  'pub.method.weighting.category': 'Groep',
  'pub.method.weighting.population': 'In de doelgroep',
  'pub.method.weighting.respondents': 'Respondenten',
  'pub.method.weighting.after': 'Gewogen aantal',
  'pub.method.weighting.dropped': 'Niet gewogen naar {name}: {reason}',
  'pub.method.disclosure': 'Bescherming van respondenten',
  'pub.method.disclosure.rules':
    'We tonen geen cijfer dat rust op minder dan {n} respondenten. We tonen ook geen cijfer waarvan het 95%-interval breder is dan {width} procentpunt: zo’n cijfer is te onzeker.',
  'pub.method.disclosure.rulesNoWidth': 'We tonen geen cijfer dat rust op minder dan {n} respondenten.',
  'pub.method.disclosure.complementary':
    'Soms verbergen we nog een cijfer. Anders kan iemand het verborgen cijfer uitrekenen uit de andere cijfers. Een verborgen cijfer blijft zo altijd minstens {protection} procentpunt onzeker naar boven en naar beneden.',
  'pub.method.disclosure.dash':
    'Een verborgen cijfer staat in tabellen en grafieken als “—” met een voetnoot. Het is nooit een nul.',
  'pub.method.disclosure.factsheets':
    'Er is een factsheet voor elke functie, bestuurslaag en provincie waarvan het cijfer over agressie en intimidatie gepubliceerd mag worden.',
  'pub.method.disclosure.combined':
    'Te kleine functies krijgen geen eigen factsheet. Ze staan samen met een verwante functie in één factsheet: {list}. Hun eigen cijfers staan daar alleen als ze gepubliceerd mogen worden.',
  'pub.method.disclosure.combinedItem': '{small} bij {with}',
  'pub.method.disclosure.left':
    'Deze groepen hebben te weinig respondenten voor een factsheet, ook niet samen met een verwante functie: {list}.',
  'pub.method.tests': 'Verschillen en trends',
  'pub.method.tests.text':
    'We toetsen of een cijfer verschilt van de vorige meting. Omdat we veel toetsen doen, corrigeren we daarvoor (methode van Holm). Alleen een verschil dat na die correctie overeind blijft, noemen we significant.',
  'pub.method.tests.published':
    'Cijfers van vóór {first} komen uit eerdere rapporten. Daarvan is geen foutmarge bekend. Een verschil met zo’n cijfer is daarom niet getoetst.',
} as const;

export const pubMethodEn: Record<keyof typeof pubMethodNl, string> = {
  'pub.method.fieldwork': 'Fieldwork and response',
  'pub.method.fieldwork.dates':
    'The questionnaire was open from {start} up to and including {end}. Everyone in the target groups was invited: every political office holder of municipalities, provinces and water authorities, the employees in the sample and, per organisation, the secretary or clerk for the questions on policy.',
  'pub.method.fieldwork.total':
    'In total {invited} people were invited and {completed} completed the questionnaire ({rate}).',
  'pub.method.response.caption': 'Response by role and layer of government',
  'pub.method.response.stratum': 'Layer and role',
  'pub.method.response.frame': 'In the target group',
  'pub.method.response.invited': 'Invited',
  'pub.method.response.completed': 'Completed',
  'pub.method.response.rate': 'Response',
  'pub.method.response.total': 'Total',
  'pub.method.weighting': 'Weighting',
  'pub.method.weighting.intro':
    'Not everyone completes the questionnaire. So we weight the answers: every group counts at its real size in the target group. We weight by layer and role, and where known by gender and province. The figures then hold for the whole target group, not only for those who took part.',
  'pub.method.weighting.group':
    '{group}: {n} respondents from a target group of {population}. Because of the weighting the study counts as {neff} unweighted respondents (design effect {deff}).',
  'pub.method.weighting.margin': '{group}: weighting by {margin}',
  'pub.method.weighting.category': 'Group',
  'pub.method.weighting.population': 'In the target group',
  'pub.method.weighting.respondents': 'Respondents',
  'pub.method.weighting.after': 'Weighted number',
  'pub.method.weighting.dropped': 'Not weighted by {name}: {reason}',
  'pub.method.disclosure': 'Protecting respondents',
  'pub.method.disclosure.rules':
    'We show no figure based on fewer than {n} respondents. Nor do we show a figure whose 95% interval is wider than {width} percentage points: such a figure is too uncertain.',
  'pub.method.disclosure.rulesNoWidth': 'We show no figure based on fewer than {n} respondents.',
  'pub.method.disclosure.complementary':
    'Sometimes we hide one more figure. Otherwise someone could work out the hidden figure from the others. A hidden figure thus always stays uncertain by at least {protection} percentage points up and down.',
  'pub.method.disclosure.dash':
    'A hidden figure shows in tables and charts as “—” with a footnote. It is never a zero.',
  'pub.method.disclosure.factsheets':
    'There is a factsheet for every role, layer and province whose figure on aggression and intimidation may be published.',
  'pub.method.disclosure.combined':
    'Roles that are too small get no factsheet of their own. They share one factsheet with a related role: {list}. Their own figures appear there only when they may be published.',
  'pub.method.disclosure.combinedItem': '{small} with {with}',
  'pub.method.disclosure.left':
    'These groups have too few respondents for a factsheet, not even together with a related role: {list}.',
  'pub.method.tests': 'Changes and trends',
  'pub.method.tests.text':
    'We test whether a figure differs from the previous wave. Because we make many tests, we correct for them (Holm’s method). Only a change that holds after that correction is called significant.',
  'pub.method.tests.published':
    'Figures from before {first} come from earlier reports. Their margin of error is unknown, so a change from such a figure is not tested.',
};

declare module '../../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof pubMethodNl, string> {}
}
