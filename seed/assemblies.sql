-- Demo general assembly (after seed/members.sql): next June's ordinary assembly, convened, in the
-- meeting room, with the usual agenda; some voters answered: six come, one follows remotely, two
-- gave their proxy to the first (one accepted, one waiting for an answer), three stand for the
-- board. Voters are whoever is up to date on its day (members' fees are relative to today).

-- The next 24 June at least 40 days away.
WITH ag_day AS (SELECT CASE
    WHEN date('now', '+40 days') <= strftime('%Y', 'now') || '-06-24' THEN strftime('%Y', 'now') || '-06-24'
    ELSE (strftime('%Y', 'now') + 1) || '-06-24' END AS day)
INSERT INTO assemblies (id, kind, start_local, end_local, start_utc, end_utc, in_room, place, candidacy_until, status,
                        quorum_percent, proxies_per_member, remote_voting, notice_days, convened_at, created_by, created_at)
SELECT 1, 'ordinary', day || 'T18:00', day || 'T20:00', day || 'T16:00:00.000Z', day || 'T18:00:00.000Z', 1, '',
       date(day, '-10 days'), 'convened', 25, 2, 1, 15,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'), 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days')
FROM ag_day;

INSERT INTO assembly_items (assembly_id, position, kind, title_fr, title_en, body_fr, body_en, majority, seats) VALUES
    (1, 1, 'resolution', 'Approbation du rapport moral', 'Approval of the activity report',
     'Le rapport moral de l''année : le coworking, les ateliers d''e-éducation, les clubs et les consultations pour les entreprises.' || char(10) || char(10) || '- 90 adhérent·es' || char(10) || '- 12 postes et la salle de réunion',
     '', 'simple', NULL),
    (1, 2, 'resolution', 'Approbation des comptes de l''exercice', 'Approval of the year''s accounts',
     'Les comptes présentés par la trésorière : **produits**, **charges** et le résultat de l''exercice.', '', 'simple', NULL),
    (1, 3, 'resolution', 'Montant de la cotisation', 'Amount of the membership fee',
     'Le conseil propose de garder la cotisation annuelle à **30 €**.', '', 'simple', NULL),
    (1, 4, 'election', 'Élection du conseil d''administration', 'Election of the board',
     'Dix sièges à pourvoir. Les candidatures sont ouvertes à tout·e adhérent·e à jour.', '', NULL, 10),
    (1, 5, 'questions', 'Questions diverses', 'Any other business', '', '', NULL, NULL);

INSERT INTO bookings (resource_id, kind, assembly_id, day, start_local, end_local, start_utc, end_utc, minutes, week, reason, booked_by)
SELECT r.id, 'block', a.id, substr(a.start_local, 1, 10), a.start_local, a.end_local, a.start_utc, a.end_utc, 120, '',
       'Assemblée générale', 1
FROM assemblies a JOIN resources r ON r.kind = 'room' AND r.active = 1 WHERE a.id = 1;

-- The voters on that day, in order: the first nine answer.
WITH ag_voters AS (
    SELECT m.id, ROW_NUMBER() OVER (ORDER BY m.id) AS n FROM members m JOIN assemblies a ON a.id = 1
    WHERE m.role = 'member' AND m.status <> 'deleted'
      AND EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id
                  AND p.period_start <= substr(a.start_local, 1, 10) AND p.period_end >= substr(a.start_local, 1, 10)))
INSERT INTO assembly_answers (assembly_id, member_id, intent, proxy_to, proxy_status, candidate, answered_at)
SELECT 1, v.id,
       CASE WHEN v.n <= 6 THEN 'present' WHEN v.n = 7 THEN 'remote' ELSE 'proxy' END,
       CASE WHEN v.n >= 8 THEN (SELECT id FROM ag_voters WHERE n = 1) END,
       CASE v.n WHEN 8 THEN 'accepted' WHEN 9 THEN 'asked' END,
       CASE WHEN v.n IN (2, 3, 5) THEN 1 ELSE 0 END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days')
FROM ag_voters v WHERE v.n <= 9;

-- Last June's assembly, held and closed, with its minutes: twenty voters (eighteen in the room,
-- two by proxy), the reports, the accounts and the fee voted, and the board's election by secret
-- ballot of ten among twelve candidates; the board page's ten names come from it, their roles
-- given by the board in July (the press article's steps).
WITH ag_day AS (SELECT CASE
    WHEN date('now') > strftime('%Y', 'now') || '-06-24' THEN strftime('%Y', 'now') || '-06-24'
    ELSE (strftime('%Y', 'now') - 1) || '-06-24' END AS day)
INSERT INTO assemblies (id, kind, start_local, end_local, start_utc, end_utc, in_room, place, candidacy_until, status,
                        quorum_percent, proxies_per_member, remote_voting, notice_days, convened_at, created_by, created_at,
                        closed_at, chair, secretary)
SELECT 2, 'ordinary', day || 'T18:00', day || 'T20:00', day || 'T16:00:00.000Z', day || 'T18:00:00.000Z', 1, '',
       date(day, '-10 days'), 'closed', 25, 2, 1, 15, date(day, '-30 days') || 'T09:00:00Z', 1, date(day, '-31 days') || 'T09:00:00Z',
       day || 'T19:55:00.000Z', 'Anne Le Gall', 'Erwan Le Bihan'
FROM ag_day;

INSERT INTO assembly_items (assembly_id, position, kind, title_fr, title_en, body_fr, majority, seats, vote_status, opened_at, closed_at)
SELECT 2, p.column1, p.column2, p.column3, p.column4, p.column5, p.column6, p.column7, CASE WHEN p.column2 IN ('resolution', 'election') THEN 'closed' ELSE 'pending' END,
       substr(a.start_local, 1, 10) || 'T16:30:00.000Z', substr(a.start_local, 1, 10) || 'T17:00:00.000Z'
FROM assemblies a, (VALUES
    (1, 'resolution', 'Approbation du rapport moral', 'Approval of the activity report', 'L''année de la cantine : coworking, e-éducation, clubs.', 'simple', NULL),
    (2, 'resolution', 'Approbation des comptes de l''exercice', 'Approval of the year''s accounts', '', 'simple', NULL),
    (3, 'resolution', 'Montant de la cotisation', 'Amount of the membership fee', 'Trente euros par an.', 'simple', NULL),
    (4, 'election', 'Élection du conseil d''administration', 'Election of the board', 'Le conseil passe de quatre à dix membres.', NULL, 10),
    (5, 'questions', 'Questions diverses', 'Any other business', '', NULL, NULL)) p
WHERE a.id = 2;

-- The voters that day, in order: the first twenty take part; the first twelve stand; the last
-- two gave their proxy to the first two.
WITH v AS (
    SELECT m.id, ROW_NUMBER() OVER (ORDER BY m.id) AS n FROM members m JOIN assemblies a ON a.id = 2
    WHERE m.role = 'member' AND m.status <> 'deleted'
      AND EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id
                  AND p.period_start <= substr(a.start_local, 1, 10) AND p.period_end >= substr(a.start_local, 1, 10)))
INSERT INTO assembly_answers (assembly_id, member_id, intent, proxy_to, proxy_status, candidate, answered_at, checked_in_at)
SELECT 2, v.id, CASE WHEN v.n <= 18 THEN 'present' ELSE 'proxy' END,
       CASE v.n WHEN 19 THEN (SELECT id FROM v WHERE n = 1) WHEN 20 THEN (SELECT id FROM v WHERE n = 2) END,
       CASE WHEN v.n > 18 THEN 'accepted' END, CASE WHEN v.n <= 12 THEN 1 ELSE 0 END,
       (SELECT convened_at FROM assemblies WHERE id = 2),
       CASE WHEN v.n <= 18 THEN (SELECT substr(start_local, 1, 10) || 'T15:55:00.000Z' FROM assemblies WHERE id = 2) END
FROM v WHERE v.n <= 20;

-- The resolutions: every voice for, but one against and one abstaining on each.
INSERT INTO assembly_votes (item_id, voice_of, cast_by, choice)
SELECT i.id, aa.member_id, COALESCE(aa.proxy_to, aa.member_id),
       CASE (aa.member_id + i.position) % 10 WHEN 0 THEN 'no' WHEN 5 THEN 'abstain' ELSE 'yes' END
FROM assembly_items i JOIN assembly_answers aa ON aa.assembly_id = i.assembly_id
WHERE i.assembly_id = 2 AND i.kind = 'resolution';

-- The election: who voted (every voice), and apart what was voted, under random receipts.
INSERT INTO assembly_ballot_voices (item_id, voice_of)
SELECT i.id, aa.member_id FROM assembly_items i JOIN assembly_answers aa ON aa.assembly_id = i.assembly_id
WHERE i.assembly_id = 2 AND i.kind = 'election';

-- Twenty ballots, each naming ten of the twelve candidates: the eight first on all, the ninth and
-- tenth on sixteen, the last two on four (ballots 1 to 4 name them instead of the ninth and tenth).
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 20),
c AS (SELECT member_id AS id, ROW_NUMBER() OVER (ORDER BY member_id) AS n FROM assembly_answers WHERE assembly_id = 2 AND candidate = 1)
INSERT INTO assembly_ballots (item_id, receipt, choices)
SELECT (SELECT id FROM assembly_items WHERE assembly_id = 2 AND kind = 'election'), lower(hex(randomblob(8))),
       (SELECT json_group_array(c.id) FROM c WHERE CASE WHEN k.n <= 4 THEN c.n NOT IN (9, 10) ELSE c.n <= 10 END)
FROM k;

-- The board from that election, its roles given in July.
DELETE FROM board_members;
WITH c AS (SELECT aa.member_id AS id, m.name, ROW_NUMBER() OVER (ORDER BY aa.member_id) AS n
           FROM assembly_answers aa JOIN members m ON m.id = aa.member_id WHERE aa.assembly_id = 2 AND aa.candidate = 1)
INSERT INTO board_members (name, role_fr, role_en, sort, member_id, assembly_id, role)
SELECT name,
       CASE n WHEN 1 THEN 'Président·e' WHEN 2 THEN 'Vice-président·e' WHEN 3 THEN 'Trésorier·e' WHEN 4 THEN 'Secrétaire' ELSE 'Administrateur·rice' END,
       CASE n WHEN 1 THEN 'President' WHEN 2 THEN 'Vice-president' WHEN 3 THEN 'Treasurer' WHEN 4 THEN 'Secretary' ELSE 'Board member' END,
       CASE WHEN n <= 4 THEN n * 100 ELSE 500 + n END, id, 2,
       CASE n WHEN 1 THEN 'president' WHEN 2 THEN 'vice_president' WHEN 3 THEN 'treasurer' WHEN 4 THEN 'secretary' ELSE 'member' END
FROM c WHERE n <= 10;

UPDATE settings SET value = json_quote((SELECT substr(start_local, 1, 10) FROM assemblies WHERE id = 2)) WHERE key = 'general_assembly_date';
