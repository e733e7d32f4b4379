-- Demo data for local runs (`make run`) and the tests: never applied by a production migration.
-- It follows the article the portal comes from: Silicon Kerne, the cantine numérique of Quimper, in its
-- third year, 90 members, a board of 10 renewed at the general assembly of 25 June, four partners.

UPDATE settings SET value = '"Ludovic Fougère"' WHERE key = 'concierge_name';
UPDATE settings SET value = '{"address":"12 rue du Numérique, 29000 Quimper","email":"contact@silicon-kerne.test","phone":"02 98 00 00 00","website":"https://www.silicon-kerne.net"}' WHERE key = 'contact';
-- A fictitious IBAN (the banks' documentation example, valid check digits) so that the fee
-- notice, the reminders and the quotes show where to send a transfer.
UPDATE settings SET value = '{"rna":"W291012345","siret":"","iban":"FR76 3000 6000 0112 3456 7890 189"}' WHERE key = 'legal_identity';

INSERT INTO site_texts (key, fr, en) VALUES
    ('about',
     'Silicon Kerne est la cantine numérique de Quimper : une association qui réunit indépendants, entreprises, étudiants et curieux autour du numérique. Après une première année de découverte et une deuxième de structuration, la troisième est celle du développement : plus de membres, plus de partenaires, des clubs mensuels, un plan d''e-éducation et un centre de ressources pour les artisans et les patrons de PME.',
     'Silicon Kerne is the digital canteen of Quimper: an association that brings freelancers, companies, students and the curious together around digital technology. After a first year of discovery and a second of getting organised, the third is about growth: more members, more partners, monthly clubs, an e-education programme and a resource centre for craftspeople and small business owners.');

INSERT INTO clubs (slug, name_fr, name_en, description_fr, description_en, rule_ordinal, rule_weekday, rule_time, duration_minutes, sort) VALUES
    ('e-commerce', 'E-commerce', 'E-commerce',
     'Boutiques en ligne, paiement, logistique, référencement : les commerçants et les développeurs partagent ce qui marche.',
     'Online shops, payments, logistics, search ranking: shopkeepers and developers share what works.',
     2, 4, '18:30', 120, 1),
    ('graphistes', 'Graphistes', 'Graphic designers',
     'Souvent indépendants, les graphistes échangent avec d''autres professionnels, montrent leurs projets et se donnent des conseils.',
     'Often freelancers, graphic designers meet other professionals, show their projects and give each other advice.',
     1, 2, '18:30', 120, 2),
    ('developpeurs', 'Développeurs', 'Developers',
     'Langages, outils et bonnes pratiques : un rendez-vous pour coder ensemble et parler métier.',
     'Languages, tools and good practice: a meeting to code together and talk shop.',
     -1, 3, '18:00', 120, 3);

INSERT INTO partners (slug, name, url, description_fr, description_en, sort) VALUES
    ('appnexus', 'Appnexus', 'https://www.appnexus.com',
     'Ex-Alenty, racheté par le groupe américain : le dernier venu parmi nos partenaires.',
     'Formerly Alenty, bought by the American group: the newest of our partners.', 1),
    ('credit-agricole-finistere', 'Crédit Agricole du Finistère', 'https://www.credit-agricole.fr/ca-finistere/',
     'La banque régionale soutient la cantine depuis ses débuts.',
     'The regional bank has supported Silicon Kerne since its beginnings.', 2),
    ('oziolab', 'Oziolab', 'https://www.oziolab.fr',
     'Entreprise quimpéroise du numérique, partenaire des événements de la cantine.',
     'A Quimper digital company, partner of Silicon Kerne''s events.', 3),
    ('conseil-departemental-finistere', 'Conseil départemental du Finistère', 'https://www.finistere.fr',
     'Le Département soutient les actions d''e-éducation et l''animation du territoire.',
     'The county council supports the e-education work and local community events.', 4);

INSERT INTO board_members (name, role_fr, role_en, sort) VALUES
    ('Anne Le Gall', 'Présidente', 'President', 1),
    ('Yann Kerouédan', 'Vice-président', 'Vice-president', 2),
    ('Maëlle Cornec', 'Trésorière', 'Treasurer', 3),
    ('Erwan Le Bihan', 'Secrétaire', 'Secretary', 4),
    ('Soizic Tanguy', 'Administratrice', 'Board member', 5),
    ('Gwenaël Riou', 'Administrateur', 'Board member', 6),
    ('Nolwenn Quéméner', 'Administratrice', 'Board member', 7),
    ('Pierre-Yves Le Roux', 'Administrateur', 'Board member', 8),
    ('Katell Donnard', 'Administratrice', 'Board member', 9),
    ('Tristan Morvan', 'Administrateur', 'Board member', 10);

INSERT INTO resources (slug, kind, name_fr, name_en, description_fr, description_en, capacity) VALUES
    ('coworking', 'desk', 'Espace de coworking', 'Coworking space',
     'Un plateau lumineux de 12 postes, avec wifi, café et imprimante.',
     'A bright open space of 12 desks, with wifi, coffee and a printer.', 12),
    ('salle-reunion', 'room', 'Salle de réunion', 'Meeting room',
     'Une salle de 12 places équipée d''un système de visioconférence et d''un grand écran.',
     'A 12-seat room with a videoconference system and a large screen.', 12);
