#!/usr/bin/env python3
"""Reads a result set's steps.parquet with pyarrow, pandas, polars and DuckDB, without optbench.

Usage: read_steps_parquet.py RESULTS_DIR [RESULTS_DIR_WITH_STEPS_CSV]

Prints each reader's row count and the run labels joined from runs.csv. With a second folder that
holds the same runs as steps.csv (e.g. written by `optbench export`), also checks that every
value agrees (NaN with NaN) after the join, column by column.
"""
import math
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq


def main(folder: Path, csv_folder: Path | None) -> None:
    steps = folder / "steps.parquet"
    runs = folder / "runs.csv"
    table = pq.read_table(steps)
    print(f"pyarrow: {table.num_rows} rows, schema {table.schema.names}")
    meta = pq.ParquetFile(steps).metadata
    column = meta.row_group(0).column(2) if meta.num_row_groups else None
    if column is not None:
        print(f"  compression {column.compression}, encodings {column.encodings}")
    frame = pd.read_parquet(steps).merge(
        pd.read_csv(runs, float_precision="round_trip"), on="run_id", how="left")
    print(f"pandas: {len(frame)} rows, optimizers {sorted(frame['optimizer'].unique())}")
    lazy = pl.scan_parquet(steps).join(pl.scan_csv(runs), on="run_id", how="left")
    last = lazy.group_by("optimizer").agg(pl.col("loss").last()).sort("optimizer").collect()
    print(f"polars: last loss per optimizer\n{last}")
    count = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{steps}') s JOIN read_csv('{runs}') r USING (run_id)"
    ).fetchone()[0]
    print(f"duckdb: {count} rows joined with runs.csv")
    assert table.num_rows == len(frame) == count
    if csv_folder is not None:
        compare(frame, pd.read_csv(csv_folder / "steps.csv", float_precision="round_trip"))


def compare(joined: pd.DataFrame, flat: pd.DataFrame) -> None:
    """Every column of the flat steps.csv against steps.parquet joined with runs.csv."""
    assert len(joined) == len(flat), (len(joined), len(flat))
    for name in flat.columns:
        a, b = joined[name].tolist(), flat[name].tolist()
        for x, y in zip(a, b):
            same = x == y or (isinstance(x, float) and isinstance(y, float)
                              and math.isnan(x) and math.isnan(y))
            assert same, f"column {name}: {x!r} != {y!r}"
    print(f"steps.csv: all {len(flat.columns)} columns of {len(flat)} rows agree")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
