/** Messages of the editor's workspace index and workspace checking (Chinese first, English available). */
import type { Localized } from '../../types';

export const workspaceMessages = {
  /** Title of the work-done progress while the workspace's reports are checked. */
  progressTitle: { zh: '检查工作区年报', en: 'Checking the workspace reports' } as Localized,
  /** Its message: how many of the reports are checked. */
  progress: (done: number, total: number): Localized => ({
    zh: `正在检查 ${done}/${total} 份年报`,
    en: `Checking ${done}/${total} reports`,
  }),
  /** The index holds at most `max` files: the others are left out. */
  capReached: (max: number, folder: string): Localized => ({
    zh: `工作区中的报告文件超过 ${max} 个：只索引前 ${max} 个（${folder}），其余文件不做跨年核对和工作区检查；可用 govreport.exclude 排除不需要的文件夹`,
    en: `more than ${max} report files in the workspace: only the first ${max} are indexed (${folder}); the others get no cross-year or workspace checks — leave folders out with govreport.exclude`,
  }),
  /** A file of the workspace could not be read. */
  unreadable: (file: string, why: Localized): Localized => ({
    zh: `无法读取 ${file}：${why.zh}`,
    en: `cannot read ${file}: ${why.en}`,
  }),
  /** Checking the workspace was cancelled. */
  cancelled: (done: number, total: number): Localized => ({
    zh: `已取消工作区检查（完成 ${done}/${total} 份）；文件改动或设置变化后继续`,
    en: `workspace check cancelled (${done}/${total} done); it goes on when a file or a setting changes`,
  }),
};
