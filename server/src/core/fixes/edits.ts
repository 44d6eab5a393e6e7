/**
 * Kept only for rules/table/tableLabel.ts, which still imports minimalEdit from here (rules must not
 * import fixes/): the edit helpers live in text/edits.ts. Remove once that import points there.
 */
export { minimalEdit } from '../text/edits';
