import type { ListsDictionary } from './en';

/** قوائم البلدية (الإدارة) وأداة ListAdminPage. */
export const listsAr: ListsDictionary = {
  lists: {
    title: 'القوائم',
    intro:
      'كلمات بلديتك للفئات وفئات القلق وأنواع التدخل وأسباب الإغلاق. يُحتسب كل عنصر برمز مشترك واحد، حتى تُجمع الأرقام بين مدن الشبكة. اسحب العنصر بدل تغيير معناه: السجلات التي اختارته تحتفظ به.',
    kinds: {
      cohort: 'الفئات',
      concern_category: 'فئات القلق',
      intervention_type: 'أنواع التدخل',
      closure_reason: 'أسباب الإغلاق',
    },
    code: 'الرمز المشترك',
    labelAr: 'التسمية بالعربية',
    labelFr: 'التسمية بالفرنسية',
    labelEn: 'التسمية بالإنجليزية',
    order: 'الترتيب',
    moveUp: 'نقل «{{ name }}» إلى الأعلى',
    moveDown: 'نقل «{{ name }}» إلى الأسفل',
    new: 'إضافة عنصر',
    createTitle: 'عنصر جديد',
    created: 'أُضيف العنصر «{{ name }}».',
    editTitle: 'تسميات «{{ name }}»',
    empty: 'لا عناصر.',
    retired: 'مسحوب',
    active: 'مستعمل',
    retire: 'سحب',
    restore: 'إعادة',
  },
};
