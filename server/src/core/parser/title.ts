/**
 * The title: "<机关名称><YYYY>年(度)政府信息公开工作年度报告" and the ways reports write it — the year
 * first ("2023年某某局政府信息公开工作年度报告"), "…年度政府信息公开工作报告", "…政府信息公开年度报告",
 * and centred over two or three lines with blanks between the characters, as PDF text has it
 * ("某 某 县 人 民 政 府" / "2 0 2 3 年 政 府 信 息 公 开" / "工 作 年 度 报 告"). Navigation chrome before the
 * title ("当前位置：首页 > …") is never part of it. Offsets are NORMALIZED offsets.
 */
import { contentOf } from './headings';
import { isSpace, type Line } from './lines';

export interface TitleMatch {
  /** The whole title, from the first character of its first line to the last of its last line. */
  start: number;
  end: number;
  /** The body (机关名称), without blanks; empty when the title names none. */
  body: string;
  year: number;
  yearStart: number;
  yearEnd: number;
  /** First and last line of the title. */
  line: number;
  endLine: number;
}

/** The most lines a title is printed over. */
const MAX_TITLE_LINES = 3;
/** The longest title, and the longest line of a title printed over several lines, in characters without blanks. */
const MAX_TITLE = 100;
const MAX_PART = 40;

/** A line of navigation chrome: a breadcrumb ("当前位置：首页 > 政务公开 > …", "首页 > …"). */
export function isChrome(text: string): boolean {
  if (text.length > 400) return false;
  return /(?:当前位置|您的位置|您现在的位置|现在的位置|所在位置)\s*[:：]|首页\s*[>＞›»]/.test(text);
}

/** A line's content without blanks, with the normalized offset of each character kept. */
interface Compact {
  text: string;
  pos: number[];
  start: number;
  end: number;
}

function compact(line: Line): Compact | undefined {
  if (line.text.length > 2 * MAX_TITLE) return undefined;
  const c = contentOf(line);
  let text = '';
  const pos: number[] = [];
  for (let i = 0; i < c.text.length; i++) {
    if (isSpace(c.text.charCodeAt(i))) continue;
    text += c.text[i];
    pos.push(c.start + i);
  }
  if (text.length === 0 || text.length > MAX_TITLE) return undefined;
  return { text, pos, start: c.start, end: c.end };
}

const KIND = /政府信息公开|政务公开|信息公开/;
const TITLE = /^(.*?)((?:19|20)\d\d)年度?(.*)$/;

/** Reads a title written without blanks: its body and the index of its year, or undefined. */
function readTitle(text: string): { body: string; yearAt: number; year: number } | undefined {
  if (text.length > MAX_TITLE) return undefined;
  const m = TITLE.exec(text);
  if (!m) return undefined;
  const tail = m[3];
  const k = KIND.exec(tail);
  if (!k || !/报告$/.test(tail.replace(/[。.]+$/, ''))) return undefined;
  // The body stands before the year, or (year first) between the year and 政府信息公开.
  const body = m[1].length > 0 ? m[1] : tail.slice(0, k.index);
  return { body, yearAt: m[1].length, year: Number(m[2]) };
}

/**
 * A line that can be part of a title printed over several lines: short, and without the punctuation
 * of prose, of a date line ("发布时间：…") or of chrome.
 */
function isTitlePart(c: Compact): boolean {
  return c.text.length <= MAX_PART && !/[。，,；;：:、！!？?>＞|]/.test(c.text);
}

/**
 * The title among lines [from, to): the first line, or run of up to three consecutive lines (blank
 * lines between them allowed), that reads as a title. A single line that names its body wins over a
 * run starting there; a run is taken only when it names a body.
 */
export function findTitle(
  lines: Line[],
  from: number,
  to: number,
  skip: (i: number) => boolean,
  empty: (i: number) => boolean,
): TitleMatch | undefined {
  for (let i = from; i < to; i++) {
    if (skip(i) || empty(i) || isChrome(lines[i].text)) continue;
    const first = compact(lines[i]);
    if (!first) continue;
    // The first title found that names no body is kept only when no run starting on its line names one.
    let noBody = match([first], [i]);
    if (noBody && noBody.body.length > 0) return noBody;
    if (isTitlePart(first)) {
      const parts = [first];
      const at = [i];
      for (let j = i + 1; j < to && parts.length < MAX_TITLE_LINES; j++) {
        if (empty(j)) continue;
        if (skip(j) || isChrome(lines[j].text)) break;
        const c = compact(lines[j]);
        if (!c || !isTitlePart(c)) break;
        // A line that is a whole title by itself starts its own title.
        const own = match([c], [j]);
        if (own && own.body.length > 0) break;
        parts.push(c);
        at.push(j);
        const m = match(parts, at);
        if (m && m.body.length > 0) return m;
        if (m) {
          noBody ??= m;
          break;
        }
      }
    }
    if (noBody) return noBody;
  }
  return undefined;
}

function match(parts: Compact[], at: number[]): TitleMatch | undefined {
  let text = '';
  const pos: number[] = [];
  for (const p of parts) {
    text += p.text;
    for (const x of p.pos) pos.push(x);
  }
  const t = readTitle(text);
  if (!t) return undefined;
  return {
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    body: t.body,
    year: t.year,
    yearStart: pos[t.yearAt],
    yearEnd: pos[t.yearAt + 3] + 1,
    line: at[0],
    endLine: at[at.length - 1],
  };
}
