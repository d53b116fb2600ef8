-- Issue 14, item 6 (SX-5 服务参保单位联系人制度): an employer's agency contact is a staff user of the agency, chosen
-- from the staff of the employer's city, not a typed name. agency_contact_name keeps the name shown (the staff user's
-- display name when chosen); a contact typed before this migration has no user and is shown as not chosen.
ALTER TABLE registry_employer
    ADD COLUMN agency_contact_user TEXT CHECK (char_length(agency_contact_user) <= 50),
    ADD CONSTRAINT registry_employer_agency_contact_named CHECK (agency_contact_user IS NULL OR agency_contact_name IS NOT NULL);
CREATE INDEX registry_employer_without_agency_contact_idx ON registry_employer (region_code) WHERE agency_contact_user IS NULL;
