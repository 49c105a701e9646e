-- The invitation states the questionnaire's time through {minuten} (fieldwork/model.ts): waves that
-- still hold the old default text with a fixed "15 minuten" get the placeholder; edited texts stay.
UPDATE "waves"
   SET "mail_templates" = replace(
         replace("mail_templates"::text, 'Het invullen duurt ongeveer 15 minuten.', 'Het invullen duurt ongeveer {minuten} minuten.'),
         'It takes about 15 minutes.', 'It takes about {minuten} minutes.')::jsonb
 WHERE "mail_templates"::text LIKE '%Het invullen duurt ongeveer 15 minuten.%'
    OR "mail_templates"::text LIKE '%It takes about 15 minutes.%';
