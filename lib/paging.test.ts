import { describe, expect, it } from 'vitest';
import { pageParam, pageWindow } from './paging';

describe('paging', () => {
  it('reads ?page= as a whole number from 1, anything else as the first page', () => {
    expect(pageParam.parse('3')).toBe(3);
    for (const bad of [undefined, '', '0', '-2', '1.5', 'two', '99999999', ['2', '3']]) {
      expect(pageParam.parse(bad)).toBe(1);
    }
  });

  it('windows a list and moves a page past the end back to the last page', () => {
    expect(pageWindow(1, 0, 20)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 20 });
    expect(pageWindow(2, 41, 20)).toEqual({ page: 2, pageCount: 3, skip: 20, take: 20 });
    expect(pageWindow(9, 41, 20)).toEqual({ page: 3, pageCount: 3, skip: 40, take: 20 });
    expect(pageWindow(1, 40, 20).pageCount).toBe(2);
  });
});
