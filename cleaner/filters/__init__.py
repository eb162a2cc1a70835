"""The filter engine: rule packs (data, TOML) applied to a document's lines."""
