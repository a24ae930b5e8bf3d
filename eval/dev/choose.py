#!/usr/bin/env python3
"""Chooses the development articles (run once; its output, articles.tsv, is committed).

    python3 eval/dev/choose.py [--shared ../shared] > eval/dev/articles.tsv

Draws, with a fixed seed, from ../shared/data:
- 40 conflict articles of SaudiNewsNet, at most 5 per outlet from 9+ outlets, half from articles
  whose words are mostly of violence (strikes, clashes, killings) and half from articles whose
  words are mostly of diplomacy (meetings, calls, statements, accusations, agreements);
- 30 articles of the SANAD (AlKhaleej) politics label;
- 40 non-conflict articles: 4 from each of the SANAD labels sports, finance, culture, tech and
  medical, and 4 from SaudiNewsNet for each of the same topics (chosen by topic words and no
  conflict or political word at all).
Only ids and locators are written; the text stays in ../shared and is read at run time.
"""
import argparse, glob, gzip, json, os, random, re, sys

VIOLENCE = ['قصف', 'غارة', 'غارات', 'اشتباك', 'اشتباكات', 'مقتل', 'قتلى', 'هجوم', 'تفجير', 'انتحاري',
            'مسلحين', 'المسلحين', 'استهدف', 'استهدفت', 'الحوثي', 'داعش', 'المعارك', 'معارك', 'اعتقال', 'سيطرة']
DIPLOMACY = ['وزير الخارجية', 'استقبل', 'التقى', 'اجتماع', 'محادثات', 'زيارة', 'اتصال', 'دعا', 'طالب',
             'أدان', 'اتهم', 'اتفاق', 'مفاوضات', 'قمة', 'بحث', 'أكد', 'رفض', 'السفير', 'مجلس الأمن', 'الأمم المتحدة']
POLITICAL = VIOLENCE + DIPLOMACY + ['قوات', 'الجيش', 'العسكري', 'الإرهاب', 'إرهابي', 'الأمن', 'الرئيس', 'الحكومة',
                                    'وزير', 'سوريا', 'اليمن', 'العراق', 'إيران', 'إسرائيل', 'الشرطة', 'مظاهرة', 'احتجاج']
TOPICS = {
    'sports': ['مباراة', 'الدوري', 'المنتخب', 'لاعب', 'اللاعب', 'نادي', 'النادي', 'المدرب', 'هدف'],
    'finance': ['الأسهم', 'المؤشر', 'السوق', 'أرباح', 'الشركة', 'تداول', 'النفط', 'مليار'],
    'culture': ['معرض', 'مهرجان', 'الثقافة', 'رواية', 'الشاعر', 'فيلم', 'الفنان', 'مسرح', 'كتاب'],
    'tech': ['تقنية', 'تطبيق', 'الهواتف', 'الإنترنت', 'أبل', 'سامسونج', 'الذكية', 'الحاسب', 'جوجل'],
    'medical': ['مستشفى', 'المرضى', 'طبي', 'الطبيب', 'فيروس', 'علاج', 'الصحة', 'مرض', 'جراحة'],
}


def count(text, words):
    return sum(len(re.findall(r'(?<![\u0621-\u064a])[وفبل]?' + re.escape(w) + r'(?![\u0621-\u064a])', text)) for w in words)


def corpora(shared):
    """SaudiNewsNet as [(day file, index, article, title and text)], SANAD as {label: [(id, text)]}."""
    snn = []
    for f in sorted(glob.glob(os.path.join(shared, 'data', 'saudinewsnet', '*.json.gz'))):
        for i, art in enumerate(json.load(gzip.open(f))):
            snn.append((os.path.basename(f), i, art, (art.get('title') or '') + '\n\n' + (art.get('content') or '')))
    if not snn:
        sys.exit('no SaudiNewsNet files under ' + shared)
    sanad = {}
    for line in gzip.open(os.path.join(shared, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz'), 'rt', encoding='utf-8'):
        r = json.loads(line)
        sanad.setdefault(r['label'], []).append((r['id'], r['text']))
    return snn, sanad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared'))
    a = ap.parse_args()
    rng = random.Random(20261129)
    articles, sanad = corpora(a.shared)
    snn = [(f, i, art.get('source'), text) for f, i, art, text in articles]
    rows = []
    # Conflict articles of SaudiNewsNet, by outlet.
    sports_outlets = {'arreyadi', 'arriyadiyah'}
    pools = {'violence': {}, 'diplomacy': {}}
    for f, i, outlet, text in snn:
        if outlet in sports_outlets or not 500 <= len(text) <= 5000:
            continue
        v, d = count(text, VIOLENCE), count(text, DIPLOMACY)
        if v >= 4 and v >= 2 * d:
            pools['violence'].setdefault(outlet, []).append((f, i))
        elif d >= 4 and d >= 2 * v and count(text, POLITICAL) >= 8:
            pools['diplomacy'].setdefault(outlet, []).append((f, i))
    per_outlet = {}
    for kind in ('violence', 'diplomacy'):
        outlets = sorted(pools[kind])
        rng.shuffle(outlets)
        for lst in pools[kind].values():
            rng.shuffle(lst)
        taken = 0
        while taken < 20:
            progressed = False
            for o in outlets:
                if taken >= 20:
                    break
                if per_outlet.get(o, 0) >= 5 or not pools[kind][o]:
                    continue
                f, i = pools[kind][o].pop()
                rows.append((f'snn-{f[:10]}-{i:04d}', 'saudinewsnet', f'{f}#{i}', 'conflict', kind, o))
                per_outlet[o] = per_outlet.get(o, 0) + 1
                taken += 1
                progressed = True
            if not progressed:
                break
    # SANAD politics.
    pol = [(sid, t) for sid, t in sanad['politics'] if 300 <= len(t) <= 4000]
    for sid, _ in rng.sample(pol, 30):
        rows.append((sid, 'sanad-khaleej', sid, 'politics', 'politics', 'alkhaleej'))
    # Non-conflict.
    for topic, words in TOPICS.items():
        cand = [(sid, t) for sid, t in sanad[topic] if 300 <= len(t) <= 4000 and count(t, POLITICAL) == 0]
        for sid, _ in rng.sample(cand, 4):
            rows.append((sid, 'sanad-khaleej', sid, 'nonconflict', topic, 'alkhaleej'))
        cand = [(f, i, o) for f, i, o, t in snn
                if 400 <= len(t) <= 4000 and count(t, words) >= 4 and count(t, POLITICAL) == 0]
        cand.sort()
        for f, i, o in rng.sample(cand, 4):
            rows.append((f'snn-{f[:10]}-{i:04d}', 'saudinewsnet', f'{f}#{i}', 'nonconflict', topic, o))
    print('# Rasad development articles: id, corpus, locator (file#index in the SaudiNewsNet day file, or the SANAD id),')
    print('# set (conflict | politics | nonconflict), stratum, outlet. Chosen by eval/dev/choose.py; text read from ../shared.')
    print('id\tcorpus\tlocator\tset\tstratum\toutlet')
    for r in rows:
        print('\t'.join(r))


if __name__ == '__main__':
    main()
