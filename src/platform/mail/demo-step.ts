/**
 * Demo: a welcome message to the demo admin, queued like any other mail. Without SMTP_HOST the job delivers
 * it to the outbox, so /admin/outbox shows a message right after `npm start`.
 */
import type { DemoStep } from '../demo/demo.js';
import { queueMail } from './mail.js';
import { defineMailTemplate } from './templates.js';

export const welcomeTemplate = defineMailTemplate({
  subject: { nl: 'Welkom bij Weerbaar', en: 'Welcome to Weerbaar' },
  text: {
    nl:
      'Beste beheerder,\n\nDit is de demo-omgeving van Weerbaar. Er is geen mailserver ingesteld, daarom komen ' +
      'berichten zoals dit in de outbox in plaats van in een mailbox.\n\nU vindt de outbox onder Beheer: {url}',
    en:
      'Dear administrator,\n\nThis is the Weerbaar demo. No mail server is configured, so messages like this one ' +
      'go to the outbox instead of a mailbox.\n\nThe outbox is here: {url}',
  },
  links: ['url'],
});

const step: DemoStep = {
  name: 'mail',
  async run(tx) {
    await queueMail(tx, {
      to: 'admin@weerbaar.demo',
      template: welcomeTemplate,
      lang: 'nl',
      params: { url: '/admin/outbox' },
      idempotencyKey: 'demo:welcome',
      purpose: 'welcome',
    });
    return undefined;
  },
};
export default step;
