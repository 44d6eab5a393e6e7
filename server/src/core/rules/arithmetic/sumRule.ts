import type { Localized, Rule, Severity } from '../../types';
import { defineRule } from '../define';
import { equationsOf, findingOf, relationsOf } from './sums';

/** An arithmetic rule: every equation of the template relations that carry its id. */
export function sumRule(id: string, description: Localized, defaultSeverity: Severity = 'error'): Rule {
  return defineRule({ id, category: 'arithmetic', description, defaultSeverity, fixable: true }, ({ model, report }) => {
    for (const table of [model.tables.t3, model.tables.t4]) {
      if (!table) continue;
      for (const relation of relationsOf(model, table)) {
        if (relation.ruleId !== id) continue;
        for (const eq of equationsOf(table, relation)) {
          // A row whose values were split by its own sums: those sums were assumed, not read.
          if (relation.each === 'row' && eq.target.row.inferred) continue;
          const f = findingOf(eq);
          if (f) report(f);
        }
      }
    }
  });
}
