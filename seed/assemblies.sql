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
