import type { BreakGlassDictionary } from './types';

/** كلمات الوصول الطارئ (كسر الزجاج). */
export const breakGlassAr: BreakGlassDictionary = {
  breakGlass: {
    title: 'وصول طارئ',
    intro:
      'فقط إذا كان عليك التصرف في هذه الحالة الآن: مسؤول الحالة غائب، ولا يمكن الوصول إلى المنسق، وشخص ما في خطر. يُمنح الوصول فورًا لمدة محدودة، ويُسجَّل في الحالة، ويُبلَّغ به المدقق والمنسقون.',
    sections: 'الأقسام التي تحتاجها',
    justification: 'لماذا تحتاج إلى الوصول الآن',
    justificationHint: '20 حرفًا على الأقل. سيراجعه المدقق والمنسقون.',
    submit: 'طلب وصول طارئ',
    granted: 'مُنح الوصول الطارئ حتى {{ time }}.',
    openCase: 'فتح الحالة',
    banner: 'وصول طارئ إلى الحالة {{ reference }} حتى {{ time }}: كل ما تفعله مسجَّل وسيُراجَع.',
    bannerHere: 'أنت تطّلع على هذه الحالة بوصول طارئ حتى {{ time }}.',
    request: 'طلب وصول طارئ (كسر الزجاج)',
    endNow: 'إنهاؤه الآن',
    review: {
      title: 'الوصول الطارئ',
      requester: 'طلبه',
      caseRef: 'مرجع الحالة',
      grantedAt: 'مُنح في',
      length: 'مُنح لمدة',
      until: 'حتى',
      sections: 'الأقسام',
      justification: 'المبرر',
      ended: 'الانتهاء',
      endedEarly: 'أُنهي قبل موعده، في {{ time }}',
      ranFull: 'استمر طوال المدة الممنوحة',
      stillLive: 'ما زال ساريًا',
      notShown: 'المبرر غير متاح.',
    },
    timelineWhy: 'السبب: {{ text }}',
  },
};
