/**
 * A labelled cross-script set for people.match (issue 14), synthetic: given names with the
 * spellings registers use (Arabic, then Maghreb French and Mashreq English transliterations), each
 * paired with a look-alike that is a DIFFERENT name sharing its consonants (محمد / محمود, حسن / حسين,
 * أمين / أمينة ...), and a family name of its own. No real person is meant. bench/match-quality.ts
 * turns it into people and queries; tests/people/match-quality.test.ts and `npm run bench` use it.
 */
type Word = readonly [arabic: string, ...latin: string[]];

/** [name, look-alike]: two different names a consonant skeleton cannot tell apart. */
export const LOOK_ALIKES: readonly (readonly [Word, Word])[] = [
  [
    ['محمد', 'Mohamed', 'Mohammed', 'Muhammad', 'Mouhamed'],
    ['محمود', 'Mahmoud', 'Mahmud', 'Mahmood'],
  ],
  [
    ['حسن', 'Hassan', 'Hasan', 'Hacen'],
    ['حسين', 'Hussein', 'Houcine', 'Hocine', 'Hussain'],
  ],
  [
    ['سعيد', 'Said', 'Saïd', 'Saeed'],
    ['سعد', 'Saad', 'Saâd', "Sa'd"],
  ],
  [
    ['أمين', 'Amine', 'Amin', 'Ameen'],
    ['أمينة', 'Amina', 'Aminah', 'Ameena'],
  ],
  [
    ['كريم', 'Karim', 'Kareem'],
    ['كريمة', 'Karima', 'Kareema', 'Karimah'],
  ],
  [
    ['جميل', 'Jamil', 'Djamil', 'Gamil'],
    ['جميلة', 'Jamila', 'Djamila', 'Gamila'],
  ],
  [
    ['سمير', 'Samir', 'Sameer'],
    ['سميرة', 'Samira', 'Sameera'],
  ],
  [
    ['نبيل', 'Nabil', 'Nabeel'],
    ['نبيلة', 'Nabila', 'Nabeela'],
  ],
  [
    ['عمر', 'Omar', 'Umar', 'Omer'],
    ['عمار', 'Ammar', 'Amar', "'Ammar"],
  ],
  [
    ['علي', 'Ali', 'Aly'],
    ['عالية', 'Alia', 'Aaliya', 'Aliya'],
  ],
  [
    ['أحمد', 'Ahmed', 'Ahmad', 'Ahmet'],
    ['حامد', 'Hamed', 'Hamid', 'Haamed'],
  ],
  [
    ['خالد', 'Khaled', 'Khalid'],
    ['خلود', 'Kholoud', 'Khulud', 'Khouloud'],
  ],
  [
    ['ناصر', 'Nasser', 'Nacer', 'Naser'],
    ['نصر', 'Nasr', 'Nassr'],
  ],
  [
    ['مريم', 'Meriem', 'Maryam', 'Mariam'],
    ['مرام', 'Maram', 'Marame'],
  ],
  [
    ['نور', 'Nour', 'Noor', 'Nur'],
    ['نورة', 'Noura', 'Nora', 'Nourah'],
  ],
  [
    ['هدى', 'Houda', 'Huda', 'Hoda'],
    ['هادي', 'Hadi', 'Hady'],
  ],
  [
    ['سلمى', 'Salma', 'Selma'],
    ['سالم', 'Salem', 'Saalem'],
  ],
  [
    ['سليم', 'Slim', 'Salim', 'Selim'],
    ['سليمة', 'Salima', 'Selima', 'Slima'],
  ],
  [
    ['رشيد', 'Rachid', 'Rashid', 'Rasheed'],
    ['رشيدة', 'Rachida', 'Rashida', 'Rasheeda'],
  ],
  [
    ['منير', 'Mounir', 'Munir'],
    ['منيرة', 'Mounira', 'Munira'],
  ],
  [
    ['عزيز', 'Aziz', 'Azeez'],
    ['عزيزة', 'Aziza', 'Azeeza'],
  ],
  [
    ['حليم', 'Halim', 'Haleem'],
    ['حليمة', 'Halima', 'Haleema'],
  ],
  [
    ['رحيم', 'Rahim', 'Raheem'],
    ['رحمة', 'Rahma', 'Rahmah'],
  ],
  [
    ['سامي', 'Sami', 'Samy'],
    ['سامية', 'Samia', 'Samiya'],
  ],
  [
    ['حنان', 'Hanane', 'Hanan'],
    ['حنين', 'Hanine', 'Haneen'],
  ],
  [
    ['إيمان', 'Imane', 'Iman', 'Eman'],
    ['أمان', 'Amane', 'Aman'],
  ],
  [
    ['سعاد', 'Souad', 'Suad'],
    ['سعيدة', 'Saida', 'Saïda', 'Saeeda'],
  ],
  [
    ['نادية', 'Nadia', 'Nadiya'],
    ['ندى', 'Nada', 'Nadaa'],
  ],
  [
    ['فريد', 'Farid', 'Fareed'],
    ['فريدة', 'Farida', 'Fareeda'],
  ],
  [
    ['لطيف', 'Latif', 'Lateef'],
    ['لطيفة', 'Latifa', 'Lateefa'],
  ],
  [
    ['شريف', 'Cherif', 'Sharif', 'Shareef'],
    ['شريفة', 'Cherifa', 'Sharifa'],
  ],
  [
    ['مالك', 'Malek', 'Malik'],
    ['مليكة', 'Malika', 'Maleeka'],
  ],
  [
    ['بشير', 'Bachir', 'Bashir', 'Basheer'],
    ['بشرى', 'Bouchra', 'Bushra'],
  ],
  [
    ['زكي', 'Zaki', 'Zaky'],
    ['زكية', 'Zakia', 'Zakiya'],
  ],
  [
    ['نجيب', 'Najib', 'Nejib', 'Nagib'],
    ['نجيبة', 'Najiba', 'Nejiba'],
  ],
  [
    ['حبيب', 'Habib', 'Habeeb'],
    ['حبيبة', 'Habiba', 'Habeeba'],
  ],
  [
    ['صالح', 'Saleh', 'Salih'],
    ['صلاح', 'Salah', 'Slah'],
  ],
  [
    ['ماجد', 'Majed', 'Majid'],
    ['مجدي', 'Majdi', 'Magdi'],
  ],
  [
    ['سهيل', 'Souhail', 'Suhail', 'Sohail'],
    ['سهيلة', 'Souhaila', 'Suhaila'],
  ],
  [
    ['زهرة', 'Zahra', 'Zohra'],
    ['زهير', 'Zouhir', 'Zuhair', 'Zoheir'],
  ],
  [
    ['منى', 'Mouna', 'Muna', 'Mona'],
    ['منية', 'Mounia', 'Munia'],
  ],
];

/** One family name per pair (the name and its look-alike share it, as siblings do): invented forms. */
export const FAMILIES: readonly Word[] = [
  ['الزغلامي', 'Zaghlami', 'El Zaghlami'],
  ['بن عياد', 'Ben Ayed', 'Bin Ayyad'],
  ['القلعي', 'Kalai', 'Al-Qalai'],
  ['المرزوقي', 'Marzouki', 'Al-Marzouqi'],
  ['الدريدي', 'Dridi', 'Al-Duraydi'],
  ['بوعزيزي', 'Bouazizi', 'Bu Azizi'],
  ['الفرجاني', 'Ferjani', 'Al-Farjani'],
  ['الحمامي', 'Hammami', 'El Hammami'],
  ['الجلاصي', 'Jlassi', 'Al-Jallasi'],
  ['التونسي', 'Tounsi', 'Al-Tunisi'],
  ['الورغي', 'Ouerghi', 'Al-Warghi'],
  ['بن حميدة', 'Ben Hmida', 'Bin Hamida'],
  ['السويسي', 'Souissi', 'Al-Suwaysi'],
  ['الرياحي', 'Riahi', 'Al-Riyahi'],
  ['العياري', 'Ayari', 'Al-Ayyari'],
  ['الطرابلسي', 'Trabelsi', 'Al-Tarabulsi'],
  ['المسعودي', 'Messaoudi', 'Al-Masoudi'],
  ['الشابي', 'Chebbi', 'Al-Shabbi'],
  ['القروي', 'Karoui', 'Al-Qarawi'],
  ['الزواري', 'Zouari', 'Al-Zawari'],
  ['البكوش', 'Bakkouche', 'Al-Bakkush'],
  ['النفاتي', 'Neffati', 'Al-Naffati'],
  ['الخياري', 'Khiari', 'Al-Khayyari'],
  ['المنستيري', 'Monastiri', 'Al-Munastiri'],
  ['الصيادي', 'Sayadi', 'Al-Sayyadi'],
  ['الغنوشي', 'Ghannouchi', 'Al-Ghannushi'],
  ['الهمامي', 'Hmami', 'Al-Humami'],
  ['البرقاوي', 'Barkaoui', 'Al-Barqawi'],
  ['الزريبي', 'Zribi', 'Al-Zuraybi'],
  ['القاسمي', 'Kasmi', 'Al-Qasimi'],
  ['المحجوبي', 'Mahjoubi', 'Al-Mahjubi'],
  ['الجبالي', 'Jebali', 'Al-Jabali'],
  ['العبيدي', 'Abidi', 'Al-Ubaydi'],
  ['الفقيه', 'Fekih', 'Al-Faqih'],
  ['الكوكي', 'Kouki', 'Al-Kuki'],
  ['الدالي', 'Dali', 'Al-Dali'],
  ['المثلوثي', 'Methlouthi', 'Al-Mathluthi'],
  ['بن رمضان', 'Ben Romdhane', 'Bin Ramadan'],
  ['الشرفي', 'Charfi', 'Al-Sharafi'],
  ['الحضري', 'Hadhri', 'Al-Hadri'],
  ['البجاوي', 'Bejaoui', 'Al-Bajawi'],
];

/** A full name's spellings: the Arabic form first, then each Latin spelling of the given name with a spelling of the family name. */
export function spellings(given: Word, family: Word): string[] {
  const latinFamily = family.slice(1);
  return [`${given[0]} ${family[0]}`, ...given.slice(1).map((g, i) => `${g} ${latinFamily[i % latinFamily.length]}`)];
}
