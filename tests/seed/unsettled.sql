-- Test data only (loaded into every test app, never by `make run` or a migration): an event whose
-- waiting list is owed a seat, a state no API path leaves (every change goes through the seat
-- book), so that the scheduled run's repair has something to serve. Capacity 3, a pair confirmed,
-- a single waiting.
INSERT INTO events (id, kind, audience, title_fr, title_en, start_local, end_local, start_utc, end_utc, in_room, place,
                    capacity, max_per_signup, signup_opens_utc, signup_closes_utc, asks_children)
VALUES (990, 'other', 'everyone', 'Atelier à réparer', 'Workshop to repair',
        strftime('%Y-%m-%dT14:00', 'now', '+50 days'), strftime('%Y-%m-%dT16:00', 'now', '+50 days'),
        strftime('%Y-%m-%dT12:00:00Z', 'now', '+50 days'), strftime('%Y-%m-%dT14:00:00Z', 'now', '+50 days'),
        0, 'Silicon Kerne', 3, 2,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days'), strftime('%Y-%m-%dT12:00:00Z', 'now', '+50 days'), 0);
INSERT INTO registrations (event_id, name, email, adults, children, seats_requested, seats, accept_fewer, status, lang)
VALUES (990, 'Paire confirmée', 'repare-paire@example.fr', 2, 0, 2, 2, 0, 'confirmed', 'fr'),
       (990, 'Seul en attente', 'repare-seul@example.fr', 1, 0, 1, 0, 0, 'waiting', 'fr');

-- A workshop held three days ago, and a family's sign-up to it whose private link is
-- `lien-evenement-passe-de-test-0001` (its SHA-256 below): the link says the event is over and
-- takes no change.
INSERT INTO events (id, kind, audience, title_fr, title_en, start_local, end_local, start_utc, end_utc, in_room, place,
                    capacity, max_per_signup, signup_opens_utc, signup_closes_utc, asks_children)
VALUES (989, 'children_workshop', 'families', 'Atelier passé', 'Past workshop',
        strftime('%Y-%m-%dT14:00', 'now', '-3 days'), strftime('%Y-%m-%dT16:00', 'now', '-3 days'),
        strftime('%Y-%m-%dT13:00:00Z', 'now', '-3 days'), strftime('%Y-%m-%dT15:00:00Z', 'now', '-3 days'),
        0, 'Médiathèque de Quimper', 10, 3,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), strftime('%Y-%m-%dT13:00:00Z', 'now', '-3 days'), 0);
INSERT INTO registrations (id, event_id, name, email, adults, children, seats_requested, seats, accept_fewer, status, lang)
VALUES (98901, 989, 'Famille passée', 'famille-passee@example.fr', 1, 1, 2, 2, 0, 'confirmed', 'fr');
INSERT INTO registration_links (token_hash, registration_id)
VALUES ('908172b75351bf518d32cc4cebea7c2cb1ee3931b96b09ffebb8bf7fb27647af', 98901);
