"""The run engine: one way to run the pipeline over many inputs, for every executor.

    items (readers.items) -> resume (NotDone) -> pool (time-limited processes) -> sink

`local` runs it in this process tree, `shard` over one shard on any cluster worker (`dask`
maps it), and `cleaner fetch` feeds fetched pages to the same pool and sink. Changing a policy
(the time limit, where rejects go, the summary) means changing one module here.
"""
