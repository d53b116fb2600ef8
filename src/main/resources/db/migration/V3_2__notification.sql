-- notification: the outbox (one row per message and channel, written in the transaction of the change it tells
-- about), and what each channel adapter did with it.
CREATE TABLE notification_outbox (
    id             BIGSERIAL PRIMARY KEY,
    recipient_user VARCHAR(64),
    person_id      BIGINT,
    phone          VARCHAR(20),
    channel        VARCHAR(12)  NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    body           VARCHAR(1000) NOT NULL,
    link           VARCHAR(200),
    created_at     TIMESTAMPTZ  NOT NULL,
    sent_at        TIMESTAMPTZ,
    delivery       VARCHAR(500),
    read_at        TIMESTAMPTZ
);
CREATE INDEX notification_outbox_unsent_idx ON notification_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX notification_outbox_user_idx ON notification_outbox (recipient_user, channel, id);
