-- V2: facts about the store itself. First use: a value sealed with the secret key at creation, so a start
-- with a different key fails at once with a clear message instead of at the first connection read.
CREATE CACHED TABLE IF NOT EXISTS store_meta (
    meta_key   VARCHAR(100) PRIMARY KEY,
    meta_value VARCHAR(8000) NOT NULL
);
