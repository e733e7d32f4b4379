-- Demo events (after seed/activity.sql): two teacher trainings, two children's coding workshops with
-- Les Petits Débrouillards (one nearly full, with a waiting list), a parents' open day, and past
-- sessions with attendance. The clubs' monthly meetings are made by the worker from each club's rule.
-- Never applied by a production migration. Instants from the Paris wall clock (UTC+2 in summer time).

WITH plan(id, kind, audience, title_fr, title_en, description_fr, description_en, bring_fr, bring_en, days, start_hm, end_hm, place, capacity, max_per_signup,
          age_min, age_max, partner, asks_children) AS (
    VALUES
    (901, 'teacher_training', 'teachers', 'Scratch en classe : programmer dès le CE2', 'Scratch in class: coding from year 4',
     'Une matinée pour prendre en main Scratch et repartir avec trois séances prêtes à l''emploi.', 'A morning to get started with Scratch and leave with three ready-to-use lessons.', 'Un ordinateur portable si vous en avez un.', 'A laptop if you have one.', 9, '09:30', '12:30',
     'Atelier Canopé, Quimper', 16, 2, NULL, NULL, '', 0),
    (902, 'teacher_training', 'teachers', 'Éducation aux médias : repérer les infox', 'Media literacy: spotting fake news',
     'Ateliers pratiques pour les enseignants et animateurs jeunesse.', 'Hands-on workshops for teachers and youth workers.', '', '', 37, '14:00', '17:00',
     'Médiathèque des Ursulines, Quimper', 20, 2, NULL, NULL, '', 0),
    (903, 'children_workshop', 'families', 'Atelier code : programme ton robot', 'Coding workshop: program your robot',
     'Les enfants programment un petit robot avec des blocs, par équipes de deux.', 'Children program a small robot with blocks, in teams of two.', 'Un goûter et de la curiosité.', 'A snack and some curiosity.', 12, '14:00', '16:00',
     'Maison de quartier de Kerfeunteun', 12, 3, 8, 12, 'Les Petits Débrouillards', 1),
    (904, 'children_workshop', 'families', 'Makey Makey : la banane qui joue du piano', 'Makey Makey: the banana piano',
     'Électricité et programmation en s''amusant, avec Les Petits Débrouillards.', 'Electricity and coding while having fun, with Les Petits Débrouillards.', 'Un fruit ou un légume !', 'A fruit or a vegetable!', 40, '14:00', '16:00',
     'Maison de quartier de Kerfeunteun', 12, 3, 8, 12, 'Les Petits Débrouillards', 1),
    (905, 'open_day', 'families', 'Portes ouvertes des familles', 'Family open day',
     'Visitez la cantine, essayez l''imprimante 3D et rencontrez les clubs.', 'Visit the canteen, try the 3D printer and meet the clubs.', '', '', 20, '10:00', '17:00',
     'Silicon Kerne, Quimper', 80, 6, NULL, NULL, '', 0),
    (906, 'children_workshop', 'families', 'Atelier code : les jeux vidéo', 'Coding workshop: video games',
     'Créer son premier jeu vidéo avec Scratch.', 'Make a first video game with Scratch.', 'Un goûter.', 'A snack.', -20, '14:00', '16:00',
     'Maison de quartier de Kerfeunteun', 12, 3, 8, 12, 'Les Petits Débrouillards', 1),
    (907, 'teacher_training', 'teachers', 'Le numérique au collège : outils libres', 'Digital tools in middle school: free software',
     'Panorama des outils libres pour la classe.', 'An overview of free software for the classroom.', '', '', -60, '14:00', '17:00',
     'Atelier Canopé, Quimper', 16, 2, NULL, NULL, '', 0),
    -- This week (the staff dashboard lists it), and a year of past sessions for the statistics and
    -- the funders' report (compared with the year before).
    (908, 'open_day', 'everyone', 'Café numérique : les écrans en famille', 'Digital café: screens in the family',
     'Une heure d''échange entre parents autour des usages numériques des enfants.', 'An hour of conversation between parents about children''s digital habits.', '', '', 3, '18:00', '19:30',
     'Silicon Kerne, Quimper', 25, 4, NULL, NULL, '', 0),
    (909, 'children_workshop', 'families', 'Atelier code : dessine avec une tortue', 'Coding workshop: draw with a turtle',
     'Programmer des dessins avec Scratch.', 'Program drawings with Scratch.', 'Un goûter.', 'A snack.', -110, '14:00', '16:00',
     'Maison de quartier de Kerfeunteun', 12, 3, 8, 12, 'Les Petits Débrouillards', 1),
    (910, 'teacher_training', 'teachers', 'Robotique pédagogique en primaire', 'Educational robotics in primary school',
     'Prendre en main des robots de sol pour le cycle 2.', 'Getting started with floor robots for 5 to 8 year olds.', '', '', -150, '09:30', '12:30',
     'Atelier Canopé, Quimper', 16, 2, NULL, NULL, '', 0),
    (911, 'open_day', 'families', 'Portes ouvertes de printemps', 'Spring open day',
     'Visite de la cantine et démonstrations des clubs.', 'A visit of the canteen and demonstrations by the clubs.', '', '', -230, '10:00', '17:00',
     'Silicon Kerne, Quimper', 80, 6, NULL, NULL, '', 0),
    (912, 'children_workshop', 'families', 'Atelier électronique : la carte micro:bit', 'Electronics workshop: the micro:bit',
     'Faire clignoter, compter et jouer avec une carte micro:bit.', 'Make a micro:bit board blink, count and play.', 'Un goûter.', 'A snack.', -300, '14:00', '16:00',
     'Maison de quartier de Kerfeunteun', 12, 3, 8, 12, 'Les Petits Débrouillards', 1),
    (913, 'teacher_training', 'teachers', 'Éducation aux médias : premiers pas', 'Media literacy: first steps',
     'Repérer une information fiable avec ses élèves.', 'Spotting reliable information with your pupils.', '', '', -420, '14:00', '17:00',
     'Médiathèque des Ursulines, Quimper', 20, 2, NULL, NULL, '', 0),
    -- Today, in the evening: the concierge's door (check-in opens on the event's day).
    (914, 'open_day', 'everyone', 'Café numérique : les réseaux sociaux des ados', 'Digital café: teenagers and social media',
     'Une heure d''échange entre parents autour des réseaux sociaux des adolescents.', 'An hour of conversation between parents about teenagers and social media.', '', '', 0, '20:00', '21:30',
     'Silicon Kerne, Quimper', 25, 4, NULL, NULL, '', 0)
),
dated AS (
    SELECT *, date('now', days || ' days') AS d FROM plan
),
timed AS (
    SELECT *, CASE WHEN d >= date(strftime('%Y', d) || '-03-31', '-6 days', 'weekday 0')
                    AND d < date(strftime('%Y', d) || '-10-31', '-6 days', 'weekday 0') THEN 2 ELSE 1 END AS offset_h
    FROM dated
)
INSERT INTO events (id, kind, audience, title_fr, title_en, description_fr, description_en, bring_fr, bring_en, start_local, end_local,
                    start_utc, end_utc, in_room, place, capacity, max_per_signup, age_min, age_max, partner, signup_opens_utc,
                    signup_closes_utc, asks_children, seats_for, address, created_by, created_at)
SELECT id, kind, audience, title_fr, title_en, description_fr, description_en, bring_fr, bring_en, d || 'T' || start_hm, d || 'T' || end_hm,
       strftime('%Y-%m-%dT%H:%M:%fZ', d || ' ' || start_hm, '-' || offset_h || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%fZ', d || ' ' || end_hm, '-' || offset_h || ' hours'),
       0, place, capacity, max_per_signup, age_min, age_max, partner,
       strftime('%Y-%m-%dT%H:%M:%fZ', d, '-45 days'),
       strftime('%Y-%m-%dT%H:%M:%fZ', d || ' ' || start_hm, '-' || offset_h || ' hours'),
       asks_children,
       -- The banana piano seats the children (an adult comes with them without a seat); the
       -- trainings seat adults; the others everyone who comes.
       CASE WHEN id = 904 THEN 'children' WHEN kind = 'teacher_training' THEN 'adults' ELSE 'everyone' END,
       CASE place WHEN 'Maison de quartier de Kerfeunteun' THEN '4 rue Teilhard de Chardin, 29000 Quimper'
                  WHEN 'Atelier Canopé, Quimper' THEN '1 rue Théodore Le Hars, 29000 Quimper'
                  WHEN 'Médiathèque des Ursulines, Quimper' THEN 'Esplanade François Mitterrand, 29000 Quimper'
                  ELSE '12 rue du Numérique, 29000 Quimper' END,
       1, strftime('%Y-%m-%dT%H:%M:%SZ', d, '-45 days')
FROM timed;

-- Sign-ups: the coding workshop has 11 of its 12 seats taken and two families waiting "all together";
-- the past sessions were checked in at the door.
INSERT INTO registrations (id, event_id, name, email, phone, adults, children, seats_requested, seats, accept_fewer, status,
                           consent_children_at, consent_version, consent_photos, lang, present, checked_in_at, created_at)
VALUES
    (9001, 903, 'Gwenaëlle Riou', 'gwenaelle.riou@example.fr', '06 20 00 00 01', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-9 days'), '2026-12-v1', 1, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-9 days')),
    (9002, 903, 'Yannick Le Bihan', 'yannick.lebihan@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days'), '2026-12-v1', 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days')),
    (9003, 903, 'Soizic Tanguy', 'soizic.tanguy@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 days'), '2026-12-v1', 1, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 days')),
    (9004, 903, 'Karim Benali', 'karim.benali@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-6 days'), '2026-12-v1', 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-6 days')),
    (9005, 903, 'Emily Carter', 'emily.carter@example.com', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'en', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-5 days')),
    (9006, 903, 'Morgane Le Roux', 'morgane.leroux@example.fr', '', 1, 1, 2, 0, 0, 'waiting', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-4 days'), '2026-12-v1', 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-4 days')),
    (9007, 903, 'Julien Caradec', 'julien.caradec@example.fr', '', 1, 2, 3, 0, 0, 'waiting', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days'), '2026-12-v1', 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days')),
    (9010, 901, 'Claire Guéguen', 'claire.gueguen@ac-rennes.example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-10 days')),
    (9011, 901, 'Pierre Morvan', 'pierre.morvan@ac-rennes.example.fr', '', 2, 0, 2, 2, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-9 days')),
    (9012, 905, 'Famille Quéré', 'famille.quere@example.fr', '', 2, 3, 5, 5, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (9013, 904, 'Gwenaëlle Riou', 'gwenaelle.riou@example.fr', '', 1, 1, 1, 1, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days'), '2026-12-v1', 1, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days')),
    (9020, 906, 'Anne Le Gall', 'anne.legall@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-40 days'), '2026-12-v1', 1, 'fr', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-40 days')),
    (9021, 906, 'Ronan Kerjean', 'ronan.kerjean@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-38 days'), '2026-12-v1', 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-38 days')),
    (9022, 906, 'Laura Nicolas', 'laura.nicolas@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-35 days'), '2026-12-v1', 0, 'fr', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-35 days')),
    (9030, 907, 'Sophie Le Floch', 'sophie.lefloch@ac-rennes.example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-60 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-80 days')),
    (9040, 908, 'Famille Quéré', 'famille.quere@example.fr', '', 2, 1, 3, 3, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days')),
    (9041, 908, 'Hélène Bodénès', 'helene.bodenes@example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days')),
    (9050, 909, 'Anne Le Gall', 'anne.legall@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-130 days'), '2026-12-v1', 1, 'fr', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-110 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-130 days')),
    (9051, 909, 'Erwan Salaün', 'erwan.salaun@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-125 days'), '2026-12-v1', 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-110 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-125 days')),
    (9052, 909, 'Nadia Haddad', 'nadia.haddad@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-120 days'), '2026-12-v1', 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-110 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-120 days')),
    (9053, 909, 'Loïc Guillou', 'loic.guillou@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-118 days'), '2026-12-v1', 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-110 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-118 days')),
    (9060, 910, 'Claire Guéguen', 'claire.gueguen@ac-rennes.example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-150 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-170 days')),
    (9061, 910, 'Marc Le Dû', 'marc.ledu@ac-rennes.example.fr', '', 2, 0, 2, 2, 0, 'confirmed', NULL, NULL, 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-150 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-168 days')),
    (9062, 910, 'Isabelle Jaouen', 'isabelle.jaouen@ac-rennes.example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-150 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-160 days')),
    (9070, 911, 'Famille Quéré', 'famille.quere@example.fr', '', 2, 3, 5, 5, 0, 'confirmed', NULL, NULL, 0, 'fr', 5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-230 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-240 days')),
    (9071, 911, 'Famille Kerjean', 'ronan.kerjean@example.fr', '', 2, 1, 3, 3, 0, 'confirmed', NULL, NULL, 0, 'fr', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-230 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-238 days')),
    (9080, 912, 'Gwenaëlle Riou', 'gwenaelle.riou@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-320 days'), '2026-12-v1', 1, 'fr', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-300 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-320 days')),
    (9081, 912, 'Yannick Le Bihan', 'yannick.lebihan@example.fr', '', 1, 2, 3, 3, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-318 days'), '2026-12-v1', 0, 'fr', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-300 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-318 days')),
    (9082, 912, 'Soizic Tanguy', 'soizic.tanguy@example.fr', '', 1, 1, 2, 2, 0, 'confirmed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-315 days'), '2026-12-v1', 0, 'fr', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-300 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-315 days')),
    (9090, 913, 'Sophie Le Floch', 'sophie.lefloch@ac-rennes.example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-420 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-440 days')),
    (9091, 913, 'Thomas Cariou', 'thomas.cariou@ac-rennes.example.fr', '', 2, 0, 2, 2, 0, 'confirmed', NULL, NULL, 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-420 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-440 days')),
    (9100, 914, 'Famille Quéré', 'famille.quere@example.fr', '06 30 00 00 12', 2, 0, 2, 2, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days')),
    (9101, 914, 'Gwenaëlle Riou', 'gwenaelle.riou@example.fr', '06 20 00 00 01', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')),
    (9102, 914, 'Hélène Bodénès', 'helene.bodenes@example.fr', '', 1, 0, 1, 1, 0, 'confirmed', NULL, NULL, 0, 'fr', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days')),
    (9031, 907, 'Thomas Cariou', 'thomas.cariou@ac-rennes.example.fr', '', 2, 0, 2, 2, 0, 'confirmed', NULL, NULL, 0, 'fr', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-60 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-79 days'));

INSERT INTO registration_children (registration_id, n, first_name, age) VALUES
    (9001, 0, 'Maël', 9), (9001, 1, 'Nolwenn', 11),
    (9002, 0, 'Tom', 8), (9002, 1, 'Lina', 10),
    (9003, 0, 'Elouan', 12),
    (9004, 0, 'Inès', 9),
    (9006, 0, 'Aziliz', 10),
    (9007, 0, 'Paul', 8), (9007, 1, 'Jeanne', 11),
    (9013, 0, 'Nolwenn', 11),
    (9020, 0, 'Lou', 9), (9020, 1, 'Yann', 11),
    (9021, 0, 'Malo', 10),
    (9022, 0, 'Rose', 8), (9022, 1, 'Léo', 12);
