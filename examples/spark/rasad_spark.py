#!/usr/bin/env python3
"""Rasad over a partitioned corpus with PySpark: one event per row, written as Parquet.

    python3 examples/spark/rasad_spark.py INPUT.jsonl[,MORE…] OUT_DIR [--mode udf|pipe] [--master local[2]]

INPUT is JSON Lines documents ({"id", "text", "published"?, "url"?, "outlet"?, "title"?}), one
or more files or a directory (Spark reads them as text, split into partitions). Two ways to run:

  udf   (default) mapPartitions calls the Python package: rasad.extract_jsonl on batches of a
        partition's lines (parallel inside each executor, without the GIL);
  pipe  each partition is piped through the `rasad extract --input jsonl` binary, a stateless
        filter (needs `rasad` on every executor's PATH, or --rasad PATH).

On a cluster, the same script runs with spark-submit (the wheel installed on every node, or
shipped with --py-files / a packed virtualenv; for pipe, the binary shipped with --files):

    spark-submit --master yarn --num-executors 50 examples/spark/rasad_spark.py hdfs:///news/*.jsonl hdfs:///rasad/events
"""
import argparse
import json
import os
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField, StructType

SCHEMA = StructType([
    StructField('doc_id', StringType()),
    StructField('event', IntegerType()),
    StructField('type', StringType()),
    StructField('mode', StringType()),
    StructField('status', StringType()),
    StructField('date', StringType()),
    StructField('precision', StringType()),
    StructField('actor', StringType()),
    StructField('actor_id', StringType()),
    StructField('target', StringType()),
    StructField('target_id', StringType()),
    StructField('place', StringType()),
    StructField('lat', DoubleType()),
    StructField('lon', DoubleType()),
    StructField('quantity', DoubleType()),
    StructField('unit', StringType()),
    StructField('source', StringType()),
    StructField('trigger', StringType()),
    StructField('trigger_start', IntegerType()),
    StructField('sentence_start', IntegerType()),
    StructField('sentence_end', IntegerType()),
    StructField('published', StringType()),
])

BATCH = 256


def rows_of(rec):
    """One tuple per event of an extract record (docs/output.md), in SCHEMA's order."""
    for i, e in enumerate(rec['events']):
        first = lambda xs: xs[0] if xs else {}  # noqa: E731
        a, t = first(e['actors']), first(e['targets'])
        p = next((x for x in e['places'] if 'lat' in x), first(e['places']))
        d, q, s = e.get('date') or {}, e.get('quantity') or {}, e.get('source') or {}
        yield (rec['id'], i, e['type'], e.get('mode'), e['status'], d.get('value'), d.get('precision'),
               a.get('name') or a.get('text'), a.get('id'), t.get('name') or t.get('text'), t.get('id'),
               p.get('name') or p.get('text'), p.get('lat'), p.get('lon'),
               float(q['value']) if 'value' in q else None, q.get('unit'), s.get('name') or s.get('text'),
               e['trigger']['text'], e['trigger']['start'], e['sentence']['start'], e['sentence']['end'], rec.get('published'))


def extract_partition(lines):
    import rasad  # imported on the executor
    batch = []
    for line in lines:
        if line.strip():
            batch.append(line)
        if len(batch) == BATCH:
            for rec in rasad.extract_jsonl(batch):
                yield from rows_of(rec)
            batch = []
    if batch:
        for rec in rasad.extract_jsonl(batch):
            yield from rows_of(rec)


def run(spark, inputs, out, mode='udf', rasad_bin='rasad'):
    lines = spark.sparkContext.textFile(inputs)
    if mode == 'udf':
        rows = lines.mapPartitions(extract_partition)
    else:
        rows = lines.pipe(f'{rasad_bin} extract --input jsonl').flatMap(lambda l: rows_of(json.loads(l)))
    df = spark.createDataFrame(rows, SCHEMA)
    df.write.mode('overwrite').parquet(out)
    return spark.read.parquet(out).count()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('input')
    ap.add_argument('out')
    ap.add_argument('--mode', choices=['udf', 'pipe'], default='udf')
    ap.add_argument('--master', default='local[2]')
    ap.add_argument('--rasad', default='rasad')
    a = ap.parse_args()
    # Local executors run this interpreter (where the rasad wheel is installed); on a cluster,
    # set PYSPARK_PYTHON to the nodes' interpreter.
    os.environ.setdefault('PYSPARK_PYTHON', sys.executable)
    spark = SparkSession.builder.master(a.master).appName('rasad').config('spark.ui.enabled', 'false').getOrCreate()
    spark.sparkContext.setLogLevel('ERROR')
    t0 = time.perf_counter()
    n = run(spark, a.input, a.out, a.mode, a.rasad)
    print(json.dumps({'events': n, 'seconds': round(time.perf_counter() - t0, 2), 'mode': a.mode, 'master': a.master}))
    spark.stop()


if __name__ == '__main__':
    main()
