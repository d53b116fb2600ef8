-- Issue 14 item 7 (N-6, FJ-7): targeted notices. A publicity clerk (宣传) of a region writes a notice, chooses an
-- audience by rule and the channels, sees the count and sends it; sending moves the notice from DRAFT to SENT once
-- (the single winner writes the deliveries) and writes one outbox row per recipient and channel, tagged with the
-- notice: those rows are the delivery records.

ALTER TABLE identity_user DROP CONSTRAINT identity_user_role_check;
ALTER TABLE identity_user ADD CONSTRAINT identity_user_role_check CHECK (role IN ('CLERK','REVIEWER','FINANCE',
    'AUDITOR','HALL_MANAGER','ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','INJURY_RECOGNITION','PUBLICITY','INSURED_PERSON',
    'EMPLOYER'));

CREATE TABLE notification_notice (
    id             BIGSERIAL     NOT NULL,
    region_code    CHAR(6)       NOT NULL,
    title          VARCHAR(100)  NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 100),
    body           VARCHAR(1000) NOT NULL CHECK (char_length(btrim(body)) BETWEEN 1 AND 1000),
    audience       VARCHAR(40)   NOT NULL,
    channels       VARCHAR(100)  NOT NULL CHECK (channels <> ''),
    published      BOOLEAN       NOT NULL,
    state          VARCHAR(8)    NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SENT')),
    audience_count INT           NOT NULL CHECK (audience_count > 0),
    delivery_count INT           CHECK (delivery_count >= 0),
    created_by     VARCHAR(64)   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    sent_by        VARCHAR(64),
    sent_at        TIMESTAMPTZ,
    PRIMARY KEY (id, region_code),
    CONSTRAINT notification_notice_sent_complete CHECK ((state = 'SENT') = (sent_at IS NOT NULL)
        AND (state = 'SENT') = (sent_by IS NOT NULL) AND (state = 'SENT') = (delivery_count IS NOT NULL))
);
CREATE INDEX notification_notice_region_idx ON notification_notice (region_code bpchar_pattern_ops, id);
CREATE INDEX notification_notice_published_idx ON notification_notice (sent_at) WHERE published AND state = 'SENT';

-- the outbox: a notice's delivery records (a unit's too: employer_id); the new channels are recording adapters
ALTER TABLE notification_outbox
    ADD COLUMN notice_id   BIGINT,
    ADD COLUMN employer_id BIGINT,
    ADD CONSTRAINT notification_outbox_channel_check CHECK (channel IN ('IN_APP', 'SMS', 'WECHAT', 'HOTLINE',
        'MINZHENGTONG', 'LETTER')),
    ADD CONSTRAINT notification_outbox_notice_addressee CHECK (notice_id IS NULL
        OR (person_id IS NULL) <> (employer_id IS NULL));
-- one delivery per notice, addressee and channel
CREATE UNIQUE INDEX notification_outbox_notice_key ON notification_outbox (notice_id, channel,
    coalesce(person_id, 0), coalesce(employer_id, 0), region_code) WHERE notice_id IS NOT NULL;

-- a distributed table: its region never changes (DistributionColumnIT)
CREATE TRIGGER notification_notice_region_fixed BEFORE UPDATE OF region_code ON notification_notice FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
