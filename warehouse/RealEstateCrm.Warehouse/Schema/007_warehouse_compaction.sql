-- Each compaction of the warehouse (WarehouseDatabase.CompactAsync): when, and why (a load from nothing leaves it compact;
-- the nightly run compacts once a week; an administrator on demand). The loads leave deleted rows in place between them.
CREATE TABLE IF NOT EXISTS warehouse_compaction (compacted_at TIMESTAMP NOT NULL, reason VARCHAR NOT NULL);
