/** Words of the page frame: the phone menu and the scrolling frames of tables. */
export const layoutEn = {
  layout: {
    menu: 'Menu',
    table: 'Table: {{ name }}',
  },
};

export type LayoutDictionary = typeof layoutEn;
