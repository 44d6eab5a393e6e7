import { defineRule } from '../define';
import { oneLineMessages as M } from '../../i18n/messages/oneLine';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

/**
 * One-line text read with certainty: said once, on the title, with the reformat as its fix. The
 * reformat is not the preferred fix: it changes the layout, not a problem, so fix-all leaves it alone.
 */
export const layoutOneLine = defineRule(
  {
    id: 'layout-one-line',
    category: 'structure',
    description: D.layoutOneLine,
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
