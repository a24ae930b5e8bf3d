#!/usr/bin/env python3
"""Rasad over a partitioned corpus with PySpark: one event per row, written as Parquet.

    python3 examples/spark/rasad_spark.py INPUT.jsonl[,MORE…] OUT_DIR [--mode udf|pipe] [--master local[2]]

INPUT is JSON Lines documents ({"id", "text", "published"?, "url"?, "outlet"?, "title"?}), one
or more files or a directory (Spark reads them as text, split into partitions); a line that is
not such a document stops the job with its file's line number and what is wrong (convert raw
text first, e.g. with `rasad extract` or a few lines of Python). Two ways to run:

  udf   (default) mapPartitions calls the Python package: rasad.pipe_jsonl over a partition's
        lines (batches in parallel inside each executor, without the GIL);
  pipe  each partition is piped through the `rasad extract --input jsonl` binary, a stateless
        filter (needs `rasad` on every executor's PATH, or --rasad PATH).

The rows are `rasad.events_table`'s, with its schema (`rasad.COLUMNS`): the columns of `rasad
export events`, then every actor, target and place as lists, and the days a date covers. The
printed seconds include Spark's start.

On a cluster, the same script runs with spark-submit (the wheel installed on every node, or
shipped with --py-files / a packed virtualenv; for pipe, the binary shipped with --files):

    spark-submit --master yarn --num-executors 50 examples/spark/rasad_spark.py hdfs:///news/*.jsonl hdfs:///rasad/events
"""
import argparse
import json
import os
import subprocess
import sys
import time

import rasad
from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, BooleanType, DoubleType, LongType, StringType, StructField, StructType

TYPES = {'str': StringType(), 'float': DoubleType(), 'bool': BooleanType(), 'int': LongType(),
         'list[str]': ArrayType(StringType()), 'list[float]': ArrayType(DoubleType())}
SCHEMA = StructType([StructField(name, TYPES[kind]) for name, kind, _ in rasad.COLUMNS])


def rows_of(rec, text=None):
    """The tuples of one record, in SCHEMA's order."""
    return [tuple(r[name] for name in rasad.COLUMN_NAMES) for r in rasad.event_rows(rec, text)]


def texts_of(lines):
    """id -> text of a partition's JSON Lines documents (for the `sentence` column)."""
    out = {}
    for line in lines:
        try:
            d = json.loads(line)
            out[d['id']] = d['text']
        except (ValueError, KeyError, TypeError):
            pass
    return out


def extract_partition(lines):
    import rasad  # imported on the executor
    lines = [line for line in lines if line.strip()]
    texts = texts_of(lines)
    try:
        for rec in rasad.pipe_jsonl(lines):
            yield from rows_of(rec, texts.get(rec['id']))
    except rasad.RasadInputError as e:
        raise ValueError(f'the input is not JSON Lines documents {{"id", "text", …}}: {e} (of this partition)') from None


def pipe_partition(rasad_bin):
    def run(lines):
        lines = [line for line in lines if line.strip()]
        if not lines:
            return
        docs = {}
        for n, line in enumerate(lines, start=1):
            try:
                d = json.loads(line)
                docs[d['id']] = d
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f'the input is not JSON Lines documents {{"id", "text", …}}: line {n} of this partition: {e}') from None
        res = subprocess.run([rasad_bin, 'extract', '--input', 'jsonl'], input='\n'.join(lines).encode('utf-8'), capture_output=True)
        if res.returncode not in (0, 1):
            raise RuntimeError(f'{rasad_bin} extract failed: {res.stderr.decode("utf-8", "replace")[-2000:]}')
        for out in res.stdout.decode('utf-8').splitlines():
            rec = json.loads(out)
            doc = docs.get(rec['id'], {})
            # The binary's records carry no document fields: add them from the input.
            for key in ('url', 'outlet', 'title'):
                if doc.get(key) is not None:
                    rec[key] = doc[key]
            yield from rows_of(rec, doc.get('text'))
    return run


def run(spark, inputs, out, mode='udf', rasad_bin='rasad'):
    lines = spark.sparkContext.textFile(inputs)
    rows = lines.mapPartitions(extract_partition if mode == 'udf' else pipe_partition(rasad_bin))
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
    t0 = time.perf_counter()
    # Local executors run this interpreter (where the rasad wheel is installed); on a cluster,
    # set PYSPARK_PYTHON to the nodes' interpreter.
    os.environ.setdefault('PYSPARK_PYTHON', sys.executable)
    spark = SparkSession.builder.master(a.master).appName('rasad').config('spark.ui.enabled', 'false').getOrCreate()
    spark.sparkContext.setLogLevel('ERROR')
    started = time.perf_counter()
    n = run(spark, a.input, a.out, a.mode, a.rasad)
    end = time.perf_counter()
    print(json.dumps({'events': n, 'seconds': round(end - t0, 2), 'spark_start_seconds': round(started - t0, 2),
                      'mode': a.mode, 'master': a.master}))
    spark.stop()


if __name__ == '__main__':
    main()
