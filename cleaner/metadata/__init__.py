"""Metadata from text and pages: header fields, dates, authors, language."""
