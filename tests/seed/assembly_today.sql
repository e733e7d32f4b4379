-- Test data only: an assembly held today, so that the door, the quorum and the votes can be tried
-- (an assembly staff prepare is at least the statutes' notice away). Two copies, on today's and
-- tomorrow's UTC dates: the test takes the one on Quimper's date. Quorum 5 % (a handful of
-- voices), two proxies each, remote voting allowed. membre70 (id 72) comes and holds membre71's
-- proxy; membre72 follows remotely; membre74 comes and holds membre73's; membre76–78 stand for
-- the board's two seats.
INSERT INTO assemblies (id, kind, start_local, end_local, start_utc, end_utc, in_room, place, candidacy_until, status,
                        quorum_percent, proxies_per_member, remote_voting, notice_days, convened_at, created_by)
SELECT 990 + n, 'ordinary', d || 'T00:30', d || 'T23:30', d || 'T00:00:00.000Z', d || 'T22:30:00.000Z', 0, 'Salle du test du jour',
       date(d, '-1 day'), 'convened', 5, 2, 1, 15, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), 1
FROM (SELECT 0 AS n, date('now') AS d UNION ALL SELECT 1, date('now', '+1 day'));

INSERT INTO assembly_items (assembly_id, position, kind, title_fr, title_en, majority, seats)
SELECT a.id, p.position, p.kind, p.title, '', p.majority, p.seats
FROM assemblies a, (SELECT column1 AS position, column2 AS kind, column3 AS title, column4 AS majority, column5 AS seats
                    FROM (VALUES (1, 'resolution', 'Approbation des comptes', 'simple', NULL),
                                 (2, 'election', 'Élection du conseil', NULL, 2),
                                 (3, 'questions', 'Questions diverses', NULL, NULL))) p
WHERE a.id IN (990, 991);

INSERT INTO assembly_answers (assembly_id, member_id, intent, proxy_to, proxy_status, candidate, answered_at) VALUES
    (990, 72, 'present', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 73, 'proxy', 72, 'accepted', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 74, 'remote', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 75, 'proxy', 76, 'accepted', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 76, 'present', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 78, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 79, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (990, 80, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 72, 'present', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 73, 'proxy', 72, 'accepted', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 74, 'remote', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 75, 'proxy', 76, 'accepted', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 76, 'present', NULL, NULL, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 78, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 79, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (991, 80, NULL, NULL, NULL, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'));
