/** Messages about opening a Word, PDF or web file as a read-only report in the editor (Chinese first, English available). */
import type { Localized } from '../../types';
import { fmtNum } from '../locale';

const seconds = (ms: number): string => fmtNum(Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)));

export const extractedMessages = {
  notExtracted: (): Localized => ({
    zh: '只能以年报方式打开磁盘上的 Word（.docx）、PDF 或网页（.html、.htm、.shtml）文件',
    en: 'only Word (.docx), PDF and web page (.html, .htm, .shtml) files on disk open as a report',
  }),
  timeout: (ms: number): Localized => ({
    zh: `读取文字超时（超过 ${seconds(ms)} 秒），已停止（文件可能已损坏或过于复杂）`,
    en: `reading the text timed out (over ${seconds(ms)} s) and was stopped (the file may be damaged or too complex)`,
  }),
  outOfMemory: (): Localized => ({
    zh: '读取此文件所需内存超过上限，已停止（文件可能是恶意构造的或已损坏）',
    en: 'reading this file needed more memory than allowed and was stopped (the file may be crafted or damaged)',
  }),
  workerDied: (detail: string): Localized => ({
    zh: `读取此文件的线程意外退出（${detail}）`,
    en: `the thread reading this file ended unexpectedly (${detail})`,
  }),
};
