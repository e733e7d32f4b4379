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
