import type { Prng } from './prng.js';

/**
 * Invented name combinations for synthetic people: each word in Arabic script with the Latin
 * spellings registers really use for it (Maghreb French, Mashreq English, Turkish-influenced).
 * No real person is meant: given names and family names are drawn independently.
 */
type Word = readonly [arabic: string, ...latin: string[]];

export const MALE: readonly Word[] = [
  ['محمد', 'Mohamed', 'Mohammed', 'Muhammad', 'Mohammad', 'Mouhamed'],
  ['أحمد', 'Ahmed', 'Ahmad', 'Ahmet'],
  ['يوسف', 'Youssef', 'Yousef', 'Yusuf', 'Youcef'],
  ['عمر', 'Omar', 'Umar', 'Omer'],
  ['علي', 'Ali', 'Aly'],
  ['حسن', 'Hassan', 'Hasan'],
  ['حسين', 'Hussein', 'Houcine', 'Hussain', 'Hocine'],
  ['خالد', 'Khaled', 'Khalid'],
  ['إبراهيم', 'Ibrahim', 'Brahim', 'Ebrahim'],
  ['عبد الرحمن', 'Abderrahmane', 'Abdul Rahman', 'Abdelrahman', 'Abdulrahman'],
  ['عبد الله', 'Abdallah', 'Abdullah', 'Abdellah'],
  ['كريم', 'Karim', 'Kareem'],
  ['سمير', 'Samir', 'Sameer'],
  ['حمزة', 'Hamza', 'Hamzah'],
  ['مصطفى', 'Mustafa', 'Moustafa', 'Mostafa'],
  ['طارق', 'Tarek', 'Tariq', 'Tarik'],
  ['بلال', 'Bilal', 'Belal'],
  ['أيوب', 'Ayoub', 'Ayub'],
  ['ياسين', 'Yassine', 'Yasin', 'Yacine'],
  ['رضا', 'Reda', 'Ridha', 'Rida'],
  ['سليم', 'Salim', 'Slim', 'Selim'],
  ['نبيل', 'Nabil', 'Nabeel'],
  ['وليد', 'Walid', 'Waleed', 'Oualid'],
  ['زكريا', 'Zakaria', 'Zakariya', 'Zakarya'],
  ['إسماعيل', 'Ismail', 'Ismael', 'Smail'],
  ['جمال', 'Jamal', 'Djamel', 'Gamal'],
  ['منير', 'Mounir', 'Munir'],
  ['عادل', 'Adel', 'Adil'],
  ['فارس', 'Fares', 'Faris'],
  ['مهدي', 'Mehdi', 'Mahdi'],
];

export const FEMALE: readonly Word[] = [
  ['فاطمة', 'Fatma', 'Fatima', 'Fatimah', 'Fatema'],
  ['عائشة', 'Aisha', 'Aicha', 'Aysha'],
  ['مريم', 'Mariam', 'Maryam', 'Meriem'],
  ['خديجة', 'Khadija', 'Khadidja'],
  ['زينب', 'Zainab', 'Zeineb', 'Zaynab'],
  ['نور', 'Nour', 'Noor', 'Nur'],
  ['ليلى', 'Leila', 'Layla', 'Laila'],
  ['سلمى', 'Salma', 'Selma'],
  ['هدى', 'Houda', 'Huda', 'Hoda'],
  ['أمينة', 'Amina', 'Aminah'],
  ['ياسمين', 'Yasmine', 'Yasmin'],
  ['سارة', 'Sara', 'Sarah'],
  ['رانيا', 'Rania', 'Ranya'],
  ['إيمان', 'Imane', 'Iman', 'Eman'],
  ['صفاء', 'Safa', 'Safaa'],
  ['سعاد', 'Souad', 'Suad'],
  ['نادية', 'Nadia', 'Nadiya'],
  ['حنان', 'Hanane', 'Hanan'],
  ['وفاء', 'Wafa', 'Wafaa'],
  ['رحمة', 'Rahma', 'Rahmah'],
];

export const FAMILY: readonly Word[] = [
  ['الحداد', 'Haddad', 'El Haddad', 'Al-Haddad'],
  ['المنصوري', 'Mansouri', 'El Mansouri', 'Al Mansouri'],
  ['بن سالم', 'Ben Salem', 'Bensalem', 'Bin Salem'],
  ['القاسمي', 'Kasmi', 'Al-Qasimi', 'El Kassimi'],
  ['السعدي', 'Saadi', 'Al-Saadi', 'Essaadi'],
  ['الطاهري', 'Tahiri', 'Taheri', 'Al-Tahiri'],
  ['بلحاج', 'Belhaj', 'Belhadj', 'Bel Hadj'],
  ['النوري', 'Nouri', 'Al-Nouri', 'Ennouri'],
  ['الشريف', 'Cherif', 'Sharif', 'Al-Sharif', 'Chérif'],
  ['العلوي', 'Alaoui', 'Al-Alawi', 'El Alaoui'],
  ['الخطيب', 'Khatib', 'El Khatib', 'Al-Khatib'],
  ['الحسيني', 'Husseini', 'Al-Husseini', 'El Houssaini'],
  ['الجبوري', 'Jabouri', 'Al-Jubouri', 'Al-Jabouri'],
  ['الزين', 'Zein', 'El Zein', 'Ezzine'],
  ['العمري', 'Omari', 'Al-Omari', 'El Amri'],
  ['الفاسي', 'Fassi', 'El Fassi', 'Al-Fasi'],
  ['الرفاعي', 'Rifai', 'Al-Rifai', 'Errifai'],
  ['درويش', 'Darwish', 'Derouiche', 'Darwiche'],
  ['يعقوبي', 'Yacoubi', 'Yaqubi', 'Yakoubi'],
  ['بوزيد', 'Bouzid', 'Bou Zid', 'Abu Zaid'],
  ['الصغير', 'Seghir', 'Al-Saghir', 'Esseghir'],
  ['المصري', 'Masri', 'El Masri', 'Al-Masri'],
  ['الشامي', 'Chami', 'Al-Shami', 'El Chami'],
  ['التميمي', 'Tamimi', 'Al-Tamimi', 'Ettamimi'],
  ['بن علي', 'Ben Ali', 'Benali', 'Bin Ali'],
  ['الغربي', 'Gharbi', 'El Gharbi', 'Al-Gharbi'],
  ['الساحلي', 'Sahli', 'Essahli', 'Al-Sahili'],
  ['بن يوسف', 'Ben Youssef', 'Benyoucef', 'Bin Yusuf'],
  ['الكعبي', 'Kaabi', 'Al-Kaabi', 'El Kaabi'],
  ['العطار', 'Attar', 'El Attar', 'Al-Attar'],
  ['الدباغ', 'Dabbagh', 'Debbagh', 'Al-Dabbagh'],
  ['البدوي', 'Badawi', 'Bedoui', 'El Badaoui'],
  ['الحلبي', 'Halabi', 'Al-Halabi', 'El Halabi'],
  ['الفخراني', 'Fakhrani', 'El Fakhrani'],
  ['بن عمر', 'Ben Omar', 'Benomar', 'Bin Omar'],
  ['العنابي', 'Annabi', 'El Annabi'],
  ['القرشي', 'Qurashi', 'Kurachi', 'El Korchi'],
  ['الهاشمي', 'Hachemi', 'Hashimi', 'Al-Hashemi'],
  ['الإدريسي', 'Idrissi', 'El Idrissi', 'Al-Idrisi'],
  ['الكردي', 'Kurdi', 'El Kurdi', 'Al-Kurdi'],
];

/** Names a register holds in Latin script only (newcomers from outside the Arabic-speaking world). */
export const LATIN_ONLY_GIVEN = [
  'Amadou',
  'Fatoumata',
  'Moussa',
  'Aminata',
  'Ibrahima',
  'Mariama',
  'Oumar',
  'Awa',
  'Dawit',
  'Selam',
  'Abdi',
  'Hodan',
  'Reza',
  'Shirin',
];
export const LATIN_ONLY_FAMILY = [
  'Diallo',
  'Traoré',
  'Coulibaly',
  'Keita',
  'Bah',
  'Sow',
  'Tesfaye',
  'Haile',
  'Warsame',
  'Farah',
  'Rahimi',
  'Karimi',
  'Ndiaye',
  'Camara',
];

export interface SyntheticName {
  arabic: string | null;
  latin: string | null;
  sex: 'female' | 'male';
}

/** Word variants: an Arabic word sometimes comes with tashkeel or tatweel, which matching must ignore. */
function arabicForm(rng: Prng, word: string): string {
  const r = rng.next();
  if (r < 0.03 && word.length > 2) return `${word.slice(0, 1)}ـ${word.slice(1)}`;
  if (r < 0.06) return word.replace('ا', 'أ');
  return word;
}

/**
 * One person's name: given name, often a father's name, a family name; written in Arabic only, in
 * Latin only (with one of the spellings in use), or both.
 */
export function syntheticName(rng: Prng): SyntheticName {
  const sex = rng.chance(0.5) ? 'male' : 'female';
  if (rng.chance(0.04)) {
    return { arabic: null, latin: `${rng.pick(LATIN_ONLY_GIVEN)} ${rng.pick(LATIN_ONLY_FAMILY)}`, sex };
  }
  const words: Word[] = [rng.pick(sex === 'male' ? MALE : FEMALE)];
  if (rng.chance(0.4)) words.push(rng.pick(MALE));
  words.push(rng.pick(FAMILY));
  const script = rng.weighted([
    ['both', 45],
    ['arabic', 35],
    ['latin', 20],
  ] as const);
  const arabic = script === 'latin' ? null : words.map((w) => arabicForm(rng, w[0])).join(' ');
  const latin = script === 'arabic' ? null : words.map((w) => rng.pick(w.slice(1) as string[])).join(' ');
  return { arabic, latin, sex };
}

/** Query names for matching benchmarks: the same invented combinations, spelt another way. */
export function queryNames(rng: Prng, n: number): { name: string; script: 'arabic' | 'latin' }[] {
  const out: { name: string; script: 'arabic' | 'latin' }[] = [];
  for (let i = 0; i < n; i++) {
    const words = [rng.pick(rng.chance(0.5) ? MALE : FEMALE), rng.pick(FAMILY)];
    if (i % 2 === 0) out.push({ name: words.map((w) => w[0]).join(' '), script: 'arabic' });
    else out.push({ name: words.map((w) => rng.pick(w.slice(1) as string[])).join(' '), script: 'latin' });
  }
  return out;
}
