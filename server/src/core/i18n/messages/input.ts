/** Messages about reading input files and the limits each file is checked under (Chinese first, English available). */
import type { Localized } from '../../types';
import { fmtNum } from '../locale';

const mb = (bytes: number): string => fmtNum(Number((bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)));
const count = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => fmtNum(Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)));

/** What kind of special file a path names, for the "not a regular file" message. */
export type SpecialFileKind = 'fifo' | 'socket' | 'char-device' | 'block-device' | 'other';

const SPECIAL: Record<SpecialFileKind, Localized> = {
  fifo: { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  socket: { zh: '套接字', en: 'a socket' },
  'char-device': { zh: '字符设备', en: 'a character device' },
  'block-device': { zh: '块设备', en: 'a block device' },
  other: { zh: '特殊文件', en: 'a special file' },
};

export const inputMessages = {
  /** A file named on the command line that is one of our own outputs (an html review report …): not checked. */
  ownOutput: (file: string): Localized => ({
    zh: `${file}：是 govreport-lint 生成的输出文件（审核意见、对比或 json/sarif），不作为报告检查`,
    en: `${file}: an output of govreport-lint (a review report, a comparison, json or sarif); not checked as a report`,
  }),
  notFound: (): Localized => ({ zh: '文件不存在', en: 'file not found' }),
  unreadable: (detail: string): Localized => ({ zh: `无法读取：${detail}`, en: `cannot be read: ${detail}` }),
  isDirectory: (): Localized => ({ zh: '这是文件夹，不是文件', en: 'this is a folder, not a file' }),
  notRegular: (kind: SpecialFileKind): Localized => ({
    zh: `这不是普通文件，而是${SPECIAL[kind].zh}，已跳过（只读取普通文件）`,
    en: `this is not a regular file but ${SPECIAL[kind].en}; skipped (only regular files are read)`,
  }),
  tooLarge: (size: number, limit: number): Localized => ({
    zh: `文件过大（${mb(size)} MB，上限 ${mb(limit)} MB），已跳过`,
    en: `file too large (${mb(size)} MB, limit ${mb(limit)} MB); skipped`,
  }),
  /** The file grew past the limit while it was read (its size said less). */
  grewTooLarge: (limit: number): Localized => ({
    zh: `读取时文件超过上限 ${mb(limit)} MB，已跳过`,
    en: `the file exceeded the limit of ${mb(limit)} MB while it was read; skipped`,
  }),

  docxTooManyEntries: (entries: number, limit: number): Localized => ({
    zh: `.docx 压缩包中的条目过多（${count(entries)} 个，上限 ${count(limit)} 个），未解压，已跳过`,
    en: `the .docx package has too many entries (${count(entries)}, limit ${count(limit)}); not unpacked, skipped`,
  }),
  docxPartTooLarge: (part: string, size: number, limit: number): Localized => ({
    zh: `.docx 中的 ${part} 解压后过大（${mb(size)} MB，上限 ${mb(limit)} MB），未解压，已跳过`,
    en: `${part} in the .docx inflates to too much (${mb(size)} MB, limit ${mb(limit)} MB); not unpacked, skipped`,
  }),
  docxTotalTooLarge: (size: number, limit: number): Localized => ({
    zh: `.docx 的文字部分解压后总计过大（${mb(size)} MB，上限 ${mb(limit)} MB），未解压，已跳过`,
    en: `the text parts of the .docx inflate to too much in total (${mb(size)} MB, limit ${mb(limit)} MB); not unpacked, skipped`,
  }),
  docxTooManyElements: (limit: number): Localized => ({
    zh: `.docx 正文的 XML 元素过多（超过 ${count(limit)} 个，例如大量空段落），未转换，已跳过`,
    en: `the .docx body has too many XML elements (more than ${count(limit)}, e.g. masses of empty paragraphs); not converted, skipped`,
  }),

  pdfTooManyPages: (pages: number, limit: number): Localized => ({
    zh: `PDF 页数过多（${count(pages)} 页，上限 ${count(limit)} 页），已跳过`,
    en: `the PDF has too many pages (${count(pages)}, limit ${count(limit)}); skipped`,
  }),
  pdfTooMuchText: (limit: number): Localized => ({
    zh: `PDF 产生的文字片段过多（超过 ${count(limit)} 个，例如表单对象互相嵌套绘制），已停止读取`,
    en: `the PDF produces too many text pieces (more than ${count(limit)}, e.g. form objects that draw each other); reading stopped`,
  }),

  timeout: (ms: number): Localized => ({
    zh: `处理超时（超过 ${seconds(ms)} 秒，见 --timeout-per-file），已停止检查此文件`,
    en: `timed out (over ${seconds(ms)} s, see --timeout-per-file); this file was not checked`,
  }),
  outOfMemory: (): Localized => ({
    zh: '处理此文件所需内存超过上限，已停止检查此文件（文件可能是恶意构造的或已损坏）',
    en: 'checking this file needed more memory than allowed; it was not checked (the file may be crafted or damaged)',
  }),
  workerDied: (detail: string): Localized => ({
    zh: `检查此文件的线程意外退出（${detail}），已停止检查此文件`,
    en: `the thread checking this file ended unexpectedly (${detail}); this file was not checked`,
  }),
  internalError: (detail: string): Localized => ({ zh: `内部错误：${detail}`, en: `internal error: ${detail}` }),

  binary: (): Localized => ({ zh: '二进制文件，不是文本，已跳过', en: 'binary file, not text; skipped' }),
  unknownEncoding: (): Localized => ({
    zh: '无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK）',
    en: 'unknown text encoding (neither UTF-8 nor GB18030/GBK)',
  }),
  unknownPageEncoding: (): Localized => ({
    zh: '无法识别网页编码（声明的编码、UTF-8 与 GB18030/GBK 都无法解码）',
    en: 'unknown page encoding (neither the declared encoding, UTF-8 nor GB18030/GBK decodes it)',
  }),
  docxDamaged: (detail: string): Localized => ({
    zh: `.docx 文件已损坏，无法读取：${detail}`,
    en: `the .docx file is damaged and cannot be read: ${detail}`,
  }),
  docxEncrypted: (): Localized => ({
    zh: '文档受密码保护，或是旧版 Word 97-2003（.doc）文件：请去除密码或另存为 .docx',
    en: 'the document is password-protected, or an old Word 97-2003 (.doc) file: remove the password or save it as .docx',
  }),
  docxNotZip: (): Localized => ({
    zh: '不是有效的 .docx 文件（不是 ZIP 压缩包）',
    en: 'not a valid .docx file (not a ZIP package)',
  }),
  pdfNoHeader: (): Localized => ({
    zh: '不是有效的 PDF 文件（缺少 %PDF 文件头）',
    en: 'not a valid PDF file (no %PDF header)',
  }),
  pdfEncrypted: (): Localized => ({
    zh: 'PDF 已加密（需要密码），无法读取文字',
    en: 'the PDF is encrypted (password required); its text cannot be read',
  }),
  pdfInvalid: (detail: string): Localized => ({
    zh: `PDF 文件无效或已损坏：${detail}`,
    en: `invalid or damaged PDF: ${detail}`,
  }),
  pdfNoText: (): Localized => ({
    zh: 'PDF 中没有可提取的文字（可能是扫描件）',
    en: 'the PDF has no extractable text (it may be a scan)',
  }),

  /** Why a fixed file was not written back. */
  changedSinceRead: (): Localized => ({
    zh: '文件在检查期间被修改，未写入（保留了修改后的内容），请重新运行',
    en: 'the file changed while it was being checked; not written (the change is kept); run again',
  }),
  writeNotRegular: (): Localized => ({ zh: '不是普通文件，未写入', en: 'not a regular file; not written' }),
  writeNoPermission: (mode: string): Localized => ({
    zh: `没有写入权限（权限 ${mode}），未写入`,
    en: `not writable by this user (mode ${mode}); not written`,
  }),
  writeReadOnly: (mode: string): Localized => ({
    zh: `文件是只读的（权限 ${mode}），未写入`,
    en: `the file is read-only (mode ${mode}); not written`,
  }),
  writeHardLinks: (links: number): Localized => ({
    zh: `文件有 ${links} 个硬链接，写入会拆散它们，未写入（可用 --fix-dry-run 查看修复）`,
    en: `the file has ${links} hard links, which writing would split; not written (see the fixes with --fix-dry-run)`,
  }),
  writeOwner: (owner: string): Localized => ({
    zh: `无法保留文件的所有者和组（${owner}），未写入`,
    en: `cannot keep the file's owner and group (${owner}); not written`,
  }),
};
