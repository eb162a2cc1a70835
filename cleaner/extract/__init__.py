"""Extraction: HTML to text (trafilatura) and text normalisation."""
