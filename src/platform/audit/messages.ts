export const auditNl = {
  'audit.title': 'Auditlog',
  'audit.intro':
    'Elke wijziging wordt hier vastgelegd: wie, wat, wanneer en welke gegevens veranderden. Het log kan niet worden aangepast.',
  'audit.filter.action': 'Actie (begin)',
  'audit.filter.actor': 'Door (e-mail of deel daarvan)',
  'audit.filter.resourceType': 'Soort gegeven',
  'audit.filter.from': 'Vanaf datum',
  'audit.filter.to': 'Tot en met datum',
  'audit.filter.submit': 'Filteren',
  'audit.col.seq': 'Nr.',
  'audit.col.at': 'Tijdstip',
  'audit.col.actor': 'Door',
  'audit.col.action': 'Actie',
  'audit.col.resource': 'Gegeven',
  'audit.col.diff': 'Wijziging',
  'audit.older': 'Oudere regels',
  'audit.scopeOrg': 'U ziet de regels over uw organisatie.',
} as const;

export const auditEn: Record<keyof typeof auditNl, string> = {
  'audit.title': 'Audit log',
  'audit.intro':
    'Every change is recorded here: who, what, when and which data changed. The log cannot be altered.',
  'audit.filter.action': 'Action (prefix)',
  'audit.filter.actor': 'By (e-mail or part of it)',
  'audit.filter.resourceType': 'Kind of data',
  'audit.filter.from': 'From date',
  'audit.filter.to': 'Up to and including date',
  'audit.filter.submit': 'Filter',
  'audit.col.seq': 'No.',
  'audit.col.at': 'Time',
  'audit.col.actor': 'By',
  'audit.col.action': 'Action',
  'audit.col.resource': 'Data',
  'audit.col.diff': 'Change',
  'audit.older': 'Older entries',
  'audit.scopeOrg': 'You see the entries about your organisation.',
};
