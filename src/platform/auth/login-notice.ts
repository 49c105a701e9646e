import { defineMailTemplate } from '../mail/templates.js';

/** The e-mail a user gets when unknown clients start having to wait after failed sign-ins (./devices.ts). */
export const loginNoticeTemplate = defineMailTemplate({
  subject: {
    nl: 'Mislukte aanmeldpogingen op uw Weerbaar-account',
    en: 'Failed sign-in attempts on your Weerbaar account',
  },
  text: {
    nl:
      'Beste gebruiker,\n\nEr is een aantal keer geprobeerd om met een verkeerd wachtwoord aan te melden op uw account. ' +
      'Daarom moeten onbekende apparaten nu even wachten voordat zij het opnieuw kunnen proberen.\n\n' +
      'U kunt gewoon blijven aanmelden op een apparaat waarmee u eerder bent aangemeld.\n\n' +
      'Was u dit niet zelf? Kies dan een nieuw wachtwoord en zet aanmelden in twee stappen aan: {url}\n\n' +
      'Met vriendelijke groet,\nWeerbaar',
    en:
      'Dear user,\n\nSomeone tried to sign in to your account with a wrong password several times. ' +
      'Unknown devices must now wait a while before they can try again.\n\n' +
      'You can keep signing in on a device you have signed in with before.\n\n' +
      'Was this not you? Choose a new password and turn on two-step sign-in: {url}\n\n' +
      'Kind regards,\nWeerbaar',
  },
  links: ['url'],
});
