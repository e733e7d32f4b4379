-- Demo activity (after seed/members.sql): six months of past coworking (check-ins and no-shows),
-- room sessions and rentals, so that the dashboard, the statistics, the day sheet, "mes
-- réservations" and the data export show real shapes to a newcomer; and a few bookings and a rental
-- request to come. Never applied by a production migration.
--
-- Instants are written from the Paris wall clock: UTC+2 from the last Sunday of March to the last
-- Sunday of October, UTC+1 otherwise (the switch happens at night, between the demo's hours).

WITH RECURSIVE
    -- From today (n = 0: the dashboard's "today") back six months.
    days(n, d) AS (
        SELECT 0, date('now')
        UNION ALL SELECT n + 1, date('now', '-' || (n + 1) || ' days') FROM days WHERE n < 182
    ),
    open_days AS (
        SELECT n, d,
               CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                     AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                    THEN 2 ELSE 1 END AS offset_h
        FROM days WHERE strftime('%w', d) NOT IN ('0', '6')
          -- the fixed public holidays (Easter's are left to chance: it is demo data)
          AND strftime('%m-%d', d) NOT IN ('01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25')
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
       -- Today, those of the morning have arrived, the afternoon is still to come.
       CASE WHEN (p.member_id + p.n) % 9 = 0 OR (p.member_id + p.n) % 11 = 0 OR (p.n = 0 AND p.period = 'afternoon') THEN NULL
            ELSE strftime('%Y-%m-%dT%H:%M:%SZ', p.d || ' ' || CASE p.period WHEN 'afternoon' THEN '13:05' ELSE '09:05' END, '-' || p.offset_h || ' hours') END,
       CASE WHEN (p.member_id + p.n) % 9 = 0 AND p.n > 0 THEN 1 ELSE 0 END
FROM picks p;

-- The meeting room on past afternoons: a club's working session and a member's client meeting.
WITH RECURSIVE
    days(n, d) AS (
        SELECT 1, date('now', '-1 day')
        UNION ALL SELECT n + 1, date('now', '-' || (n + 1) || ' days') FROM days WHERE n < 182
    ),
    room_days AS (
        SELECT n, d,
               CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                     AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                    THEN 2 ELSE 1 END AS offset_h
        FROM days WHERE strftime('%w', d) IN ('2', '4')
          AND strftime('%m-%d', d) NOT IN ('01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25')
    )
INSERT INTO bookings (resource_id, kind, member_id, day, start_local, end_local, start_utc, end_utc,
                      period, minutes, week, booked_by)
SELECT (SELECT id FROM resources WHERE slug = 'salle-reunion'), 'member', 3 + (r.n % 20), r.d,
       r.d || 'T14:00', r.d || 'T16:00',
       strftime('%Y-%m-%dT%H:%M:%SZ', r.d || ' 14:00', '-' || r.offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', r.d || ' 16:00', '-' || r.offset_h || ' hours'),
       NULL, 120, '', 3 + (r.n % 20)
FROM room_days r;

-- Room rentals: a business or an association most Fridays of the past six months (half-days and
-- whole days, approved, each booking the room), one declined, and a request to come for staff to
-- answer. The private links are random: nobody needs them in the demo.
WITH RECURSIVE
    days(n, d) AS (
        SELECT 1, date('now', '-1 day')
        UNION ALL SELECT n + 1, date('now', '-' || (n + 1) || ' days') FROM days WHERE n < 182
    ),
    fridays AS (
        SELECT n, d, CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                           AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                          THEN 2 ELSE 1 END AS offset_h,
               CASE n % 3 WHEN 0 THEN 'day' WHEN 1 THEN 'morning' ELSE 'afternoon' END AS period
        FROM days WHERE strftime('%w', d) = '5' AND n % 4 != 2
    )
INSERT INTO rentals (organisation, contact_name, email, phone, day, period, start_local, end_local, start_utc, end_utc,
                     attendees, needs_visio, message, price_cents, status, token_hash, decided_by, decided_at, created_at)
SELECT CASE n % 5 WHEN 0 THEN 'Boulangerie Le Fournil' WHEN 1 THEN 'Association Quimper Code'
                  WHEN 2 THEN 'Cabinet Kerbrat' WHEN 3 THEN 'Les Petits Débrouillards' ELSE 'Chambre de métiers du Finistère' END,
       'Contact ' || n, 'location' || n || '@example.fr', '', d, period,
       d || 'T' || CASE period WHEN 'afternoon' THEN '13:00' ELSE '09:00' END,
       d || 'T' || CASE period WHEN 'morning' THEN '13:00' ELSE '18:00' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' ' || CASE period WHEN 'afternoon' THEN '13:00' ELSE '09:00' END, '-' || offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' ' || CASE period WHEN 'morning' THEN '13:00' ELSE '18:00' END, '-' || offset_h || ' hours'),
       6 + n % 6, n % 2, 'Réunion d''équipe.', CASE period WHEN 'day' THEN 15000 ELSE 9000 END,
       CASE WHEN n % 13 = 0 THEN 'declined' ELSE 'approved' END,
       lower(hex(randomblob(32))), 1, strftime('%Y-%m-%dT10:00:00Z', d, '-10 days'), strftime('%Y-%m-%dT08:00:00Z', d, '-14 days')
FROM fridays;

INSERT INTO bookings (resource_id, kind, rental_id, day, start_local, end_local, start_utc, end_utc, period, minutes, week, booked_by)
SELECT (SELECT id FROM resources WHERE slug = 'salle-reunion'), 'rental', id, day, start_local, end_local, start_utc, end_utc, period,
       CASE period WHEN 'morning' THEN 240 WHEN 'afternoon' THEN 300 ELSE 540 END, '', 1
FROM rentals WHERE status = 'approved';

-- A request to come, waiting for an answer (about 40 days ahead, clear of the days the tests book).
WITH day(d) AS (
    SELECT CASE strftime('%w', date('now', '+40 days'))
               WHEN '0' THEN date('now', '+41 days') WHEN '6' THEN date('now', '+42 days')
               ELSE date('now', '+40 days') END
), zoned(d, offset_h) AS (
    SELECT d, CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                    AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                   THEN 2 ELSE 1 END FROM day
)
INSERT INTO rentals (organisation, contact_name, email, phone, day, period, start_local, end_local, start_utc, end_utc,
                     attendees, needs_visio, message, price_cents, token_hash)
SELECT 'Crêperie Ti Kreiz', 'Annaïg Le Bihan', 'annaig@example.fr', '06 22 33 44 55', d, 'morning', d || 'T09:00', d || 'T13:00',
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' 09:00', '-' || offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' 13:00', '-' || offset_h || ' hours'),
       8, 1, 'Formation de notre équipe à la caisse en ligne.', 9000, lower(hex(randomblob(32)))
FROM zoned;

-- A block to come (the room's videoconference system serviced), so that the blocks page has one to
-- lift. Far enough ahead (about 95 days) to stay clear of the days the tests book.
WITH day(d) AS (
    SELECT CASE strftime('%w', date('now', '+95 days'))
               WHEN '0' THEN date('now', '+96 days') WHEN '6' THEN date('now', '+97 days')
               ELSE date('now', '+95 days') END
), zoned(d, offset_h) AS (
    SELECT d, CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                    AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0')
                   THEN 2 ELSE 1 END FROM day
)
INSERT INTO bookings (resource_id, kind, day, start_local, end_local, start_utc, end_utc, minutes, week, reason, booked_by)
SELECT (SELECT id FROM resources WHERE slug = 'salle-reunion'), 'block', d, d || 'T14:00', d || 'T18:00',
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' 14:00', '-' || offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', d || ' 18:00', '-' || offset_h || ' hours'),
       240, '', 'Maintenance de la visioconférence', 1
FROM zoned;

-- What the concierge did lately, as the journal shows it.
INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details)
SELECT strftime('%Y-%m-%dT09:12:00Z', 'now', '-6 days'), 1, 'Ludovic Fougère', 'member.payment', 'member', '3',
       json_object('amount_cents', 3000, 'paid_on', date('now', '-6 days'), 'method', 'cheque', 'until', date('now', '+359 days'))
UNION ALL
SELECT strftime('%Y-%m-%dT10:40:00Z', 'now', '-2 days'), 1, 'Ludovic Fougère', 'resource.block', 'resource', 'salle-reunion',
       json_object('start', day || 'T14:00', 'end', day || 'T18:00', 'reason', reason)
FROM bookings WHERE kind = 'block'
UNION ALL
SELECT strftime('%Y-%m-%dT16:05:00Z', 'now', '-1 days'), 2, 'Gaëlle Le Berre', 'booking.check_in', 'booking', CAST(MAX(id) AS TEXT), '{}'
FROM bookings WHERE kind = 'member' AND checked_in_at IS NOT NULL;

-- A member admitted this week who has not paid the first fee yet: she is told, on her page and
-- before she picks a slot, what the fee is and how to pay it.
INSERT INTO members (email, name, role, phone, company, skills, bio, in_directory, lang, password_hash, membership_until, created_at)
VALUES ('nouvelle@silicon-kerne.test', 'Maëlle Nouvel', 'member', '06 12 91 00 00', 'Atelier Nouvel', '["couture", "e-commerce"]',
        'Maëlle lance sa boutique en ligne de couture.', 1, 'fr', '$argon2id$v=19$m=19456,t=2,p=1$Yz+meEMmUBwAl9+PV0InCw$eM9pPc2hSFEykF23thxjGXcY7TNjS+ai5cixgwmAx48', NULL,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'));
