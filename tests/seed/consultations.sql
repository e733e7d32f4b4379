-- Test data only (loaded into every test app, never by `make run` or a migration): states only
-- time makes. An offer made to Sarah (membre12) twelve days ago and never answered: the scheduled
-- run sends it back to the board. A request done five years ago (before the synthetic history of the statistics): past the retention delay, the
-- scheduled run erases its personal fields and keeps its trade, town and topics.
INSERT INTO consultations (id, token_hash, business, trade, size, town, name, email, phone, goal, mornings, afternoons, evenings,
                           lang, consent_at, consent_version, status, volunteer_id, assigned_at, created_at)
VALUES (980, NULL, 'Poissonnerie oubliée', 'shop', 'solo', 'Douarnenez', 'Goulven Test', 'oubliee@example.fr', '', 'Une fiche sur les cartes.',
        1, 0, 0, 'fr', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-13 days'), '2026-12-consultations-v1', 'assigned', 14,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-12 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-13 days'));
INSERT INTO consultation_topics_asked (consultation_id, topic_id) SELECT 980, id FROM consultation_topics WHERE slug = 'maps-listings';
INSERT INTO consultation_offers (consultation_id, member_id, offered_by, offered_at)
VALUES (980, 14, 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-12 days'));

INSERT INTO consultations (id, token_hash, business, trade, size, town, name, email, phone, goal, mornings, afternoons, evenings,
                           lang, consent_at, consent_version, status, volunteer_id, closed_at, close_note, created_at)
VALUES (981, 'retention-test-hash', 'Ancienne cliente', 'artisan', 'solo', 'Châteaulin', 'Mona Ancienne', 'ancienne@example.fr', '06 00 00 00 00',
        'Un site.', 1, 0, 0, 'fr', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1900 days'), '2026-12-consultations-v1', 'done', 3,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1895 days'), 'Vu ensemble.', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1900 days'));
INSERT INTO consultation_topics_asked (consultation_id, topic_id) SELECT 981, id FROM consultation_topics WHERE slug = 'website';

-- An appointment by phone two days ago that its volunteer (membre10) has not closed yet: closing a
-- request once its appointment has begun is tested on it, since the test's clock cannot move and
-- SQL run from outside the running worker can stall it. Its private link's token is
-- 'rdv-passe-982-jeton-de-test' (the hash below is its SHA-256, as the worker stores it). Offered
-- forty days ago, so that it never counts in the volunteer's monthly cap.
INSERT INTO consultations (id, token_hash, business, trade, size, town, name, email, phone, goal, mornings, afternoons, evenings,
                           lang, consent_at, consent_version, status, volunteer_id, assigned_at, accepted_at,
                           start_local, end_local, start_utc, end_utc, place, scheduled_at, created_at)
VALUES (982, 'eaa6b3520519604d722866592611b66e3e1935352578bcb173a221218ed4e225', 'Atelier d''avant-hier', 'artisan', 'solo',
        'Quimper', 'Loeiz Passé', 'avant-hier@example.fr', '06 00 00 00 01', 'La facturation électronique.', 1, 0, 0, 'fr',
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-41 days'), '2026-12-consultations-v1', 'scheduled', 12,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days'),
        date('now', '-2 days') || 'T09:30', date('now', '-2 days') || 'T10:00',
        date('now', '-2 days') || 'T08:30:00.000Z', date('now', '-2 days') || 'T09:00:00.000Z', 'phone',
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-39 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-41 days'));
INSERT INTO consultation_topics_asked (consultation_id, topic_id) SELECT 982, id FROM consultation_topics WHERE slug = 'invoicing';
INSERT INTO consultation_offers (consultation_id, member_id, offered_by, offered_at, answer, answered_at)
VALUES (982, 12, 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days'), 'accepted', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days'));
