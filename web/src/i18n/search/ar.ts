import type { SearchDictionary } from './en';

export const searchAr: SearchDictionary = {
  title: 'بحث',
  intro:
    'ابحث عن الأشخاص والملفات والإحالات بالاسم بالحروف العربية أو اللاتينية (مهما كانت كتابته)، أو برقم الملف (TUN-2026-0012)، أو بسنة الميلاد (1994). لا يظهر لك إلا ما يحق لك فتحه.',
  query: 'الاسم أو رقم الملف أو سنة الميلاد',
  queryHint: 'لا يُحفظ ما تكتبه على هذا الجهاز.',
  birthYear: 'سنة الميلاد (اختيارية، مع الاسم)',
  submit: 'ابحث',
  searching: 'جارٍ البحث…',
  people: 'الأشخاص',
  cases: 'الملفات',
  referrals: 'الإحالات',
  none: 'لم يُعثر على شيء.',
  born: 'مواليد {{ year }}',
  restricted: 'تطابق محتمل لا يحق لك الاطلاع عليه. اسأل المنسق.',
  hidden: 'هوية صاحب هذا الملف غير مشاركة معك.',
  submitted: 'أُرسلت في {{ date }}',
  caseOf: 'الملف {{ reference }}',
  reasons: {
    same_spelling: 'الكتابة نفسها',
    transliteration: 'الاسم نفسه بحروف أخرى',
    similar: 'اسم مشابه',
  },
  counts: 'الأشخاص: {{ people }} · الملفات: {{ cases }} · الإحالات: {{ referrals }}',
};
