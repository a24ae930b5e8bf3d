#!/usr/bin/env python3
"""Writes quantities.tsv and times.tsv: the numbers-and-time test cases, written by the Rasad team.

Expected values come from this script's own Arabic number verbalizer and Python's datetime, not
from Rasad. Run it to regenerate both files (deterministic: fixed seed). License: CC0-1.0.
"""
import datetime as dt
import random

R = random.Random(20261122)

# ---------------------------------------------------------------- number words
UNITS_M = {1: 'واحد', 2: 'اثنان', 3: 'ثلاثة', 4: 'أربعة', 5: 'خمسة', 6: 'ستة', 7: 'سبعة', 8: 'ثمانية', 9: 'تسعة', 10: 'عشرة'}
UNITS_F = {1: 'واحدة', 2: 'اثنتان', 3: 'ثلاث', 4: 'أربع', 5: 'خمس', 6: 'ست', 7: 'سبع', 8: 'ثماني', 9: 'تسع', 10: 'عشر'}
UNITS_M_GEN = {**UNITS_M, 2: 'اثنين'}
TENS_NOM = {20: 'عشرون', 30: 'ثلاثون', 40: 'أربعون', 50: 'خمسون', 60: 'ستون', 70: 'سبعون', 80: 'ثمانون', 90: 'تسعون'}
TENS_GEN = {k: v[:-2] + 'ين' for k, v in TENS_NOM.items()}
HUNDREDS = {1: ['مئة', 'مائة'], 2: ['مئتان', 'مئتين', 'مائتي', 'مئتي'], 3: ['ثلاثمئة', 'ثلاثمائة', 'ثلاث مئة'], 4: ['أربعمئة', 'أربعمائة'],
            5: ['خمسمئة', 'خمسمائة'], 6: ['ستمئة', 'ستمائة'], 7: ['سبعمئة', 'سبعمائة'], 8: ['ثمانمئة', 'ثمانمائة'], 9: ['تسعمئة', 'تسعمائة']}


def below_100(n, fem=False, gen=False):
    units = UNITS_F if fem else (UNITS_M_GEN if gen else UNITS_M)
    tens = TENS_GEN if gen else TENS_NOM
    if n <= 10:
        return units[n]
    if n == 11:
        return 'إحدى عشرة' if fem else 'أحد عشر'
    if n == 12:
        return ('اثنتي عشرة' if gen else 'اثنتا عشرة') if fem else ('اثني عشر' if gen else 'اثنا عشر')
    if n < 20:
        return f"{units[n - 10]} {'عشرة' if fem else 'عشر'}"
    t, u = divmod(n, 10)
    if u == 0:
        return tens[t * 10]
    unit = (UNITS_F if fem else UNITS_M_GEN if gen else UNITS_M)[u] if u > 2 else ('إحدى' if fem else 'واحد') if u == 1 else ('اثنتين' if fem and gen else 'اثنتان' if fem else 'اثنين' if gen else 'اثنان')
    return f"{unit} و{tens[t * 10]}"


def below_1000(n, gen=False):
    h, r = divmod(n, 100)
    parts = []
    if h:
        parts.append(R.choice(HUNDREDS[h]) if h != 2 else ('مئتين' if gen else 'مئتان'))
    if r:
        parts.append(below_100(r, gen=gen))
    return ' و'.join(parts)


def thousands(n):
    k, r = divmod(n, 1000)
    if k == 1:
        head = 'ألف'
    elif k == 2:
        head = 'ألفان'
    elif k <= 10:
        head = f"{UNITS_M[k]} آلاف"
    elif k < 100:
        head = f"{below_100(k)} ألفا"
    else:
        head = f"{below_1000(k)} ألف"
    return head if r == 0 else f"{head} و{below_1000(r)}"


# Counted nouns: (form after 3-10, form after 11-99, form after 100+, unit key)
NOUNS = [('مقاتلين', 'مقاتلا', 'مقاتل', 'مقاتل'), ('جنود', 'جنديا', 'جندي', 'جندي'), ('عناصر', 'عنصرا', 'عنصر', 'عنصر'),
         ('مدنيين', 'مدنيا', 'مدني', 'مدني'), ('صواريخ', 'صاروخا', 'صاروخ', 'صاروخ'), ('أشخاص', 'شخصا', 'شخص', 'شخص'),
         ('ضباط', 'ضابطا', 'ضابط', 'ضابط')]
VERBS = {'مقاتل': ['وصل', 'قتل', 'انتشر', 'شارك'], 'جندي': ['وصل', 'قتل', 'أصيب', 'انسحب'], 'عنصر': ['اعتقل', 'قتل', 'أسر'],
         'مدني': ['قتل', 'أصيب', 'نزح'], 'صاروخ': ['أطلق', 'اعترض', 'سقط'], 'شخص': ['قتل', 'أصيب', 'اعتقل', 'نزح'], 'ضابط': ['قتل', 'اعتقل', 'وصل']}
# Feminine counted nouns take the feminine number words: (form after 3-10, after 11-99, after 100+, unit key, verbs)
FEM_NOUNS = [('غارات', 'غارة', 'غارة', 'غاره', ['شن', 'نفذ']), ('طائرات', 'طائرة', 'طائرة', 'طاءره', ['أسقط', 'شاركت']),
             ('دبابات', 'دبابة', 'دبابة', 'دبابه', ['دمر', 'دخلت']), ('قذائف', 'قذيفة', 'قذيفة', 'قذيفه', ['سقطت', 'أطلق'])]


def noun_for(n):
    a, b, c, key = R.choice(NOUNS)
    m = n % 100
    if 3 <= n <= 10:
        return a, key
    if 11 <= m <= 99:
        return b, key
    return c, key


def quantities():
    rows = []
    for n in list(range(3, 100)):
        noun, key = noun_for(n)
        rows.append(('words', f"{R.choice(VERBS[key])} {below_100(n)} {noun} في المنطقة", n, 'exact', key))
    for n in list(range(3, 100, 1)):
        if n % 4 and n > 20:
            continue
        a, b, c, key, verbs = R.choice(FEM_NOUNS)
        noun = a if n <= 10 else b
        rows.append(('words', f"{R.choice(verbs)} {below_100(n, fem=True)} {noun} على المدينة", n, 'exact', key))
    for n in [100, 200, 300, 345, 400, 512, 600, 750, 800, 999, 120, 230, 901]:
        noun, key = noun_for(n)
        rows.append(('words', f"{R.choice(VERBS[key])} {below_1000(n)} {noun}", n, 'exact', key))
    for n in [1000, 2000, 3000, 7000, 10000, 11000, 25000, 90000, 100000, 300000, 1200, 2500, 5300, 1250]:
        rows.append(('words', f"فر {thousands(n)} شخص من المدينة", n, 'exact', 'شخص'))
    for text, n in [('مليون نازح', 1e6), ('مليونا نازح', 1e6), ('مليونان من النازحين', 2e6), ('ثلاثة ملايين لاجئ', 3e6), ('مليار دولار', 1e9)]:
        rows.append(('words', f"أحصت الأمم المتحدة {text}", int(n), 'exact', '-'))
    digit_cases = [
        ('قتل 445 شخصا', 445, 'شخص'), ('وصل 1,500 جندي', 1500, 'جندي'), ('وصل ١٬٥٠٠ جندي', 1500, 'جندي'), ('نزح 1.5 مليون شخص', 1500000, 'شخص'),
        ('وصل 7 آلاف مقاتل', 7000, 'مقاتل'), ('يضم 90 ألفا من الجنود', 90000, 'جندي'), ('نزح ٢٥ ألفا', 25000, '-'), ('أطلق ۱۲ صاروخا', 12, 'صاروخ'),
        ('قتل ١٢ مدنيا', 12, 'مدني'), ('أصيب 3 أشخاص', 3, 'شخص'), ('أسر 40 عنصرا', 40, 'عنصر'), ('نفذ 10 هجمات', 10, 'هجوم'),
        ('شن 20 غارة', 20, 'غاره'), ('دمر 5 دبابات', 5, 'دبابه'), ('على بعد 40 كلم', 40, 'كلم'), ('ارتفعت النسبة إلى 35 بالمئة', 35, '%'),
        ('تراجع بنسبة 12%', 12, '%'), ('أطلق 2,350 قذيفة', 2350, 'قذيفه'), ('نزح ٣٫٥ مليون', 3500000, '-'), ('قتل 2 من الجنود', 2, 'جندي'),
        ('يبلغ عدد القوات 150 ألف جندي', 150000, 'جندي'), ('وصل 300 ألف لاجئ', 300000, 'لاجء'), ('جرح ٧ مدنيين', 7, 'مدني'),
        ('أحصى 1000 قتيل', 1000, 'قتيل'), ('سقط 18 قتيلا', 18, 'قتيل'), ('أصيب 62 جريحا', 62, 'جريح'), ('أطلق 4 مسيرات', 4, 'مسيره'),
        ('خسر 3 طائرات', 3, 'طاءره'), ('دخلت 50 شاحنة', 50, 'شاحنه'), ('وصل 15 مستشارا', 15, 'مستشار'),
    ]
    for text, n, unit in digit_cases:
        rows.append(('digits', text, n, 'exact', unit))
    fa_digits = str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')
    ar_digits = str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩')
    for _ in range(24):
        n = R.choice([R.randrange(3, 100), R.randrange(100, 1000), R.randrange(1000, 100000)])
        text = f"{n:,}" if n >= 1000 and R.random() < 0.5 else str(n)
        script = R.random()
        if script < 0.3:
            text = text.translate(ar_digits).replace(',', '٬')
        elif script < 0.4:
            text = text.translate(fa_digits).replace(',', '٬')
        noun, key = noun_for(n)
        if 11 <= n % 100 <= 99 or n < 11:
            noun, key = noun_for(n)
        rows.append(('digits', f"{R.choice(VERBS[key])} {text} {noun}", n, 'exact', key))
    for k, scale, word in [(12, 1000, 'ألفا'), (3, 1000, 'آلاف'), (4, 10**6, 'ملايين'), (2.5, 10**6, 'مليون'), (250, 1000, 'ألف'),
                           (6, 1000, 'آلاف'), (40, 1000, 'ألفا'), (1.2, 10**9, 'مليار'), (15, 1000, 'ألف'), (8, 1000, 'آلاف'),
                           (700, 1000, 'ألف'), (1.7, 10**6, 'مليون'), (20, 1000, 'ألف'), (5, 10**6, 'ملايين'), (65, 1000, 'ألفا')]:
        rows.append(('digits', f"نزح {k} {word} شخص", int(k * scale), 'exact', 'شخص'))
    vague = [('قتل عشرات المدنيين', 10, 'مدني'), ('العشرات من مقاتلي الحشد عبروا', 10, 'مقاتل'), ('وصل مئات من الجنود', 100, 'جندي'),
             ('نزح آلاف المدنيين', 1000, 'مدني'), ('فر الآلاف من السكان', 1000, '-'), ('شارك عشرات الآلاف في المسيرة', 10000, '-'),
             ('نزح مئات الآلاف', 100000, '-'), ('قتل بضعة جنود', 3, 'جندي'), ('أصيب بضع مدنيين', 3, 'مدني'), ('هجر ملايين السوريين', 1000000, '-'),
             ('اعتقل العشرات من الشبان', 10, '-'), ('دمرت المئات من المنازل', 100, '-'), ('قتل المئات من العناصر', 100, 'عنصر'),
             ('تظاهر الآلاف في الساحة', 1000, '-'), ('وصلت عشرات الآليات', 10, '-')]
    for text, n, unit in vague:
        rows.append(('vague', text, n, 'range', unit))
    mods = [('نحو', 'approx'), ('حوالي', 'approx'), ('قرابة', 'approx'), ('زهاء', 'approx'), ('ما يقارب', 'approx'), ('ما يناهز', 'approx'),
            ('أكثر من', 'at_least'), ('ما يزيد على', 'at_least'), ('ما لا يقل عن', 'at_least'), ('أزيد من', 'at_least'), ('ما يزيد عن', 'at_least'),
            ('أقل من', 'at_most'), ('لا يتجاوز', 'at_most')]
    for mod, bound in mods:
        for n, noun, key in [(445, 'قتيلا', 'قتيل'), (7000, 'مقاتل', 'مقاتل')]:
            num = str(n) if R.random() < 0.5 else thousands(n) if n >= 1000 else below_1000(n)
            rows.append(('modifiers', f"وصل {mod} {num} {noun}", n, bound, key))
    rows.append(('modifiers', 'قتل 30 شخصا تقريبا', 30, 'approx', 'شخص'))
    rows.append(('modifiers', 'أصيب قرابة خمسين مدنيا', 50, 'approx', 'مدني'))
    for a, b, noun, key in [(10, 20, 'غارة', 'غاره'), (100, 150, 'جنديا', 'جندي'), (3, 5, 'صواريخ', 'صاروخ'), (2000, 3000, 'مقاتل', 'مقاتل')]:
        rows.append(('modifiers', f"شن بين {a} و{b} {noun}", a, 'range', key))
    # Duals and fractions: the dual of a counted noun is two of it; fractions bind to a scale.
    for text, n, key in [('قتل جنديان في الهجوم', 2, 'جندي'), ('أعلن الجيش مقتل جنديين', 2, 'جندي'),
                         ('شنت الطائرات غارتين على البلدة', 2, 'غاره'), ('أسقطت الدفاعات الطائرتين', 2, 'طاءره'),
                         ('انفجرت عبوتان ناسفتان', 2, 'عبوه'), ('أصيب طفلان بجروح', 2, 'طفل'), ('خطف المسلحون ضابطين', 2, 'ضابط'),
                         ('فر مئتا شخص من القرية', 200, 'شخص'), ('نزح مئتا ألف نازح', 200000, 'نازح'), ('وصل ألفا جندي', 2000, 'جندي'),
                         ('استقبل الأردن نصف مليون لاجئ', 500000, 'لاجء'), ('نزح ربع مليون شخص', 250000, 'شخص'),
                         ('يعيش مليون ونصف لاجئ في لبنان', 1500000, 'لاجء'), ('نزح ثلاثة ملايين ونصف المليون شخص', 3500000, 'شخص'),
                         ('قتل خمسون ألفا من المدنيين', 50000, 'مدني')]:
        rows.append(('duals_fractions', text, n, 'exact', key))
    negatives = ['في عام 2006 وقع الاتفاق', 'نشر في 13-06-2018', 'آخر تحديث 13-06-2018 | 00:04', 'اتصل على الرقم 0501234567',
                 'في الرابع والعشرين من الشهر الماضي', 'أحد المقاتلين قال', 'إحدى الطائرات سقطت', 'منذ 2011 والحرب مستمرة',
                 'في الساعة 10:30 صباحا', 'الفرقة الرابعة تنتشر', 'للمرة الأولى منذ سنوات', 'الثاني من نوفمبر', 'حتى 2020',
                 'القرار 2254 الصادر عن مجلس الأمن', 'بتاريخ 2021/04/22', 'في 13/6/2018', 'الطريق الدولي M5', 'المادة الأولى من الاتفاق',
                 'العاشر من رمضان', 'الحادي عشر من سبتمبر', 'منذ مطلع 2019', 'خلال عام 2015', 'عام ٢٠٢٤', 'الجيل الثالث',
                 'في المرتبة الثانية', 'الدورة السابعة', 'المرحلة الأولى من العملية', 'هاتف 00963112345678', 'في العام 2009', 'لعام 2023',
                 'بحث العلاقات بين البلدين الشقيقين', 'أكد نصف السكان ذلك', 'أصاب القناصة المدنيين والمسلحين']
    for t in negatives:
        rows.append(('not_quantities', t, '-', '-', '-'))
    return rows


# ---------------------------------------------------------------- times
MONTHS = {
    'egypt': ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
    'levant': ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
    'maghreb': ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
}
WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']  # Monday = 0
AR_DIGITS = str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩')
ORDINALS = {1: 'الأول', 2: 'الثاني', 3: 'الثالث', 4: 'الرابع', 5: 'الخامس', 6: 'السادس', 7: 'السابع', 8: 'الثامن', 9: 'التاسع', 10: 'العاشر',
            11: 'الحادي عشر', 12: 'الثاني عشر', 15: 'الخامس عشر', 20: 'العشرين', 21: 'الحادي والعشرين', 24: 'الرابع والعشرين',
            25: 'الخامس والعشرين'}


def rand_date(y0=2011, y1=2025):
    start = dt.date(y0, 1, 1).toordinal()
    return dt.date.fromordinal(R.randrange(start, dt.date(y1, 12, 28).toordinal()))


def iso(d):
    return d.isoformat()


def times():
    rows = []
    for _ in range(24):
        d = rand_date()
        form = R.choice(['{d:02d}-{m:02d}-{y}', '{d}/{m}/{y}', '{y}/{m:02d}/{d:02d}', '{d:02d}.{m:02d}.{y}', '{y}-{m:02d}-{d:02d}'])
        text = form.format(d=d.day, m=d.month, y=d.year)
        if R.random() < 0.3:
            text = text.translate(AR_DIGITS)
        rows.append(('numeric', f"بتاريخ {text}", iso(rand_date()), iso(d)))
    # Hijri dates in digits, as Saudi and Gulf media write them (Umm al-Qura conversions).
    for text, exp in [('15/9/1445هـ', '2024-03-25'), ('1445/09/01 هـ', '2024-03-11'), ('١٠/١٢/١٤٤٥هـ', '2024-06-16'),
                      ('01-10-1444 هـ', '2023-04-21'), ('1/9/1443هـ', '2022-04-02'), ('1445/10/01هـ', '2024-04-10')]:
        rows.append(('numeric', f"بتاريخ {text}", '2024-12-01', exp))
    for region, names in MONTHS.items():
        for m in range(1, 13):
            d = dt.date(R.randrange(2011, 2025), m, R.randrange(1, 28))
            rows.append(('month_names', f"في {d.day} {names[m - 1]} {d.year}", iso(rand_date()), iso(d)))
    for m in [1, 4, 7, 9, 12]:
        d = dt.date(2018, m, 4)
        rows.append(('month_names', f"يوم {d.day} {MONTHS['egypt'][m - 1]} ({MONTHS['levant'][m - 1]}) {d.year}", '2019-01-01', iso(d)))
    for _ in range(16):
        d = rand_date()
        names = MONTHS[R.choice(list(MONTHS))]
        rows.append(('month_year', f"منذ {names[d.month - 1]} {d.year}", iso(rand_date()), f"{d.year}-{d.month:02d}"))
    for y in [2006, 2009, 2011, 2014, 2020]:
        rows.append(('year', f"وقع الاتفاق عام {y}", '2024-01-01', str(y)))
        rows.append(('year', f"في العام {y}", '2024-01-01', str(y)))
    for pub, text, exp in [('2015-10-06', 'العام الماضي', '2014'), ('2020-03-01', 'العام الجاري', '2020'), ('2020-03-01', 'العام المقبل', '2021'),
                           ('2021-06-01', 'خلال العام الماضي', '2020')]:
        rows.append(('year', text, pub, exp))
    for text, exp in [('في ١٥ رمضان ١٤٤٥ هـ', '2024-03-25'), ('يوم 1 رمضان 1445 هـ', '2024-03-11'), ('في 1 محرم 1446 هـ', '2024-07-07'),
                      ('يوم 10 ذو الحجة 1445', '2024-06-16'), ('في 1 شوال 1444 هـ', '2023-04-21'), ('في 1 رمضان 1443', '2022-04-02'),
                      ('في 1 شوال 1445 هـ', '2024-04-10'), ('في 1 رمضان 1444 هـ', '2023-03-23'), ('في 1 محرم 1445 هـ', '2023-07-19'),
                      ('في 1 رمضان 1436 هـ', '2015-06-18')]:
        rows.append(('hijri', text, '2024-12-01', exp))
    for _ in range(6):
        p = rand_date()
        for text, delta in [('اليوم.', 0), ('أمس', -1), ('أمس الأول', -2), ('قبل يومين', -2), ('غدا', 1)]:
            rows.append(('relative_day', f"قال المصدر {text}", iso(p), iso(p + dt.timedelta(days=delta))))
        n = R.randrange(3, 10)
        rows.append(('relative_day', f"وصلوا قبل {UNITS_M[n]} أيام", iso(p), iso(p - dt.timedelta(days=n))))
    for _ in range(28):
        p = rand_date()
        wd = R.randrange(7)
        back = (p.weekday() - wd) % 7
        form = R.choice(['يوم {w}', '{w} الماضي', 'فجر {w}', 'صباح {w}', 'مساء {w}', 'يوم {w} الماضي'])
        # "Last Thursday" read on a Thursday is a week before (issue 19).
        if back == 0 and 'الماضي' in form:
            back = 7
        want = p - dt.timedelta(days=back)
        rows.append(('weekday', f"وقع الهجوم {form.format(w=WEEKDAYS[wd])}", iso(p), iso(want)))
    for _ in range(6):
        p = rand_date()
        back = (p.weekday() - 4) % 7
        want = p - dt.timedelta(days=back) - dt.timedelta(days=1)
        rows.append(('weekday', 'وقع الهجوم ليلة الجمعة', iso(p), iso(want)))
    for _ in range(8):
        p = rand_date()
        monday = p - dt.timedelta(days=p.weekday())
        rows.append(('relative_period', 'اجتمعوا الأسبوع الماضي', iso(p), iso(monday - dt.timedelta(days=7))))
        first = p.replace(day=1)
        last = first - dt.timedelta(days=1)
        rows.append(('relative_period', 'خلال الشهر الماضي', iso(p), f"{last.year}-{last.month:02d}"))
        rows.append(('relative_period', 'في الشهر الجاري', iso(p), f"{p.year}-{p.month:02d}"))
    for _ in range(10):
        p = rand_date()
        m = R.randrange(1, 13)
        y = p.year if m < p.month else p.year - 1
        rows.append(('relative_period', f"في {MONTHS['egypt'][m - 1]} الماضي", iso(p), f"{y}-{m:02d}"))
    for _ in range(8):
        p = rand_date()
        m = R.randrange(1, 13)
        y = p.year if m < p.month else p.year - 1
        pre = R.choice(['أواخر', 'مطلع', 'منتصف', 'أوائل', 'نهاية', 'بداية'])
        rows.append(('relative_period', f"منذ {pre} {MONTHS['levant'][m - 1]} الماضي", iso(p), f"{y}-{m:02d}"))
    for _ in range(12):
        p = rand_date()
        day = R.choice([k for k in ORDINALS if k <= 28])
        first = p.replace(day=1)
        last = first - dt.timedelta(days=1)
        rows.append(('ordinal_day', f"في {ORDINALS[day]} من الشهر الماضي", iso(p), iso(last.replace(day=day))))
    for _ in range(6):
        d = rand_date()
        day = R.choice([k for k in ORDINALS if k <= 28])
        rows.append(('ordinal_day', f"في {ORDINALS[day]} من {MONTHS['egypt'][d.month - 1]} {d.year}", '2026-01-01', iso(d.replace(day=day))))
    for t in ['مارس الجيش ضغوطا كبيرة', 'قتل 445 شخصا', 'أحد المقاتلين', 'الجمعة الإسلامية', 'الأول من نوعه', 'صفر من المقاتلين عادوا',
              'آب المقاتل عن القتال', 'الرقم 2006 مسجل', 'يوم عصيب', 'في غضون ذلك', 'على مدار السنوات الماضية', 'الجيش الثاني',
              'المادة 12 من الدستور', 'قال إن الوضع اليوم في الشمال صعب', 'سبعة آلاف مقاتل',
              # Numbers that only look like dates: scores, phone and account numbers, decimals,
              # fractions, versions, resolutions.
              'نتيجة المباراة 2-1 لصالح الضيوف', 'للاستفسار اتصل على 920033360', 'هاتف المكتب 011-4567890',
              'ارتفع المؤشر 1.25 في المئة', 'بلغ سعر البرميل 85.40 دولارا', 'قرار مجلس الأمن 2254',
              'الرحلة رقم 7 إلى دمشق', 'نسبة 3/4 من الأصوات', 'ما بين 10 و15 قتيلا', 'الطابق 12 من المبنى رقم 3',
              'ارتفع عدد الإصابات إلى 1,250 حالة', 'الإصدار 2.1.3 من التطبيق', 'رقم الحساب 12-34-5678',
              'أصيب 3 من أصل 12 جنديا', 'سجل الزلزال 5.8 درجات على مقياس ريختر']:
        rows.append(('not_times', t, '2024-01-01', '-'))
    return rows


def write(path, header, rows):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(header)
        for r in rows:
            f.write('\t'.join(str(x) for x in r) + '\n')


if __name__ == '__main__':
    q = quantities()
    write('quantities.tsv', '# Quantity cases, written by the Rasad team (make_cases.py). CC0-1.0.\n'
          '# category\ttext\tvalue\tbound (exact, approx, at_least, at_most, range)\tunit (match key of the singular, or -)\n'
          '# value "-": the text holds no quantity.\n', q)
    t = times()
    write('times.tsv', '# Time cases, written by the Rasad team (make_cases.py). CC0-1.0.\n'
          '# category\ttext\tpublication date\texpected value (YYYY, YYYY-MM or YYYY-MM-DD; a Monday for weeks; - for none)\n', t)
    print(len(q), 'quantity cases,', len(t), 'time cases')
