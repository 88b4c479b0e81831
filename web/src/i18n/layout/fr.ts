import type { LayoutDictionary } from './en';

export const layoutFr: LayoutDictionary = {
  layout: {
    menu: 'Menu',
    table: 'Tableau : {{ name }}',
  },
};
