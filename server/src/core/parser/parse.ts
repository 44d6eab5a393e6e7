import type { ReportModel } from '../types';

/** Placeholder while the parser is written: everything is "not a report". */
export function parse(text: string): ReportModel {
  return {
    text,
    isReport: false,
    eol: '\n',
    lineStarts: [0],
    sections: [],
    tables: {},
    edition: '2021',
    compatRuns: [],
    prose: [],
    markdownHeadings: false,
  };
}
