import type { AccountDictionary } from './en';

export const accountAr: AccountDictionary = {
  notice: {
    label: 'تنبيه بشأن حسابك',
    created: 'أنشأ {{ by }} حسابك في {{ at }} واطّلع على كلمة المرور المؤقتة الخاصة به.',
    reset: 'أعاد {{ by }} تعيين كلمة مرورك في {{ at }} واطّلع على كلمة المرور المؤقتة.',
    advice: 'إن لم تطلب ذلك، فأبلغ مسؤول حماية البيانات (المدقّق): كان بإمكان أي شخص يعرف تلك الكلمة أن يسجّل الدخول باسمك.',
    afterChange: 'يمكنك تعليم هذا التنبيه كمقروء بعد أن تختار كلمة مرورك الخاصة.',
    dismiss: 'اطّلعت على هذا',
  },
  flags: {
    title: 'تنبيهات للمراجعة',
    intro:
      'حسابات يمكنها الاطلاع على محتوى الحالات أنشأها مسؤول النظام أو أعاد تعيين كلمة مرورها أو منحها دورًا كهذا. اطّلع المسؤول على كلمة مرور مؤقتة للحساب: تحقّق من أن صاحبه طلب ذلك.',
    time: 'الوقت',
    account: 'الحساب',
    change: 'التغيير',
    by: 'بواسطة',
    status: 'الحالة',
    empty: 'لا توجد تنبيهات.',
    more: 'مزيد من التنبيهات',
    end: 'لا توجد تنبيهات أقدم.',
    fromRole: 'كان {{ role }}',
    changes: {
      created: 'إنشاء حساب',
      password_reset: 'إعادة تعيين كلمة المرور',
      role_changed: 'تغيير الدور',
    },
    kinds: {
      privileged_account_change: 'حساب يطّلع على الحالات',
      break_glass: 'وصول طارئ (كسر الزجاج)',
      off_hours_read: 'اطلاع خارج ساعات العمل',
      bulk_read: 'اطلاع على سجلات كثيرة في وقت قصير',
      repeated_denials: 'رفض متكرر',
      read_outside_assignment: 'اطلاع على حالة خارج التكليف (إنذار خلل)',
      checkpoint_stopped: 'توقّف نقاط التحقق',
      second_factor_reset_requested: 'طلب إعادة تعيين العامل الثاني',
      second_factor_reset_confirmed: 'تأكيد إعادة تعيين العامل الثاني',
    },
    statuses: { open: 'مفتوح', reviewed: 'تمت المراجعة', escalated: 'أُحيل للتصعيد' },
  },
};
