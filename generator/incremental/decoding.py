"""Typed values rebuilt from JSON: the model's frozen dataclasses, tuples, optionals and
scalars, as the cache stores them. It must never run code named by the data (no pickle)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints


def decode(cls: Any, data: Any) -> Any:
    """Rebuild a value of type `cls` (a model dataclass, tuple, optional or scalar) from JSON data."""
    return _decoder(cls)(data)


@cache
def _decoder(cls: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of type `cls`, made once per type: a warm build decodes
    thousands of digests, and asking what each field's type is for every value costs more."""
    origin, args = get_origin(cls), get_args(cls)
    if origin in (Union, UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is _same else lambda data: tuple(map(item, data))
        items = tuple(_decoder(a) for a in args)
        return lambda data: tuple(f(v) for f, v in zip(items, data, strict=True))
    if is_dataclass(cls):
        hints = get_type_hints(cls)
        named = tuple((f.name, _decoder(hints[f.name])) for f in fields(cls))
        make: Any = cls
        return lambda data: make(**{name: f(data[name]) for name, f in named if name in data})
    return _same


def _same(data: Any) -> Any:
    return data
