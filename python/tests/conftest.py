"""Shared inputs of the package's tests: the team's example articles and sentences written for
these tests."""
import os

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SHARED = os.path.join(ROOT, '..', 'shared')
RASAD_BIN = os.path.join(ROOT, 'target', 'release', 'rasad')

# Written for these tests: several actors, targets and places in one event; an arrest with a
# count and a weekday; talks between two ministers.
STRIKES = 'شنت الطائرات الروسية والسورية غارات على مدن إدلب وحلب وحماة أمس، وقتل 7 مدنيين بحسب الدفاع المدني.'
ARREST = 'اعتقلت قوات الأمن العراقية خمسة أشخاص في مدينة الموصل يوم الاثنين، حسب مصدر أمني.'
TALKS = 'التقى وزير الخارجية السعودي نظيره الأردني في عمان أمس، وبحثا الأوضاع في سوريا والعراق.'


@pytest.fixture(scope='session')
def examples():
    folder = os.path.join(ROOT, 'examples')
    names = sorted(f for f in os.listdir(folder) if f.endswith('.txt'))
    return [(n, open(os.path.join(folder, n), encoding='utf-8').read()) for n in names]
