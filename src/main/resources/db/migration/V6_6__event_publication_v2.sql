-- Spring Modulith 2 (issue 18, Spring Boot 4) keeps a publication's status, its completion attempts and when it was
-- last resubmitted: the columns of spring-modulith-events-jdbc 2.0's schema for PostgreSQL (schemas/v2).
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS status TEXT;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS completion_attempts INT;
ALTER TABLE event_publication ADD COLUMN IF NOT EXISTS last_resubmission_date TIMESTAMP WITH TIME ZONE;
