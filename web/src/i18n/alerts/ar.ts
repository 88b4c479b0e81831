import type { AlertsDictionary } from './en';

export const alertsAr: AlertsDictionary = {
  alerts: {
    title: 'تنبيهاتي',
    intro:
      'اختر التنبيهات التي تصلك بالبريد الإلكتروني، فوراً أو في ملخص واحد كل صباح. لا تحمل التنبيهات أسماء ولا تفاصيل ملف: مرجعاً ورابطاً فقط.',
    kind: 'التنبيه',
    how: 'الطريقة',
    save: 'حفظ اختياراتي',
    saved: 'حُفظت اختياراتك.',
    emailOff: 'البريد الإلكتروني غير مُعدّ على هذا الخادم: تبقى التنبيهات داخل جسر (قائمة عملك).',
    kinds: {
      referral_to_screen: 'إحالة جديدة للفرز',
      assigned: 'ملف أُسند إليّ',
      onward_to_answer: 'إحالة على جهتي الرد عليها',
      reminder_due: 'أمر حان موعده في قائمة عملي',
      disclosure_expiring: 'إفصاح على وشك الانتهاء',
      break_glass: 'وصول طارئ إلى ملف',
      transfer_to_decide: 'ملف تقترح مدينة أخرى نقله إلى مدينتي',
    },
    modes: { off: 'متوقف', immediate: 'فوراً', digest: 'ملخص يومي' },
    delivery: 'إرسال التنبيهات',
    emailOn: 'تُرسل التنبيهات بالبريد الإلكتروني.',
    waiting: 'بانتظار الإرسال: {{ count }}',
    failed: 'تنبيهات تعذّر إرسالها',
    noneFailed: 'لا شيء.',
    reference: 'المرجع',
    created: 'أُنشئ',
    failedAt: 'أُوقف',
    retry: 'إعادة الإرسال',
    retried: 'سيُرسل التنبيه من جديد في الدورة التالية للإرسال.',
    retryOf: 'إعادة إرسال التنبيه {{ reference }}',
    attempts: 'المحاولات',
    error: 'رد خادم البريد',
  },
};
