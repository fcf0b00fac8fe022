-- A thumbnail's size beside its key: the visit pack lists what keeping each preview on the asesor's
-- phone costs (issue 13) without a head request to R2 per evidence item. Earlier thumbnails keep a
-- null size and the pack asks R2 for those once.
ALTER TABLE `blobs` ADD `thumbnail_size` integer;
