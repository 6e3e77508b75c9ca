-- V3: how many times each record has been claimed. A record claimed for the first time cannot have reached a
-- remote before, so sinks may skip their look-before-create search (one remote call per record); a record
-- claimed again (a retry, or a lease released after a crash) may have, and gets the search.
ALTER TABLE sync_record ADD COLUMN IF NOT EXISTS claims INTEGER DEFAULT 0 NOT NULL;
