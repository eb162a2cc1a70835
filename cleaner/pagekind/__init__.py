"""What a page is (article, liveblog, media, index, other) and whether it is paywalled.

signals   evidence read from the parsed HTML tree (JSON-LD, og:type, links, teasers)
urlshape  evidence read from the URL (depth, slug, ids, dates, /tag/ and kin)
text      evidence read from the cleaned lines (length, sentences, time stamps)
model     the trained classifier (JSON weights, evaluated in plain Python)
access    paywall flags and consent walls
decide    the one call the pipeline makes: page_type and paywalled for a Document
"""
