"""`python -m cleaner.schema`: regenerate the shipped JSON Schema files from the field list."""

from __future__ import annotations

from cleaner.schema.jsonschema import write_files

for written in write_files():
    print(written)
