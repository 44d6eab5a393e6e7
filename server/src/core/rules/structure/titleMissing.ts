import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const titleMissing = defineRule(
  {
    id: 'title-missing',
    category: 'structure',
    description: D.titleMissing,
    defaultSeverity: 'warning',
    fixable: false,
  },
  ({ model, report }) => {
    const t = model.title;
    if (t) {
      if (t.body.length === 0) report({ message: M.titleNoBody(t.text), span: t.span });
      return;
    }
    // Point at the first non-blank line: where the title belongs.
    const m = /\S[^\r\n]*/.exec(model.text);
    const span = m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 0 };
    report({ message: M.titleMissing(), span });
  },
);
