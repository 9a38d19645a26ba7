"""A run's store, opened the way the command line asks: cached, temporary, or in memory.

The cache is a convenience: every way it can fail (a folder that cannot be written, a file
that is not a database or not govlint's) costs one warning and the run goes on with a
temporary store, which keeps the corpus rules' facts on disk for this run only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govlint.store.database import Store, StoreUnusable
from govlint.store.incremental import Incremental
from govlint.store.keys import run_key
from govlint.store.location import DATABASE_NAME, default_cache_dir, prepare


def open_run_store(config, checker, max_size: int, cache_dir: str | None,
                   no_cache: bool, warn: Callable[[str], None]) -> Incremental:
    store = None
    if not no_cache:
        folder = Path(cache_dir) if cache_dir else default_cache_dir(config.path)
        problem = prepare(folder)
        if problem:
            warn(f"无法使用缓存目录 {folder}（{problem}），本次运行不使用缓存")
        else:
            try:
                store = Store(folder / DATABASE_NAME)
            except StoreUnusable as exc:
                warn(f"缓存文件 {folder / DATABASE_NAME} 已忽略: {exc}；删除该文件即可重建缓存")
    use_cache = store is not None
    if store is None:
        try:
            store = Store.open_temporary()
        except (OSError, StoreUnusable):
            store = Store(Path(":memory:"), temporary=True)
    key = run_key(checker) if use_cache else ""
    return Incremental(store, key, max_size, use_cache=use_cache, warn=warn)
