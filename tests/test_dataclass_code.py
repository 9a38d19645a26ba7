"""govlint.dataclass_code: a dataclass made from stored code is the dataclass ``dataclasses`` makes."""

import dataclasses
import sys
from dataclasses import InitVar, field

import pytest

from govlint import dataclass_code

pytestmark = pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's dataclasses only")

METHODS = ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
           "__setattr__", "__delattr__")


@pytest.fixture
def hooked(tmp_path, monkeypatch):
    """The hook installed for this test only, storing under ``tmp_path``."""
    import govlint.entry_points

    monkeypatch.setattr(govlint.entry_points, "CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(dataclass_code, "_table", None)
    monkeypatch.setattr(dataclass_code, "_new", {})
    monkeypatch.delattr(dataclasses, "exec", raising=False)
    dataclass_code.install()
    yield tmp_path
    monkeypatch.delattr(dataclasses, "exec", raising=False)


def _classes():
    """A spread of what dataclasses generates: defaults, factories, frozen, slots, order, kw_only,
    InitVar and __post_init__, fields left out of init and repr."""

    @dataclasses.dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list = field(default_factory=list)

    @dataclasses.dataclass(frozen=True, order=True)
    class Frozen:
        a: int
        b: tuple = ()

    @dataclasses.dataclass(slots=True)
    class Slotted:
        a: int
        b: float = 0.5
        hidden: int = field(default=0, repr=False, compare=False)

    @dataclasses.dataclass(kw_only=True)
    class KeywordsOnly:
        a: int
        b: int = 2

    @dataclasses.dataclass
    class PostInit:
        a: int
        scale: InitVar[int] = 1
        total: int = field(init=False, default=0)

        def __post_init__(self, scale):
            self.total = self.a * scale

    return Plain, Frozen, Slotted, KeywordsOnly, PostInit


def _behaviour(classes):
    Plain, Frozen, Slotted, KeywordsOnly, PostInit = classes
    out = [repr(Plain(1)), Plain(1) == Plain(1, "x", []), Plain(1) == Plain(2),
           repr(Frozen(1, (2,))), Frozen(1) < Frozen(2), hash(Frozen(1)) == hash(Frozen(1)),
           repr(Slotted(3)), Slotted(3, hidden=1) == Slotted(3, hidden=2), Slotted.__slots__,
           repr(KeywordsOnly(a=1)), repr(PostInit(2, 5)), PostInit.__match_args__]
    try:
        Frozen(1).a = 2
    except dataclasses.FrozenInstanceError as exc:
        out.append(type(exc).__name__)
    try:
        KeywordsOnly(1)
    except TypeError as exc:
        out.append(str(exc))
    return out


def _code(cls):
    return {name: (fn.__code__.co_code, fn.__code__.co_consts, fn.__code__.co_names, fn.__code__.co_varnames)
            for name in METHODS if (fn := vars(cls).get(name)) is not None and hasattr(fn, "__code__")}


def test_stored_code_makes_the_same_classes(hooked, monkeypatch):
    plain = _classes()  # the hook is on: first run, compiled and kept
    assert dataclass_code._new
    dataclass_code.save()
    assert not dataclass_code._new and list(hooked.glob("dataclass-*.marshal"))
    dataclass_code._table = None  # a later run: every method from the file, nothing compiled
    compiled = []
    monkeypatch.setattr(dataclass_code, "compile", lambda *a, **k: compiled.append(a) or compile(*a, **k),
                        raising=False)
    stored = _classes()
    assert compiled == [] and not dataclass_code._new
    monkeypatch.delattr(dataclasses, "exec")  # and dataclasses on its own
    reference = _classes()
    assert _behaviour(stored) == _behaviour(plain) == _behaviour(reference)
    for mine, theirs in zip(stored, reference):
        assert _code(mine) == _code(theirs)


def test_a_damaged_file_means_compiling_as_usual(hooked):
    _classes()
    dataclass_code.save()
    [stored] = hooked.glob("dataclass-*.marshal")
    stored.write_bytes(b"\x00 not marshal")
    dataclass_code._table = None
    assert _behaviour(_classes()) == _behaviour(_classes())
    assert dataclass_code._new  # compiled again, to be stored again


def test_exec_without_namespaces_uses_the_callers_as_exec_does(hooked):
    seen = {}

    def run():
        local = 3
        dataclass_code._exec("seen['local'] = local")
    run.__globals__["seen"] = seen
    try:
        run()
    finally:
        del run.__globals__["seen"]
    assert seen == {"local": 3}
