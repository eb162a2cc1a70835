"""The few value types a record field can have; the schema files are generated from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ScalarKind = Literal["string", "integer", "number", "boolean"]


@dataclass(frozen=True)
class Scalar:
    """A JSON scalar; `null` allowed unless `nullable` is False; `enum` closes a string set."""

    kind: ScalarKind
    nullable: bool = True
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListOf:
    """A JSON array (never null: `[]` when empty)."""

    item: ValueType


@dataclass(frozen=True)
class Struct:
    """A JSON object with exactly these keys, in this order (never null)."""

    fields: tuple[Field, ...]

    def names(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True)
class Field:
    name: str
    type: ValueType
    doc: str
    # A value that rules and the role model may move out of the text into this field
    # (`move_to_field`, header lines): cleaner.metadata.fields derives its list from this.
    from_text: bool = False


ValueType = Scalar | ListOf | Struct

STRING = Scalar("string")
TEXT = Scalar("string", nullable=False)
INTEGER = Scalar("integer", nullable=False)
