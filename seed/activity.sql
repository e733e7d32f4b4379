-- Demo activity (after seed/members.sql): four weeks of past coworking, so that the day sheet, the
-- occupancy page, "mes réservations" and the data export are not empty for a newcomer; and a few
-- bookings to come. Never applied by a production migration.
--
-- Instants are written from the Paris wall clock: UTC+2 from the last Sunday of March to the last
-- Sunday of October, UTC+1 otherwise (the switch happens at night, between the demo's hours).

WITH RECURSIVE
    days(n, d) AS (
        SELECT 1, date('now', '-1 day')
        UNION ALL SELECT n + 1, date('now', '-' || (n + 1) || ' days') FROM days WHERE n < 28
    ),
    open_days AS (
        SELECT n, d,
               CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                     AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                    THEN 2 ELSE 1 END AS offset_h
        FROM days WHERE strftime('%w', d) NOT IN ('0', '6')
    ),
    picks AS (
        -- Six to nine coworkers a day among membre01…membre60, each on a period of their own.
        SELECT o.n, o.d, o.offset_h, m.id AS member_id,
               CASE (m.id + o.n) % 3 WHEN 0 THEN 'morning' WHEN 1 THEN 'afternoon' ELSE 'day' END AS period
        FROM open_days o JOIN members m ON m.id BETWEEN 3 AND 62 AND (m.id * 7 + o.n * 3) % 8 = 0
    )
INSERT INTO bookings (resource_id, kind, member_id, day, start_local, end_local, start_utc, end_utc,
                      period, minutes, week, booked_by, checked_in_at, no_show)
SELECT (SELECT id FROM resources WHERE slug = 'coworking'), 'member', p.member_id, p.d,
       p.d || 'T' || CASE p.period WHEN 'afternoon' THEN '13:00' ELSE '09:00' END,
       p.d || 'T' || CASE p.period WHEN 'morning' THEN '13:00' ELSE '18:00' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', p.d || ' ' || CASE p.period WHEN 'afternoon' THEN '13:00' ELSE '09:00' END, '-' || p.offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', p.d || ' ' || CASE p.period WHEN 'morning' THEN '13:00' ELSE '18:00' END, '-' || p.offset_h || ' hours'),
       p.period,
       CASE p.period WHEN 'morning' THEN 240 WHEN 'afternoon' THEN 300 ELSE 540 END,
       '', p.member_id,
       -- Most came (checked in at the start), one in nine did not show up, a few were not marked.
       CASE WHEN (p.member_id + p.n) % 9 = 0 OR (p.member_id + p.n) % 11 = 0 THEN NULL
            ELSE strftime('%Y-%m-%dT%H:%M:%SZ', p.d || ' ' || CASE p.period WHEN 'afternoon' THEN '13:05' ELSE '09:05' END, '-' || p.offset_h || ' hours') END,
       CASE WHEN (p.member_id + p.n) % 9 = 0 THEN 1 ELSE 0 END
FROM picks p;

-- The meeting room on past afternoons: a club's working session and a member's client meeting.
WITH RECURSIVE
    days(n, d) AS (
        SELECT 1, date('now', '-1 day')
        UNION ALL SELECT n + 1, date('now', '-' || (n + 1) || ' days') FROM days WHERE n < 28
    ),
    room_days AS (
        SELECT n, d,
               CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                     AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                    THEN 2 ELSE 1 END AS offset_h
        FROM days WHERE strftime('%w', d) IN ('2', '4')
    )
INSERT INTO bookings (resource_id, kind, member_id, day, start_local, end_local, start_utc, end_utc,
                      period, minutes, week, booked_by)
SELECT (SELECT id FROM resources WHERE slug = 'salle-reunion'), 'member', 3 + (r.n % 20), r.d,
       r.d || 'T14:00', r.d || 'T16:00',
       strftime('%Y-%m-%dT%H:%M:%SZ', r.d || ' 14:00', '-' || r.offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', r.d || ' 16:00', '-' || r.offset_h || ' hours'),
       NULL, 120, '', 3 + (r.n % 20)
FROM room_days r;
