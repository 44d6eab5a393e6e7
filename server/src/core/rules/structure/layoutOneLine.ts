import { defineRule } from '../define';
import { oneLineMessages as M } from '../../i18n/messages/oneLine';

/**
 * One-line text read with certainty: said once, on the title, with the reformat as its fix. The
 * reformat is not the preferred fix: it changes the layout, not a problem, so fix-all leaves it alone.
 */
export const layoutOneLine = defineRule(
  {
    id: 'layout-one-line',
    category: 'structure',
    description: {
      zh: '报告全文在一行中（换行已丢失，如从网页复制）；可重新排版为标准格式',
      en: 'The whole report is on one line (its line breaks lost, as when copied from a web page); it can be reformatted into the standard layout',
    },
    defaultSeverity: 'info',
    fixable: true,
  },
  ({ model, report }) => {
    const o = model.oneLine;
    if (!o || !o.certain || !o.reformat) return;
    report({
      message: M.oneLine(),
      span: o.span,
      fixes: [{ title: M.reformat(), edits: [o.reformat] }],
    });
  },
);
