namespace RealEstateCrm.Etl.Batch;

/// <summary>The dimension loads. Type-1 dimensions are recomputed from ods for the changed ids and keep
/// their surrogate key; new members get the next keys in id order, so a re-run hands out the same keys. A full load, into
/// emptied dimensions, inserts every member straight away with the keys the incremental statements would give.</summary>
internal static class Dimensions
{
    private sealed record TypeOne(string Dimension, string KeyColumn, string IdColumn, string Source, string Select)
    {
        /// <summary>The keys of the changed members before their rows are deleted and re-inserted: the keys a deleted member
        /// leaves behind; kept per dimension until the next run for the checks after the commit (<see cref="Rewritten"/>).</summary>
        public string KeysTable => $"keys_{Dimension}";
    }

    private static readonly TypeOne[] TypeOneDimensions =
    [
        new("dim_project", "project_key", "project_id", "project",
            "SELECT id AS project_id, code, name, city, district, launch_date, base_price_per_sqm FROM ods_project"),
        new("dim_building", "building_key", "building_id", "building",
            "SELECT id AS building_id, project_id, name, floors, planned_handover_date FROM ods_building"),
        new("dim_unit", "unit_key", "unit_id", "unit",
            "SELECT id AS unit_id, building_id, project_id, room_no, floor, stack_no, layout, bedrooms, area, orientation, list_price, status FROM ods_unit"),
        new("dim_campaign", "campaign_key", "campaign_id", "campaign",
            "SELECT id AS campaign_id, code, name, channel, project_id, cost, start_date, end_date, status FROM ods_campaign"),
        new("dim_sales_rep", "sales_rep_key", "user_id", "app_user",
            "SELECT id AS user_id, user_name, display_name, org_unit_id, is_supervisor, is_active FROM ods_app_user"),
        new("dim_agent", "agent_key", "agent_id", "agent",
            "SELECT id AS agent_id, user_id, agent_no, extension, seat_no FROM ods_agent"),
        new("dim_competitor", "competitor_key", "competitor_id", "competitor", "SELECT id AS competitor_id, name FROM ods_competitor"),
        new("dim_complaint_category", "complaint_category_key", "complaint_category_id", "complaint_category",
            "SELECT id AS complaint_category_id, parent_id, code, name, sla_hours, severity FROM ods_complaint_category"),
        new("dim_contractor", "contractor_key", "contractor_id", "contractor",
            "SELECT id AS contractor_id, name, contact_person FROM ods_contractor"),
    ];

    /// <summary>Dimensions whose members are the distinct values of a column in the source tables, never removed. Values reads
    /// the rows of a source table that may hold new values (its argument gives them as a FROM item for a table): in an
    /// incremental load only the changed ones, as every other row's value is a member already.</summary>
    private static readonly (string Dimension, string KeyColumn, string Column, string[] Sources, Func<Func<string, string>, string> Values)[] ValueDimensions =
    [
        ("dim_channel", "channel_key", "channel", ["lead", "campaign"],
            rows => $"SELECT channel FROM {rows("lead")} UNION SELECT channel FROM {rows("campaign")}"),
        ("dim_queue", "queue_key", "queue", ["call_record"], rows => $"SELECT queue FROM {rows("call_record")} WHERE queue IS NOT NULL"),
    ];

    /// <summary>The statements for the dimensions fed by the <paramref name="touched"/> source tables (those with changes
    /// in this run); the others are left as they are. <paramref name="full"/>: the dimensions are empty, every member is new.
    /// <paramref name="byId"/>: the tables whose changed rows the run read by id (<see cref="SourceTable.ChangedRows"/>).</summary>
    public static IEnumerable<string> Statements(IReadOnlySet<string> touched, bool full, IReadOnlySet<string> byId)
    {
        // dim_customer first, the most work of them: customers are read before leads and calls (SourceTable.Names), so its
        // SCD2 statements run while those are read instead of waiting behind dim_channel and dim_queue.
        if (touched.Contains("customer"))
        {
            yield return CustomerRows(SourceTable.ChangedRows("customer", full, byId));
            // In a full load dim_customer is empty: no current row to compare, correct or close.
            if (!full) foreach (var sql in CustomerChanges) yield return sql;
            yield return CustomerInsert(full);
        }
        foreach (var d in TypeOneDimensions.Where(d => touched.Contains(d.Source)))
        {
            if (full) yield return $"INSERT INTO {d.Dimension} SELECT row_number() OVER (ORDER BY r.{d.IdColumn}), r.* FROM ({d.Select}) r";
            else foreach (var sql in TypeOneStatements(d)) yield return sql;
        }
        foreach (var (dimension, key, column, _, values) in ValueDimensions.Where(d => d.Sources.Any(touched.Contains)))
            yield return $"""
                INSERT INTO {dimension}
                SELECT (SELECT coalesce(max({key}), 0) FROM {dimension}) + row_number() OVER (ORDER BY v.{column}), v.{column}
                FROM (SELECT DISTINCT * FROM ({values(source => SourceTable.ChangedRows(source, full, byId))})) v WHERE v.{column} NOT IN (SELECT {column} FROM {dimension})
                """;
    }

    private static IEnumerable<string> TypeOneStatements(TypeOne d)
    {
        var changed = Changed(d.Source);
        yield return $"CREATE OR REPLACE TEMP TABLE {d.KeysTable} AS SELECT {d.IdColumn}, {d.KeyColumn} FROM {d.Dimension} WHERE {d.IdColumn} IN {changed}";
        yield return $"DELETE FROM {d.Dimension} WHERE {d.IdColumn} IN {changed}";
        yield return $"""
            INSERT INTO {d.Dimension}
            SELECT coalesce(k.{d.KeyColumn}, top.k + row_number() OVER (PARTITION BY k.{d.KeyColumn} IS NULL ORDER BY r.{d.IdColumn})), r.*
            FROM ({d.Select}) r
            LEFT JOIN {d.KeysTable} k ON k.{d.IdColumn} = r.{d.IdColumn}
            CROSS JOIN (SELECT coalesce(max(x), 0) AS k FROM (SELECT {d.KeyColumn} AS x FROM {d.Dimension} UNION ALL SELECT {d.KeyColumn} FROM {d.KeysTable})) top
            WHERE r.{d.IdColumn} IN {changed}
            """;
    }

    private static string Changed(string source) => $"({SourceTable.ChangedIds(source)})";

    /// <summary>For the checks after an incremental run (<see cref="DataQualityScope"/>): each dimension whose members it
    /// rewrote, with the members' natural-key column, the query giving their ids and, for a type-1 dimension, the query giving
    /// the keys they had before (a member deleted in the run takes its key away from facts the run did not touch). dim_customer
    /// keeps every version's key: a run only closes versions.</summary>
    public static IEnumerable<(string Dimension, string IdColumn, string Ids, string? KeysBefore)> Rewritten(IReadOnlySet<string> touched)
    {
        foreach (var d in TypeOneDimensions.Where(d => touched.Contains(d.Source)))
            yield return (d.Dimension, d.IdColumn, SourceTable.ChangedIds(d.Source), $"SELECT {d.KeyColumn} FROM {d.KeysTable}");
        if (touched.Contains("customer")) yield return ("dim_customer", "customer_id", SourceTable.ChangedIds("customer"), null);
    }

    // Type 2: a change of segment, city, income band or assigned rep closes the current row at the customer's
    // updated_at and opens a new one; other attributes are corrected in place on the current row (only the rows where one
    // differs: most customer edits touch columns the dimension does not hold, and an update costs per row). A changed
    // customer missing from customer_rows (the changed ones still in the mirror) was deleted. The first
    // version is valid from 1900 so facts older than the customer record still find it.
    private static string CustomerRows(string changedCustomers) => $"""
        CREATE OR REPLACE TEMP TABLE customer_rows AS
        SELECT s.id AS customer_id, s.code, s.name, s.kind, s.gender, CAST(year(s.birth_date) AS SMALLINT) AS birth_year, s.family_size,
               s.segment, s.city, s.income_band, s.assigned_rep_user_id AS assigned_rep_id, s.updated_at
        FROM {changedCustomers} s
        """;

    // The changed customers' current rows are read from dim_customer once, into customer_current, and every later statement
    // compares against that small table: each statement that joined dim_customer itself decoded every compared column of
    // every row before its join kept the few changed ones. The updates then find their rows by customer_key alone.
    private static readonly string[] CustomerChanges =
    [
        $"""
        CREATE OR REPLACE TEMP TABLE customer_current AS
        SELECT d.customer_key, d.customer_id, d.code, d.name, d.kind, d.gender, d.birth_year, d.family_size,
               d.segment, d.city, d.income_band, d.assigned_rep_id
        FROM dim_customer d WHERE d.is_current AND d.customer_id IN ({SourceTable.ChangedIds("customer")})
        """,
        """
        CREATE OR REPLACE TEMP TABLE customer_versioned AS
        SELECT c.customer_key, r.customer_id, r.updated_at FROM customer_rows r JOIN customer_current c ON c.customer_id = r.customer_id
        WHERE c.segment IS DISTINCT FROM r.segment OR c.city IS DISTINCT FROM r.city
           OR c.income_band IS DISTINCT FROM r.income_band OR c.assigned_rep_id IS DISTINCT FROM r.assigned_rep_id
        """,
        """
        UPDATE dim_customer SET code = x.code, name = x.name, kind = x.kind, gender = x.gender, birth_year = x.birth_year, family_size = x.family_size
        FROM (SELECT c.customer_key, r.code, r.name, r.kind, r.gender, r.birth_year, r.family_size
              FROM customer_rows r JOIN customer_current c ON c.customer_id = r.customer_id
              WHERE c.code IS DISTINCT FROM r.code OR c.name IS DISTINCT FROM r.name OR c.kind IS DISTINCT FROM r.kind
                 OR c.gender IS DISTINCT FROM r.gender OR c.birth_year IS DISTINCT FROM r.birth_year OR c.family_size IS DISTINCT FROM r.family_size) x
        WHERE dim_customer.customer_key = x.customer_key
        """,
        // A new version closes the current row at the change; a deleted customer's row closes at the run.
        """
        UPDATE dim_customer SET valid_to = x.closed_at, is_current = false
        FROM (SELECT customer_key, updated_at AS closed_at FROM customer_versioned
              UNION ALL SELECT customer_key, getvariable('as_of') FROM customer_current WHERE customer_id NOT IN (SELECT customer_id FROM customer_rows)) x
        WHERE dim_customer.customer_key = x.customer_key
        """,
    ];

    // New customers and new versions get the next keys in id order; the rest of customer_rows already has its current row.
    // In a full load every row is a customer's first version.
    private static string CustomerInsert(bool full) => $"""
        INSERT INTO dim_customer
        SELECT (SELECT coalesce(max(customer_key), 0) FROM dim_customer) + row_number() OVER (ORDER BY r.customer_id),
               r.customer_id, r.code, r.name, r.kind, r.gender, r.birth_year, r.family_size, r.segment, r.city, r.income_band, r.assigned_rep_id,
               {(full ? "TIMESTAMP '1900-01-01'" : "coalesce(v.updated_at, TIMESTAMP '1900-01-01')")}, TIMESTAMP '9999-12-31', true
        FROM customer_rows r
        {(full ? "" : NewVersionsOnly)}
        """;

    private const string NewVersionsOnly = """
        LEFT JOIN customer_versioned v ON v.customer_id = r.customer_id
        WHERE v.customer_id IS NOT NULL OR r.customer_id NOT IN (SELECT customer_id FROM customer_current)
        """;
}
