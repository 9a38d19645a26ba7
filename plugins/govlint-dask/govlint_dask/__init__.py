"""govlint-dask: ``govlint check --executor dask`` runs the per-file stage on a dask cluster.

Registering costs nothing: dask is imported only when a run chooses this executor.
"""

from govlint.api import hookimpl


@hookimpl
def govlint_register_executors(register):
    from govlint_dask.executor import DaskExecutor

    register(DaskExecutor())
