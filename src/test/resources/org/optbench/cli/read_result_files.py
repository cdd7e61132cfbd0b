"""Reads a result set as a researcher would (pandas), checking the columns' types and values.

Usage: read_result_files.py EXPECTED_JSON
EXPECTED_JSON names the result folder, the steps.csv export, each CSV file's column kinds
(string, int, float, bool) from optbench's schemas, and the learning rates the spec wrote.
Prints one line per problem and exits 1, or prints "ok" and exits 0.
"""
import json
import os
import sys
from decimal import Decimal

import pandas as pd

expected = json.load(open(sys.argv[1]))
results = expected["results"]
attributes = set(dir(pd.DataFrame))
problems = []

KINDS = {
    "string": lambda d: pd.api.types.is_string_dtype(d),
    "int": lambda d: pd.api.types.is_integer_dtype(d),
    "float": lambda d: pd.api.types.is_float_dtype(d),
    "bool": lambda d: pd.api.types.is_bool_dtype(d),
}


def check_columns(name, frame, kinds):
    for column in frame.columns:
        if column in attributes:
            problems.append(f"{name}: column {column} is an attribute of pandas.DataFrame")
        kind = kinds.get(column)
        if kind is None:
            problems.append(f"{name}: column {column} is not in optbench's schema")
            continue
        # A column empty in every row carries no type in CSV; pandas reads it as all-NA.
        if frame[column].isna().all():
            continue
        if not KINDS[kind](frame[column].dtype):
            problems.append(f"{name}: column {column} is {frame[column].dtype}, expected {kind}")


frames = {}
files = {f: os.path.join(results, f) for f in sorted(os.listdir(results)) if f.endswith(".csv")}
files["steps.csv"] = expected["steps_csv"]
for name, path in files.items():
    frame = pd.read_csv(path, dtype_backend="numpy_nullable")
    frames[name] = frame
    check_columns(name, frame, expected["kinds"][name])

runs = frames["runs.csv"]
if str(runs["diverged_step"].dtype) != "Int64":
    problems.append(f"runs.csv: diverged_step is {runs['diverged_step'].dtype}, expected Int64")
if not (runs["diverged_step"].isna() == ~runs["diverged"]).all():
    problems.append("runs.csv: diverged_step is not empty exactly where diverged is false")
if not runs["diverged"].any():
    problems.append("runs.csv: no run diverged, so the non-empty diverged_step went unchecked")

# The learning rates as text, exactly as written: each is the decimal of a spec value.
text = pd.read_csv(os.path.join(results, "runs.csv"), dtype=str, keep_default_na=False)
written = {Decimal(v) for v in text["optimizer_lr"]}
spec = {Decimal(v) for v in expected["spec_lr"]}
if written != spec:
    problems.append(f"runs.csv: optimizer_lr holds {sorted(text['optimizer_lr'].unique())},"
                    f" the spec {expected['spec_lr']}")
if "0.1" not in set(text["optimizer_lr"]):
    problems.append("runs.csv: optimizer_lr 0.1 is not written as the text 0.1")

# Constant schedule: every step's learning_rate is the run's optimizer_lr, to the last digit.
steps_text = pd.read_csv(expected["steps_csv"], dtype=str, keep_default_na=False)
differ = steps_text[steps_text["learning_rate"] != steps_text["optimizer_lr"]]
if len(differ):
    row = differ.iloc[0]
    problems.append(f"steps.csv: learning_rate {row['learning_rate']} at step {row['step']}"
                    f" of a constant schedule, but optimizer_lr {row['optimizer_lr']}")

parquet = pd.read_parquet(os.path.join(results, "steps.parquet"))
for column in parquet.columns:
    if column in attributes:
        problems.append(f"steps.parquet: column {column} is an attribute of pandas.DataFrame")
for column, dtype in {"run_id": "string", "step": "int", "loss": "float", "clipped": "bool",
                      "learning_rate": "float", "eval_loss": "float"}.items():
    if not KINDS[dtype](parquet[column].dtype):
        problems.append(f"steps.parquet: {column} is {parquet[column].dtype}, expected {dtype}")
lr = parquet.merge(runs[["run_id", "optimizer_lr"]].astype({"run_id": "string"}), on="run_id")
if not (lr["learning_rate"] == lr["optimizer_lr"].astype("float64")).all():
    problems.append("steps.parquet: learning_rate differs from the run's optimizer_lr")
evaluated = parquet[parquet["step"] % expected["eval_every"] == 0]
if parquet["eval_loss"].isna().sum() == 0 or evaluated["eval_loss"].notna().sum() == 0:
    problems.append("steps.parquet: eval_loss is not missing between evaluations only")

print("\n".join(problems) if problems else "ok")
sys.exit(1 if problems else 0)
