import type { LayoutDictionary } from './en';

export const layoutAr: LayoutDictionary = {
  layout: {
    menu: 'القائمة',
    table: 'جدول: {{ name }}',
  },
};
