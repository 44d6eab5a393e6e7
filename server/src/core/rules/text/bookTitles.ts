/** Document titles in 《…》: a year or a figure inside one is part of a name, not a statement. */

/**
 * Whether offsets of `text` lie inside 《…》 (a document title): an offset is inside when more 《
 * than 》 precede it or stand at it since the last line break (a 》 without its 《 is ignored).
 * Asked about offsets in non-decreasing order, it reads the text once and allocates nothing.
 */
export class BookTitles {
  private depth = 0;
  /** Offsets before `next` have been read. */
  private next = 0;

  constructor(private readonly text: string) {}

  /** Whether offset `i` lies inside 《…》. */
  inside(i: number): boolean {
    if (i < this.next - 1) {
      // Asked out of order: read again from the start.
      this.depth = 0;
      this.next = 0;
    }
    for (; this.next <= i && this.next < this.text.length; this.next++) {
      const c = this.text.charCodeAt(this.next);
      if (c === 0x300a)
        this.depth++; // 《
      else if (c === 0x300b)
        this.depth = Math.max(0, this.depth - 1); // 》
      else if (c === 0x0a) this.depth = 0;
    }
    return i >= 0 && i < this.text.length && this.depth > 0;
  }
}
