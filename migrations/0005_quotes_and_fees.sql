-- The association's identifiers, printed on room quotes (staff fill them in on the settings page).
INSERT INTO settings (key, value) VALUES ('legal_identity', '{"rna":"","siret":""}');
-- The yearly membership fee, told to a new member before they try to book (30 € until staff change it).
INSERT INTO settings (key, value) VALUES ('membership_fee_cents', '3000');
