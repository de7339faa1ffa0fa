-- Room on each page for HOT updates (heap-only tuples) of the rows the ingest pipeline rewrites on
-- every batch: a device's last-seen time, battery and link quality, and a resident's last activity.
-- None of those columns is indexed, so with free space on the page PostgreSQL updates the row in
-- place without touching the indexes. Measured with `npm run bench` (docs/performance.md): the
-- pipeline's per-batch device-status UPDATE of 1,000 rows over 128,672 devices took 30–42 ms at
-- the default fillfactor 100 and 11–22 ms at 50. Applies to pages written from now on; an existing
-- large table gains fully after `VACUUM FULL devices, residents` in a maintenance window.
ALTER TABLE devices SET (fillfactor = 50);
ALTER TABLE residents SET (fillfactor = 50);
