import type { ReportModel, SectionId } from '../../types';
import { SECTIONS } from '../../template/template';

/** The official heading of a section, e.g. "三、收到和处理政府信息公开申请情况". */
export function officialHeading(id: SectionId): string {
  const s = SECTIONS[id - 1];
  return `${s.enumerator}${s.title}`;
}

/** The first heading of each section id, in document order. */
export function firstOfEach(model: ReportModel) {
  const seen = new Set<SectionId>();
  return model.sections.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
