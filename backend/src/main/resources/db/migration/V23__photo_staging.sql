-- Photo files on their way in. A submission writes a row for each of its files before storing
-- it, and the transaction that records the report deletes the rows of the files it now uses. A
-- row left behind for a while belongs to a submission that failed and could not clean up (a
-- crash, the database away at that moment): the photo sweep removes its file, and only such
-- files of this installation are ever removed. The storage is never listed, so installations
-- or databases sharing one folder or bucket never remove each other's photos.
CREATE TABLE photo_staging (
    id         uuid        PRIMARY KEY,
    ward_id    uuid        NOT NULL REFERENCES ward (id),
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- The file's stamp (when it was last written) if this staging created it; null while the
    -- write runs or when the file was there already, which is then never removed on its account.
    file_stamp text,
    staged_at  timestamptz NOT NULL
);

CREATE INDEX photo_staging_ward_sha256 ON photo_staging (ward_id, sha256);
CREATE INDEX photo_staging_staged_at ON photo_staging (staged_at, id);
