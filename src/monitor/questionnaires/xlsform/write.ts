/** Writing a questionnaire definition as an XLSForm workbook. */
import ExcelJS from 'exceljs';
import { type LocalText, type Option, otherTextCode, type QuestionnaireDefinition } from '../model.js';
import { rangeConstraint } from './map.js';

// ---------------------------------------------------------------------------------------------
// Export

const L = { nl: 'Nederlands (nl)', en: 'English (en)' } as const;

/** Writes a definition as an XLSForm workbook (.xlsx bytes). */
export async function exportXlsForm(def: QuestionnaireDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  const survey = wb.addWorksheet('survey');
  const choices = wb.addWorksheet('choices');
  const settings = wb.addWorksheet('settings');

  const surveyCols = [
    'type',
    'name',
    `label::${L.nl}`,
    `label::${L.en}`,
    `hint::${L.nl}`,
    `hint::${L.en}`,
    'required',
    `required_message::${L.nl}`,
    `required_message::${L.en}`,
    'relevant',
    'constraint',
    `constraint_message::${L.nl}`,
    `constraint_message::${L.en}`,
    'appearance',
    'default',
  ];
  survey.addRow(surveyCols);
  const put = (values: Record<string, string | undefined>) =>
    survey.addRow(surveyCols.map((c) => values[c] ?? ''));
  const texts = (base: string, t: LocalText | undefined) =>
    t ? { [`${base}::${L.nl}`]: t.nl, [`${base}::${L.en}`]: t.en } : {};

  choices.addRow(['list_name', 'name', `label::${L.nl}`, `label::${L.en}`, 'exclusive']);
  const emitted = new Map<string, string>();
  const listFor = (code: string, listName: string | undefined, options: Option[]): string => {
    const body = JSON.stringify(options.map((o) => [o.code, o.label, o.exclusive === true]));
    let name = listName ?? code;
    for (let n = 2; emitted.has(name) && emitted.get(name) !== body; n++) name = `${listName ?? code}_${n}`;
    if (!emitted.has(name)) {
      emitted.set(name, body);
      for (const o of options)
        choices.addRow([name, o.code, o.label.nl, o.label.en ?? '', o.exclusive ? 'yes' : '']);
    }
    return name;
  };

  for (const c of def.context ?? [])
    put({ type: 'hidden', name: c.name, ...texts('label', c.description), default: c.example });

  for (const section of def.sections) {
    put({
      type: 'begin_group',
      name: section.id,
      ...texts('label', section.title),
      relevant: section.relevant,
      appearance: 'field-list',
    });
    for (const item of section.items) {
      const common = {
        name: item.code,
        ...texts('label', item.label),
        ...texts('hint', item.hint),
        relevant: item.relevant,
        appearance: item.appearance,
      };
      const answer =
        item.type === 'note' || item.type === 'matrix'
          ? {}
          : {
              required: item.required ? 'yes' : undefined,
              ...texts('required_message', item.requiredMessage),
              ...texts('constraint_message', item.constraintMessage),
            };
      switch (item.type) {
        case 'note':
          put({ type: 'note', ...common });
          break;
        case 'matrix': {
          const list = listFor(item.code, item.listName, item.options);
          put({ type: 'begin_group', ...common, appearance: 'table-list' });
          for (const row of item.rows)
            put({
              type: `${item.multiple ? 'select_multiple' : 'select_one'} ${list}`,
              name: row.code,
              ...texts('label', row.label),
              ...texts('hint', row.hint),
              relevant: row.relevant,
              required: item.required ? 'yes' : undefined,
              ...texts('required_message', item.requiredMessage),
            });
          put({ type: 'end_group' });
          break;
        }
        case 'single_choice':
        case 'multiple_choice': {
          const list = listFor(item.code, item.listName, item.options);
          put({
            type: `${item.type === 'single_choice' ? 'select_one' : 'select_multiple'} ${list}`,
            ...common,
            ...answer,
            constraint: item.constraint,
          });
          for (const o of item.options)
            if (o.other)
              put({
                type: 'text',
                name: otherTextCode(item.code, o.code),
                ...texts('label', o.label),
                relevant: `selected(\${${item.code}}, '${o.code}')`,
              });
          break;
        }
        case 'number':
          put({
            type: item.integer ? 'integer' : 'decimal',
            ...common,
            ...answer,
            constraint: rangeConstraint(item) || undefined,
          });
          break;
        case 'date':
          put({ type: 'date', ...common, ...answer, constraint: item.constraint });
          break;
        case 'text': {
          let constraint = item.constraint;
          if (item.maxLength !== undefined)
            constraint = `string-length(.) <= ${item.maxLength}${item.constraint ? ` and (${item.constraint})` : ''}`;
          put({ type: 'text', ...common, ...answer, constraint });
          break;
        }
      }
    }
    put({ type: 'end_group' });
  }

  settings.addRow(['form_title', `form_title::${L.en}`, 'form_id', 'default_language']);
  settings.addRow([def.title.nl, def.title.en ?? '', def.code, L.nl]);
  for (const ws of [survey, choices, settings]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
