/**
 * Properties of the HTML reader on arbitrary tag soup (over real parse5): it never throws, it writes
 * no blank line and no line break inside a line, every table line has its cells separated by tabs
 * only; and its time grows linearly with the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { htmlToText } from '../../server/src/io/html';

const PIECES = [
  '<p>',
  '</p>',
  '<br>',
  '<div>',
  '</div>',
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '</th>',
  '<td rowspan="3">',
  '<td colspan="2">',
  '<td rowspan="0" colspan="1000">',
  '<tbody>',
  '<span style="x">',
  '</span>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<!--[if !supportLists]-->',
  '<![endif]>',
  '&nbsp;',
  '&#20316;',
  '&lt;',
  '<nav>',
  '</nav>',
  '<footer>',
  '<template>',
  '<svg><td>',
  '</svg>',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '社会',
  '公益',
  '12',
  '3.5',
  '—',
];

const soup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((a) => a.join(''));

test('html reader: never throws; no blank lines, no line breaks or tabs where they do not belong', async () => {
  await fc.assert(
    fc.asyncProperty(soup, async (html) => {
      const text = await htmlToText(html);
      if (text === '') return;
      for (const line of text.split('\n')) {
        assert.ok(!line.includes('\r'), JSON.stringify(line));
        assert.ok(line.replace(/\t/g, '').trim() !== '', `blank line in ${JSON.stringify(text)}`);
        for (const cell of line.split('\t')) assert.equal(cell, cell.trim(), JSON.stringify(line));
      }
    }),
    { numRuns: 300 },
  );
});

test('html reader: time grows linearly (10× the rows, well under 25× the time)', async () => {
  const row =
    '<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2"><p>（一）</p><p>予以公开</p></td><td>12</td><td>&nbsp;</td><td>15</td></tr>';
  const pageOf = (rows: number) => `<html><body><p>标题</p><table>${row.repeat(rows)}</table></body></html>`;
  const time = async (rows: number) => {
    const html = pageOf(rows);
    await htmlToText(html);
    const t = process.cpuUsage();
    await htmlToText(html);
    const d = process.cpuUsage(t);
    return d.user + d.system;
  };
  const small = await time(2000);
  const large = await time(20000);
  assert.ok(large / small < 25, `${small} µs → ${large} µs`);
});
