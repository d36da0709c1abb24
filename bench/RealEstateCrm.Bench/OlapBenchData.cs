using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>A synthetic warehouse for the <c>olap</c> suite, generated inside DuckDB with range(): 10M calls over
/// 2025–2026 in time order, as nightly loads append them (8 queues, 300 agents, 80% inbound, ~8% abandoned), 500k work orders and 60k contracts over
/// 12 projects in 4 cities. Keys are drawn from hash(i), so every run builds the same rows.</summary>
internal static class OlapBenchData
{
    public const long Calls = 10_000_000;

    public static async Task FillAsync(WarehouseDatabase warehouse)
    {
        await warehouse.EnsureDatesAsync(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        await warehouse.ExecuteAsync("""
            INSERT INTO dim_queue SELECT i, ['售前咨询', '售后服务', '投诉', '物业报修', '按揭', '交房', 'VIP', '外呼回访'][i] FROM range(1, 9) t(i);
            INSERT INTO dim_agent SELECT i, uuid(), uuid(), 'A' || lpad(CAST(i AS VARCHAR), 4, '0'), CAST(8000 + i AS VARCHAR), NULL FROM range(1, 301) t(i);
            INSERT INTO dim_project SELECT i, uuid(), 'P' || i, ['滨江壹号', '西溪云庐', '钱塘春晓', '浦江华庭', '前滩悦府', '天河湾', '珠江御景', '南山印', '前海府', '之江府', '临平新城', '陆家嘴壹号'][i],
                   ['杭州', '杭州', '杭州', '上海', '上海', '广州', '广州', '深圳', '深圳', '杭州', '杭州', '上海'][i], NULL, DATE '2024-01-01', 30000 + i * 1000
            FROM range(1, 13) t(i);
            INSERT INTO dim_building SELECT i, uuid(), p.project_id, ((i - 1) % 10 + 1) || '号楼', 30, NULL FROM range(1, 121) t(i) JOIN dim_project p ON p.project_key = (i - 1) // 10 + 1;
            INSERT INTO dim_unit SELECT i, uuid(), b.building_id, b.project_id, CAST(i AS VARCHAR), 1 + i % 30, 1 + i % 4, ['两室', '三室', '四室'][1 + i % 3], 2 + i % 3, 90 + i % 60, '南', 3000000, 'Sold'
            FROM range(1, 24001) t(i) JOIN dim_building b ON b.building_key = (i - 1) // 200 + 1;
            INSERT INTO dim_complaint_category SELECT i, uuid(), NULL, 'CC' || i, ['漏水', '墙面开裂', '门窗', '电气', '物业服务', '噪音'][i], 48, 'Medium' FROM range(1, 7) t(i);
            INSERT INTO dim_sales_rep SELECT i, uuid(), 'rep' || i, ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊', '黄艳', '赵杰'][1 + i % 8] || i, NULL, false, true FROM range(1, 61) t(i);
            """);
        await warehouse.ExecuteAsync($"""
            INSERT INTO fact_call
            SELECT CAST('00000000-0000-0000-0000-' || lpad(CAST(i AS VARCHAR), 12, '0') AS UUID), 'CDR' || i, date_key(ts), time_key(ts),
                   1 + (h >> 20) % 200000, CASE WHEN outcome = 'Answered' THEN 1 + (h >> 44) % 300 END, 1 + (h >> 40) % 8,
                   direction, outcome, outcome = 'Abandoned', NULL, CAST((h >> 24) % 60 AS INTEGER),
                   CASE WHEN outcome = 'Answered' THEN CAST(30 + (h >> 32) % 600 AS INTEGER) ELSE 0 END, NULL, ts
            FROM (SELECT i, h, ts, direction,
                         CASE WHEN direction = 'Inbound' AND (h >> 8) % 100 < 8 THEN 'Abandoned' WHEN (h >> 16) % 100 < 3 THEN 'Voicemail' ELSE 'Answered' END AS outcome
                  FROM (SELECT i, hash(i) AS h, TIMESTAMP '2025-01-01 08:00:00' + to_days(CAST(i * 730 // {Calls} AS INTEGER)) + to_seconds(CAST(hash(i) % 50400 AS BIGINT)) AS ts,
                               CASE WHEN hash(i) % 10 < 8 THEN 'Inbound' WHEN hash(i) % 10 < 9 THEN 'Outbound' ELSE 'Internal' END AS direction
                        FROM range({Calls}) t(i)));
            """);
        await warehouse.ExecuteAsync("""
            INSERT INTO fact_work_order
            SELECT uuid(), 'WO' || i, ['Repair', 'Complaint', 'Inquiry'][1 + h % 3], 'Closed', ['Low', 'Medium', 'High'][1 + (h >> 4) % 3], date_key(opened), 1 + (h >> 8) % 200000,
                   p.project_key, u.unit_key, 1 + (h >> 12) % 6, NULL, opened, opened + INTERVAL 48 HOUR, opened + INTERVAL 2 HOUR, opened + to_hours(CAST(resolve AS BIGINT)), NULL,
                   2, resolve, resolve <= 48, CAST((h >> 28) % 3 AS INTEGER), 0, CAST((h >> 30) % 500 AS DECIMAL(18,2)), 200
            FROM (SELECT i, CAST(hash(i) >> 1 AS BIGINT) AS h, TIMESTAMP '2025-01-01 09:00:00' + to_days(CAST(i % 730 AS INTEGER)) AS opened, 1 + (hash(i) >> 40) % 96 AS resolve FROM range(500000) t(i)) w
            JOIN dim_unit u ON u.unit_key = 1 + w.h % 24000 JOIN dim_project p ON p.project_id = u.project_id;
            INSERT INTO fact_sale
            SELECT uuid(), 'HT' || i, date_key(signed), 1 + (h >> 8) % 200000, u.unit_key, p.project_key, b.building_key, 1 + (h >> 20) % 60, ['全款', '按揭'][1 + (h >> 4) % 2], 'Signed',
                   u.area * 30000, u.area * 30000 * ((h >> 24) % 5) / 100, u.area * 30000 * (100 - (h >> 24) % 5) / 100, u.area, signed
            FROM (SELECT i, CAST(hash(i) >> 1 AS BIGINT) AS h, TIMESTAMP '2025-01-01 10:00:00' + to_days(CAST(i % 730 AS INTEGER)) AS signed FROM range(60000) t(i)) s
            JOIN dim_unit u ON u.unit_key = 1 + s.h % 24000 JOIN dim_building b ON b.building_id = u.building_id JOIN dim_project p ON p.project_id = u.project_id;
            CHECKPOINT;
            """);
    }
}
