/** Messages of the language server: its log lines and the names it gives the editor (Chinese first, English too). */
import type { Localized } from '../../types';

export const serverMessages = {
  /** The label of the document's outline. */
  outlineLabel: (): Localized => ({ zh: '年报', en: 'Annual report' }),
  tooLarge: (uri: string, chars: number, limit: number): Localized => ({
    zh: `文档有 ${chars} 个字符，超过上限 ${limit}（govreport.maxDocumentChars），未检查`,
    en: `${uri} has ${chars} characters, more than govreport.maxDocumentChars (${limit}): not checked`,
  }),
  invalidMessage: (reason: string): Localized => ({
    zh: `收到无效的消息（${reason}），已丢弃`,
    en: `dropped an invalid message: ${reason}`,
  }),
  invalidMessagesMuted: (): Localized => ({
    zh: '后续无效消息不再记录',
    en: 'further invalid messages are not logged',
  }),
};

/** A log line in both languages, Chinese first: the log is read before a locale is known. */
export function bothLanguages(text: Localized): string {
  return `${text.zh} / ${text.en}`;
}
