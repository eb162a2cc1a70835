"""Readers turn inputs (files, WARC records) into bytes plus a Source."""
