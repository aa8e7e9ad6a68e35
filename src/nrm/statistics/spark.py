"""The statistics engine on Apache Spark, through Ibis's PySpark backend: the same specs, for a
hub whose extract outgrows one machine (docs/statistics.md, "Engines").

``pyspark`` is an optional dependency (``pip install open-nrm[spark]``) with a Java runtime
(OpenJDK 17). ``master`` is any Spark master URL: ``local[*]`` (this machine, every core) or a
cluster's (``spark://host:7077``, ``yarn``).
"""

import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from ibis.backends import BaseBackend

NO_SPARK = (
    "the Spark engine needs PySpark and a Java runtime: install Open NRM with its spark extra "
    "(pip install 'open-nrm[spark]') and OpenJDK 17"
)
SETTINGS = {
    # The extracts are small per table next to what Spark is made for: few shuffle partitions.
    "spark.sql.shuffle.partitions": "8",
    "spark.ui.enabled": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}


class SparkMissing(RuntimeError):
    """PySpark (or Java) is not installed."""


def spark_connect(master: str = "local[*]") -> BaseBackend:
    """An Ibis backend on a Spark session at ``master`` (created, or the one running)."""
    try:
        import ibis
        from pyspark.sql import SparkSession
    except ImportError as missing:
        raise SparkMissing(NO_SPARK) from missing
    builder: Any = SparkSession.builder.master(master).appName("open-nrm-statistics")
    for key, value in SETTINGS.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as failed:  # no Java: PySpark raises its own error types
        raise SparkMissing(f"{NO_SPARK} ({failed})") from failed
    session.sparkContext.setLogLevel("ERROR")
    return ibis.pyspark.connect(session)


def spark_table(con: BaseBackend, source: pa.Table | Path, name: str) -> Any:
    """The extract as a table of the Spark session: a Parquet file read where it is (a path
    every executor can read, on a cluster), an Arrow table written to a temporary Parquet
    file first."""
    if isinstance(source, pa.Table):
        folder = Path(tempfile.mkdtemp(prefix="nrm-spark-"))
        path = folder / f"{name}.parquet"
        pq.write_table(source, path)
        source = path
    return con.read_parquet(str(source), table_name=name)
